import { containsFolded, foldText, initialsOf } from './text';

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
