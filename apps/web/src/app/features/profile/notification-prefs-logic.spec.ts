import { topicsForKind } from './notification-prefs-logic';

describe('topicsForKind', () => {
  it('maps a mail kind of an unsubscribe link to its settings', () => {
    expect(topicsForKind('application.submitted')).toEqual(['applications']);
    expect(topicsForKind('chat.digest')).toEqual(['mentions', 'directMessages']);
  });
  it('ignores essential, unknown and missing kinds', () => {
    expect(topicsForKind('account.password_reset')).toEqual([]);
    expect(topicsForKind('nonsense')).toEqual([]);
    expect(topicsForKind(null)).toEqual([]);
  });
});
