import { dateBadge, differsFromViewer, offsetLabel, venueText, whenLabel } from './event-format';

describe('visitor event formatting', () => {
  it('writes a same-day event in its own zone', () => {
    expect(whenLabel('2026-03-10T06:00:00Z', '2026-03-10T09:00:00Z', 'Asia/Muscat', 'en')).toBe('Tue, 10 Mar 2026, 10:00–13:00');
    expect(whenLabel('2026-03-10T08:00:00Z', '2026-03-10T11:00:00Z', 'Europe/Vilnius', 'en')).toBe('Tue, 10 Mar 2026, 10:00–13:00');
  });

  it('writes both days of an event that spans days', () => {
    expect(whenLabel('2026-03-10T06:00:00Z', '2026-03-11T14:00:00Z', 'Asia/Almaty', 'en')).toMatch(
      /10 Mar 2026, 11:00 – .*11 Mar 2026, 19:00/,
    );
  });

  it('an event ending at midnight stays on its day', () => {
    expect(whenLabel('2026-03-10T18:00:00Z', '2026-03-10T22:00:00Z', 'Europe/Vilnius', 'en')).toBe('Tue, 10 Mar 2026, 20:00–00:00');
  });

  it('writes Lithuanian dates', () => {
    expect(whenLabel('2026-03-10T08:00:00Z', '2026-03-10T11:00:00Z', 'Europe/Vilnius', 'lt')).toBe('2026 m. kovo 10 d., an, 10:00–13:00');
    expect(dateBadge('2026-12-24T08:00:00Z', 'Europe/Vilnius', 'lt')).toEqual({ day: '24', month: 'gruod.' });
    expect(dateBadge('2026-03-10T08:00:00Z', 'Europe/Vilnius', 'en')).toEqual({ day: '10', month: 'Mar' });
  });

  it('names the offset and tells when the viewer is elsewhere', () => {
    expect(offsetLabel('2026-03-10T08:00:00Z', 'Asia/Baku', 'en')).toBe('GMT+4');
    expect(differsFromViewer({ start: '2026-03-10T08:00:00Z', timeZone: 'Asia/Baku' }, 'Europe/Vilnius')).toBe(true);
    expect(differsFromViewer({ start: '2026-03-10T08:00:00Z', timeZone: 'Europe/Vilnius' }, 'Europe/Vilnius')).toBe(false);
  });

  it('writes the venue in one line', () => {
    const name = (c: string) => (c === 'OM' ? 'Oman' : c);
    expect(venueText({ kind: 'address', address: 'Al Bustan', city: 'Muscat', country: 'OM' }, name)).toBe('Al Bustan, Muscat, Oman');
    expect(venueText({ kind: 'resource', name: 'INFOBALT event hall' }, name)).toBe('INFOBALT event hall');
    expect(venueText({ kind: 'online' }, name)).toBeNull();
  });
});
