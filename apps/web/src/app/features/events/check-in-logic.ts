import type { Attendee } from '@klasteris/contracts';
import { filterAttendees } from './event-logic';

/** The check-in desk's counts, always over the whole list (whatever the search shows). */
export interface CheckInTally {
  /** holding a place */
  going: number;
  /** marked present (anyone who answered: someone from the line may be let in at the door) */
  present: number;
  absent: number;
  /** going and not marked yet */
  unmarked: number;
}

export function checkInTally(items: readonly Pick<Attendee, 'status' | 'checkedIn'>[]): CheckInTally {
  const t: CheckInTally = { going: 0, present: 0, absent: 0, unmarked: 0 };
  for (const a of items) {
    if (a.status === 'going') t.going++;
    if (a.checkedIn === true) t.present++;
    else if (a.checkedIn === false) t.absent++;
    else if (a.status === 'going') t.unmarked++;
  }
  return t;
}

/** The rows of the desk: the people going (or everyone who answered), narrowed by the search, not marked first. */
export function checkInRows<T extends Pick<Attendee, 'status' | 'checkedIn' | 'name' | 'organisationName' | 'country'>>(
  items: readonly T[],
  query: string,
  everyone: boolean,
): T[] {
  const rank = (a: T): number => (a.checkedIn === undefined || a.checkedIn === null ? 0 : 1);
  return filterAttendees(
    items.filter((a) => everyone || a.status === 'going'),
    query,
  ).sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

/** The list with one attendee's new mark in place. */
export const withMark = <T extends Pick<Attendee, 'id'>>(items: readonly T[], marked: T): T[] =>
  items.map((a) => (a.id === marked.id ? marked : a));
