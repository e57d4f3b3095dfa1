import { matchRules } from './word-filter';

describe('word filter', () => {
  it('matches whole words, ignoring case and diacritics', () => {
    expect(matchRules([{ pattern: 'Šlamštas', action: 'block' }], 'tai SLAMSTAS!')).toEqual({ action: 'block', pattern: 'Šlamštas' });
    expect(matchRules([{ pattern: 'spam', action: 'block' }], 'spammer here')).toBeNull();
  });

  it('a trailing * matches word endings; block wins over flag', () => {
    const rules = [
      { pattern: 'spam*', action: 'flag' as const },
      { pattern: 'scam', action: 'block' as const },
    ];
    expect(matchRules(rules, 'spammer')).toEqual({ action: 'flag', pattern: 'spam*' });
    expect(matchRules(rules, 'spammer scam')).toEqual({ action: 'block', pattern: 'scam' });
  });

  it('treats regex operators literally and stays fast on hostile input', () => {
    expect(matchRules([{ pattern: '(a+)+$', action: 'block' }], 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!')).toBeNull();
    expect(matchRules([{ pattern: 'a.b', action: 'block' }], 'axb')).toBeNull();
    expect(matchRules([{ pattern: 'a.b', action: 'block' }], 'see a.b now')).not.toBeNull();
    // a catastrophic pattern would hang here; the bounded tail only matches a whole short word
    expect(matchRules([{ pattern: 'a*', action: 'flag' }], 'a'.repeat(4000) + '!')).toBeNull();
  });
});
