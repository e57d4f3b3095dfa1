import { candidateDueDates, morningAt } from './morning-mails';

describe('morning mails', () => {
  it('opens at 08:00 local time for two hours', () => {
    // 05:59 / 06:00 UTC in winter = 07:59 / 08:00 in Vilnius (UTC+2)
    expect(morningAt(new Date('2026-12-04T05:59:59Z'), 'Europe/Vilnius')).toBeNull();
    expect(morningAt(new Date('2026-12-04T06:00:00Z'), 'Europe/Vilnius')).toEqual({
      today: '2026-12-04',
      tomorrow: '2026-12-05',
      yesterday: '2026-12-03',
    });
    expect(morningAt(new Date('2026-12-04T07:59:59Z'), 'Europe/Vilnius')).not.toBeNull();
    expect(morningAt(new Date('2026-12-04T08:00:00Z'), 'Europe/Vilnius')).toBeNull();
  });

  it('follows the zone and its summer time', () => {
    // 04:30 UTC: 08:30 in Muscat (UTC+4), 06:30 in Vilnius
    expect(morningAt(new Date('2026-12-04T04:30:00Z'), 'Asia/Muscat')?.today).toBe('2026-12-04');
    expect(morningAt(new Date('2026-12-04T04:30:00Z'), 'Europe/Vilnius')).toBeNull();
    // in July Vilnius is UTC+3: 05:00 UTC is 08:00
    expect(morningAt(new Date('2026-07-01T05:00:00Z'), 'Europe/Vilnius')?.today).toBe('2026-07-01');
    // across a month end
    expect(morningAt(new Date('2026-12-31T06:30:00Z'), 'Europe/Vilnius')).toEqual({
      today: '2026-12-31',
      tomorrow: '2027-01-01',
      yesterday: '2026-12-30',
    });
  });

  it('refuses an unknown zone rather than guessing', () => {
    expect(morningAt(new Date('2026-12-04T06:30:00Z'), 'Mars/Olympus')).toBeNull();
  });

  it('scans every date any zone may call yesterday or tomorrow', () => {
    expect(candidateDueDates(new Date('2026-12-04T23:30:00Z'))).toEqual([
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
    ]);
  });
});
