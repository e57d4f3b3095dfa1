import { onceBlackout, weeklyBlackout } from './blackouts';

describe('maintenance windows entered in the resource zone', () => {
  it('a one-off window is stored as instants of local wall time, on either side of DST', () => {
    expect(onceBlackout('2027-01-12T10:00', '2027-01-12T12:00', 'Europe/Vilnius', ' Projector ')).toEqual({
      kind: 'once',
      start: '2027-01-12T08:00:00.000Z',
      end: '2027-01-12T10:00:00.000Z',
      reason: 'Projector',
    });
    expect(onceBlackout('2027-07-12T10:00', '2027-07-12T12:00', 'Europe/Vilnius', '')).toMatchObject({
      start: '2027-07-12T07:00:00.000Z',
      reason: null,
    });
    // Muscat has no DST: always UTC+4.
    expect(onceBlackout('2027-07-12T10:00', '2027-07-12T12:00', 'Asia/Muscat', '')).toMatchObject({ start: '2027-07-12T06:00:00.000Z' });
  });

  it('refuses windows that do not end after they start, or unreadable times', () => {
    expect(onceBlackout('2027-01-12T12:00', '2027-01-12T10:00', 'Europe/Vilnius', '')).toBeNull();
    expect(onceBlackout('', '2027-01-12T10:00', 'Europe/Vilnius', '')).toBeNull();
    expect(weeklyBlackout(5, '17:00', '16:00', '')).toBeNull();
    expect(weeklyBlackout(5, '', '16:00', '')).toBeNull();
    expect(weeklyBlackout(5, '16:00', '17:00', 'Cleaning')).toEqual({
      kind: 'weekly',
      weekday: 5,
      from: '16:00',
      to: '17:00',
      reason: 'Cleaning',
    });
  });
});
