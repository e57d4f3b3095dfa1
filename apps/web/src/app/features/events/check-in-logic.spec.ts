import type { Attendee } from '@klasteris/contracts';
import { checkInRows, checkInTally, withMark } from './check-in-logic';

const person = (id: string, over: Partial<Attendee> = {}): Attendee => ({
  id,
  kind: 'member',
  userId: null,
  name: id,
  organisationId: null,
  organisationName: null,
  country: null,
  status: 'going',
  respondedAt: '2026-03-01T10:00:00.000Z',
  checkedIn: null,
  ...over,
});

describe('check-in desk', () => {
  const list = [
    person('Ona', { checkedIn: true, organisationName: 'Etronika' }),
    person('Jonas', { checkedIn: false }),
    person('Leyla', { kind: 'prospect', country: 'AZ' }),
    person('Rūta', { status: 'waitlisted', position: 1 }),
    person('Petras', { status: 'maybe', checkedIn: true }),
  ];

  it('counts over the whole list: going, present (whoever was let in), absent, going and not marked', () => {
    expect(checkInTally(list)).toEqual({ going: 3, present: 2, absent: 1, unmarked: 1 });
  });

  it('shows the people going, not marked first, then by name; everyone on request; the search narrows', () => {
    expect(checkInRows(list, '', false).map((a) => a.name)).toEqual(['Leyla', 'Jonas', 'Ona']);
    expect(checkInRows(list, '', true).map((a) => a.name)).toEqual(['Leyla', 'Rūta', 'Jonas', 'Ona', 'Petras']);
    expect(checkInRows(list, 'etron', false).map((a) => a.name)).toEqual(['Ona']);
    expect(checkInRows(list, 'ruta', true).map((a) => a.name)).toEqual(['Rūta']);
  });

  it('puts a new mark in place and the counts follow', () => {
    const next = withMark(list, { ...list[2]!, checkedIn: true });
    expect(next[2]!.checkedIn).toBe(true);
    expect(checkInTally(next)).toEqual({ going: 3, present: 3, absent: 1, unmarked: 0 });
  });
});
