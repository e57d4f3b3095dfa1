import { bookingTime, joined, NotificationTexts as T } from './notice-texts';

describe('notice texts', () => {
  it('a mute names its end in UTC minutes; LT quotes the group name', () => {
    expect(T.groupMuted({ group: 'Duomenų centrai', until: '2026-03-03T10:15:42.000Z' })).toEqual({
      en: 'You cannot post in Duomenų centrai until 2026-03-03 10:15 UTC',
      lt: 'Negalite rašyti grupėje „Duomenų centrai“ iki 2026-03-03 10:15 UTC',
    });
  });

  it('a resolved report tells its outcome', () => {
    expect(T.groupReportResolved({ group: 'G', action: 'dismiss' }).en).toBe('Your report in G: no action was needed');
    expect(T.groupReportResolved({ group: 'G', action: 'delete' }).lt).toBe('Jūsų pranešimas grupėje „G“: žinutė pašalinta');
  });

  it('a booking time in the resource’s zone, weekday and month in each language', () => {
    const time = bookingTime({
      start: new Date('2026-03-02T08:00:00Z'),
      end: new Date('2026-03-02T10:00:00Z'),
      timeZone: 'Europe/Vilnius',
    });
    expect(time.en).toBe('Mon 2 Mar 2026, 10:00–12:00 (Europe/Vilnius)');
    expect(time.lt).toMatch(/^2026-03-02 \(\S+\), 10:00–12:00 \(Europe\/Vilnius\)$/);
    expect(joined(time, 'Dirbtuvės').lt).toMatch(/ — Dirbtuvės$/);
  });
});
