import { containsFolded, escapeRegex, foldText, initialsOf, logSafe } from './text';

describe('foldText', () => {
  it.each([
    ['Duomenų centras', 'duomenu centras'],
    ['INFORMACINĖ RAIDA', 'informacine raida'],
    ['Ąžuolas Čiurlionis Šėmė Ūla Įvykis', 'azuolas ciurlionis seme ula ivykis'],
    ['  Andris   Bērziņš ', 'andris berzins'],
  ])('%s → %s', (input, folded) => {
    expect(foldText(input)).toBe(folded);
  });
});

describe('containsFolded', () => {
  it('matches folded text and treats regex syntax literally', () => {
    expect(containsFolded('DUOMENŲ').test('duomenu centras')).toBe(true);
    expect(containsFolded('a+').test('aaa')).toBe(false);
    expect(containsFolded('a+').test('x a+ y')).toBe(true);
    expect(containsFolded('(.*)').source).toBe('\\(\\.\\*\\)');
  });
});

describe('initialsOf', () => {
  it.each([
    ['Rūta Kazlauskienė', 'RK'],
    ['Salim Al-Harthy', 'SA'],
    ['Cher', 'CH'],
    ['Jonas Petras Jankauskas', 'JJ'],
    ['   ', '?'],
  ])('%s → %s', (name, initials) => {
    expect(initialsOf(name)).toBe(initials);
  });
});

describe('logSafe', () => {
  it('keeps a forged log line on the line it came in on, with every control character visible', () => {
    const forged = 'bad q\n[Nest] 1  - 12/03/2026 ERROR [Auth] admin signed in\r\u0000\u001b[31m\u202eevil';
    const safe = logSafe(forged);
    // eslint-disable-next-line no-control-regex -- asserting none is left
    expect(safe).not.toMatch(/[\n\r\u0000\u001b\u202e]/u);
    expect(safe).toBe('bad q\\n[Nest] 1  - 12/03/2026 ERROR [Auth] admin signed in\\r\\x00\\x1b[31m\\u202eevil');
  });

  it('leaves ordinary text, Lithuanian letters included, as it is', () => {
    expect(logSafe('Duomenų centras — Vilnius')).toBe('Duomenų centras — Vilnius');
  });
});

describe('escapeRegex with a NUL', () => {
  it('writes NUL as an escape that still matches it', () => {
    const source = escapeRegex('a\u0000b');
    expect(source).not.toContain('\u0000');
    expect(new RegExp(source).test('xa\u0000by')).toBe(true);
  });
});
