import { quietUntil } from './quiet-hours';

describe('quietUntil', () => {
  const night = { start: '22:00', end: '07:00' };

  it('is null outside quiet hours or without them', () => {
    expect(quietUntil(new Date('2026-03-10T10:00:00Z'), night, 'Europe/Vilnius')).toBeNull();
    expect(quietUntil(new Date('2026-03-10T23:00:00Z'), null, 'Europe/Vilnius')).toBeNull();
    expect(quietUntil(new Date('2026-03-10T23:00:00Z'), { start: '08:00', end: '08:00' }, 'Europe/Vilnius')).toBeNull();
  });

  it('spans midnight in the person’s time zone', () => {
    // 21:30 UTC = 23:30 in Vilnius (UTC+2 in March): quiet until 07:00 Vilnius next day = 05:00 UTC
    expect(quietUntil(new Date('2026-03-10T21:30:00Z'), night, 'Europe/Vilnius')?.toISOString()).toBe('2026-03-11T05:00:00.000Z');
    // 03:00 UTC = 05:00 Vilnius: quiet until 07:00 the same day
    expect(quietUntil(new Date('2026-03-11T03:00:00Z'), night, 'Europe/Vilnius')?.toISOString()).toBe('2026-03-11T05:00:00.000Z');
    // the same instant is 07:00 in Muscat (UTC+4): the quiet hours just ended there
    expect(quietUntil(new Date('2026-03-11T03:00:00Z'), night, 'Asia/Muscat')).toBeNull();
    // the end minute itself is no longer quiet; the start minute is
    expect(quietUntil(new Date('2026-03-11T05:00:00Z'), night, 'Europe/Vilnius')).toBeNull();
    expect(quietUntil(new Date('2026-03-10T20:00:00Z'), night, 'Europe/Vilnius')?.toISOString()).toBe('2026-03-11T05:00:00.000Z');
  });

  it('handles a daytime period and a DST change', () => {
    const lunch = { start: '12:00', end: '13:30' };
    expect(quietUntil(new Date('2026-07-01T09:15:00Z'), lunch, 'Europe/Riga')?.toISOString()).toBe('2026-07-01T10:30:00.000Z');
    expect(quietUntil(new Date('2026-07-01T10:30:00Z'), lunch, 'Europe/Riga')).toBeNull();
    // the night of 28→29 March 2026 (clocks go to UTC+3 at 03:00): 07:00 local is 04:00 UTC
    expect(quietUntil(new Date('2026-03-28T23:00:00Z'), night, 'Europe/Vilnius')?.toISOString()).toBe('2026-03-29T04:00:00.000Z');
  });
});
