import type {
  ClusterEvent,
  CreateEventRequest,
  CreateEventSeriesRequest,
  EventKind,
  EventOrganiser,
  EventState,
  EventVenue,
  EventVenueInput,
  EventVisibility,
  UpdateEventRequest,
} from '@klasteris/contracts';
import { DateTime } from 'luxon';

/* Pure logic of the events screens: times in two zones, venue states, filters, the form ↔ request mapping. */

/** Day formats per language: "Tue 3 Mar 2026" in English, "2026-03-03 (an)" in Lithuanian (its usual date order). */
const DAY_FORMATS: Record<string, { day: string; dayNoYear: string; lastDay: string }> = {
  en: { day: 'ccc d LLL yyyy', dayNoYear: 'ccc d LLL', lastDay: 'd LLL yyyy' },
  lt: { day: 'yyyy-LL-dd (ccc)', dayNoYear: 'LL-dd (ccc)', lastDay: 'yyyy-LL-dd' },
};
const formatsOf = (locale: string): { day: string; dayNoYear: string; lastDay: string } =>
  DAY_FORMATS[locale.slice(0, 2)] ?? DAY_FORMATS['en']!;
/** Luxon locale for a UI language (British English: day before month, 24-hour clock). */
export const luxonLocale = (lang: string): string => (lang === 'en' ? 'en-GB' : lang);

/** A readable span in a zone: "Tue 3 Mar 2026, 10:00–12:00", or with both days when it spans several. */
export function spanLabel(startIso: string, endIso: string, zone: string, locale: string): string {
  const s = DateTime.fromISO(startIso, { zone }).setLocale(luxonLocale(locale));
  const e = DateTime.fromISO(endIso, { zone }).setLocale(luxonLocale(locale));
  if (!s.isValid || !e.isValid) return '';
  const f = formatsOf(locale);
  const midnight = (d: DateTime): boolean => d.hour === 0 && d.minute === 0;
  if (midnight(s) && midnight(e) && e > s) return venueDays(startIso, endIso, zone, locale);
  if (s.hasSame(e.minus({ milliseconds: 1 }), 'day')) return `${s.toFormat(f.day)}, ${s.toFormat('HH:mm')}–${e.toFormat('HH:mm')}`;
  return `${s.toFormat(f.dayNoYear)}, ${s.toFormat('HH:mm')} – ${e.toFormat(f.day)}, ${e.toFormat('HH:mm')}`;
}

/** "UTC+04:00" of a zone at an instant. */
export const offsetOf = (iso: string, zone: string): string => `UTC${DateTime.fromISO(iso, { zone }).toFormat('ZZ')}`;

export interface EventTimes {
  /** in the event's own zone */
  local: string;
  /** the event's zone with its offset then, e.g. "Asia/Muscat, UTC+04:00" */
  zone: string;
  /** in the viewer's zone; null when it reads the same as `local` */
  mine: string | null;
}

/** When an event happens, in its zone and in mine (shown only when the two differ). */
export function eventTimes(e: Pick<ClusterEvent, 'start' | 'end' | 'timeZone'>, myZone: string, locale: string): EventTimes {
  const local = spanLabel(e.start, e.end, e.timeZone, locale);
  const mineLabel = spanLabel(e.start, e.end, myZone, locale);
  const sameClock = offsetOf(e.start, e.timeZone) === offsetOf(e.start, myZone) && offsetOf(e.end, e.timeZone) === offsetOf(e.end, myZone);
  return { local, zone: `${e.timeZone}, ${offsetOf(e.start, e.timeZone)}`, mine: sameClock ? null : `${mineLabel} (${myZone})` };
}

/** Day and month for a card's date badge, in the event's zone ("Mar" in English, "kovas" in Lithuanian, whose short months are numbers). */
export function dateBadge(iso: string, zone: string, locale: string): { day: string; month: string; weekday: string } {
  const d = DateTime.fromISO(iso, { zone }).setLocale(luxonLocale(locale));
  return { day: d.toFormat('d'), month: d.toFormat(locale.startsWith('en') ? 'LLL' : 'LLLL'), weekday: d.toFormat('ccc') };
}

/**
 * What the venue looks like to people:
 * booked (confirmed), pending (waits for approval: "venue pending"), unbooked (a draft: booked on publishing),
 * refused (the booking was rejected), released (cancelled or lapsed), or none (an address or a link).
 */
export type VenueState = 'booked' | 'pending' | 'unbooked' | 'refused' | 'released' | 'none';

export function venueState(v: EventVenue, state: EventState): VenueState {
  if (v.kind !== 'resource') return 'none';
  switch (v.bookingStatus) {
    case 'confirmed':
    case 'completed':
      return 'booked';
    case 'pending':
    case 'held':
      return 'pending';
    case 'rejected':
      return 'refused';
    case 'cancelled':
    case 'expired':
      return 'released';
    case null:
      return state === 'cancelled' ? 'released' : 'unbooked';
  }
}

/** Places left, or null for no limit (never below 0). */
export function placesLeft(e: Pick<ClusterEvent, 'capacity' | 'going'>): number | null {
  return e.capacity === null ? null : Math.max(0, e.capacity - e.going);
}

export const isPast = (e: Pick<ClusterEvent, 'end'>, now = Date.now()): boolean => Date.parse(e.end) <= now;

/** A stable key for an organiser: "cluster", "group:<id>", "project:<id>", "organisation:<id>". */
export function organiserKey(o: EventOrganiser): string {
  return o.type === 'cluster' || o.id === null ? 'cluster' : `${o.type}:${o.id}`;
}

export function parseOrganiserKey(key: string): EventOrganiser {
  const [type, id] = key.split(':');
  if ((type === 'group' || type === 'project' || type === 'organisation') && id) return { type, id };
  return { type: 'cluster', id: null };
}

export interface EventFilter {
  kind: EventKind | '';
  /** an organiserKey, or '' for any */
  organiser: string;
  /** only events I answered going / maybe (or waitlisted), or that I organise */
  mine: boolean;
}

export const NO_FILTER: EventFilter = { kind: '', organiser: '', mine: false };

export function isMine(e: ClusterEvent, myId: string | null): boolean {
  const answered = e.myRsvp !== null && e.myRsvp.status !== 'declined';
  return answered || (myId !== null && e.createdBy === myId);
}

export function matchesFilter(e: ClusterEvent, f: EventFilter, myId: string | null): boolean {
  if (f.kind && e.kind !== f.kind) return false;
  if (f.organiser && organiserKey(e.organiser) !== f.organiser) return false;
  if (f.mine && !isMine(e, myId)) return false;
  return true;
}

export interface MonthGroup {
  key: string;
  label: string;
  items: ClusterEvent[];
}

/** Events in runs of the same month (of the viewer's zone), in the order given. */
export function groupByMonth(items: readonly ClusterEvent[], zone: string, locale: string): MonthGroup[] {
  const groups: MonthGroup[] = [];
  for (const e of items) {
    const d = DateTime.fromISO(e.start, { zone }).setLocale(luxonLocale(locale));
    const key = d.toFormat('yyyy-LL');
    const last = groups[groups.length - 1];
    if (last && last.key === key) last.items.push(e);
    else groups.push({ key, label: d.toLocaleString({ month: 'long', year: 'numeric' }), items: [e] });
  }
  return groups;
}

/* ------------------------------------------------------------------ the form */

export type VenueKind = 'resource' | 'address' | 'online';

export interface EventFormValue {
  title: string;
  description: string;
  kind: EventKind;
  /** an organiserKey */
  organiser: string;
  /** local wall time in `timeZone`: yyyy-MM-dd and HH:mm */
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  timeZone: string;
  venueKind: VenueKind;
  resourceId: string;
  address: string;
  city: string;
  country: string;
  url: string;
  /** null: no limit */
  capacity: number | null;
  visibility: EventVisibility;
}

/** Local wall time in a zone → an ISO instant with that zone's offset; null when not a real time. */
export function localToIso(date: string, time: string, zone: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const d = DateTime.fromISO(`${date}T${time}`, { zone });
  return d.isValid ? d.toISO({ suppressMilliseconds: true }) : null;
}

export function isoToLocal(iso: string, zone: string): { date: string; time: string } {
  const d = DateTime.fromISO(iso, { zone });
  return { date: d.toFormat('yyyy-LL-dd'), time: d.toFormat('HH:mm') };
}

/** A new event's defaults: two weeks ahead at 10:00–12:00 in my zone. */
export function emptyForm(zone: string, organiser: string, now = DateTime.now()): EventFormValue {
  const day = now.setZone(zone).plus({ days: 14 }).toFormat('yyyy-LL-dd');
  return {
    title: '',
    description: '',
    kind: 'internal',
    organiser,
    startDate: day,
    startTime: '10:00',
    endDate: day,
    endTime: '12:00',
    timeZone: zone,
    venueKind: 'resource',
    resourceId: '',
    address: '',
    city: '',
    country: '',
    url: '',
    capacity: null,
    visibility: 'members',
  };
}

export function formFromEvent(e: ClusterEvent): EventFormValue {
  const s = isoToLocal(e.start, e.timeZone);
  const en = isoToLocal(e.end, e.timeZone);
  const v = e.venue;
  return {
    title: e.title,
    description: e.description ?? '',
    kind: e.kind,
    organiser: organiserKey(e.organiser),
    startDate: s.date,
    startTime: s.time,
    endDate: en.date,
    endTime: en.time,
    timeZone: e.timeZone,
    venueKind: v.kind === 'online' ? 'online' : v.kind,
    resourceId: v.kind === 'resource' ? v.resourceId : '',
    address: v.kind === 'address' ? v.address : '',
    city: v.kind === 'address' ? v.city : '',
    country: v.kind === 'address' ? v.country : '',
    url: v.kind === 'online' ? v.url : '',
    capacity: e.capacity,
    visibility: e.visibility,
  };
}

export function venueInput(v: EventFormValue): EventVenueInput {
  switch (v.venueKind) {
    case 'resource':
      return { resourceId: v.resourceId };
    case 'address':
      return { address: v.address.trim(), city: v.city.trim(), country: v.country };
    case 'online':
      return { url: v.url.trim() };
  }
}

export function toCreateRequest(v: EventFormValue, publish: boolean): CreateEventRequest {
  const o = parseOrganiserKey(v.organiser);
  const description = v.description.trim();
  return {
    title: v.title.trim(),
    ...(description ? { description } : {}),
    kind: v.kind,
    start: localToIso(v.startDate, v.startTime, v.timeZone) ?? '',
    end: localToIso(v.endDate, v.endTime, v.timeZone) ?? '',
    timeZone: v.timeZone,
    ...(v.capacity !== null ? { capacity: v.capacity } : {}),
    visibility: v.visibility,
    ...(o.type === 'group' && o.id ? { groupId: o.id } : {}),
    ...(o.type === 'project' && o.id ? { projectId: o.id } : {}),
    ...(o.type === 'organisation' && o.id ? { organisationId: o.id } : {}),
    venue: venueInput(v),
    publish,
  };
}

const sameVenue = (a: EventVenueInput, b: EventVenueInput): boolean =>
  (a.resourceId ?? '') === (b.resourceId ?? '') &&
  (a.address ?? '') === (b.address ?? '') &&
  (a.city ?? '') === (b.city ?? '') &&
  (a.country ?? '') === (b.country ?? '') &&
  (a.url ?? '') === (b.url ?? '');

/** Only what changed (the organiser is fixed once created); `publish` publishes a draft. */
export function toUpdateRequest(original: ClusterEvent, v: EventFormValue, publish: boolean): UpdateEventRequest {
  const was = formFromEvent(original);
  const out: UpdateEventRequest = {};
  if (v.title.trim() !== was.title) out.title = v.title.trim();
  const description = v.description.trim();
  if (description !== was.description.trim()) out.description = description || null;
  if (v.kind !== was.kind) out.kind = v.kind;
  const start = localToIso(v.startDate, v.startTime, v.timeZone) ?? '';
  const end = localToIso(v.endDate, v.endTime, v.timeZone) ?? '';
  if (Date.parse(start) !== Date.parse(original.start) || !start) out.start = start;
  if (Date.parse(end) !== Date.parse(original.end) || !end) out.end = end;
  if (v.timeZone !== was.timeZone) out.timeZone = v.timeZone;
  if (v.capacity !== was.capacity) out.capacity = v.capacity;
  if (v.visibility !== was.visibility) out.visibility = v.visibility;
  const venue = venueInput(v);
  if (!sameVenue(venue, venueInput(was))) out.venue = venue;
  if (publish && original.state === 'draft') out.publish = true;
  return out;
}

/** The form control an API field error belongs to (nested venue fields included); null when none fits. */
export function controlOf(field: string): keyof EventFormValue | null {
  switch (field) {
    case 'title':
    case 'description':
    case 'kind':
    case 'timeZone':
    case 'capacity':
    case 'visibility':
      return field;
    case 'start':
      return 'startDate';
    case 'end':
      return 'endDate';
    case 'groupId':
    case 'projectId':
    case 'organisationId':
      return 'organiser';
    case 'venue':
    case 'venue.resourceId':
      return 'resourceId';
    case 'venue.address':
      return 'address';
    case 'venue.city':
      return 'city';
    case 'venue.country':
      return 'country';
    case 'venue.url':
      return 'url';
    default:
      return null;
  }
}

/** Visibilities an organiser may pick: "group" only for a group's event, "project" only for a project's. */
export function visibilitiesFor(organiser: string): EventVisibility[] {
  const t = parseOrganiserKey(organiser).type;
  return ['public', 'members', ...(t === 'group' ? (['group'] as const) : []), ...(t === 'project' ? (['project'] as const) : [])];
}

/** Attendees whose name, organisation or country (code) contains the query; case and diacritics ignored. */
export function filterAttendees<T extends { name: string; organisationName: string | null; country: string | null }>(
  items: readonly T[],
  query: string,
): T[] {
  const fold = (s: string): string =>
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
  const q = fold(query.trim());
  if (!q) return [...items];
  return items.filter((a) => [a.name, a.organisationName ?? '', a.country ?? ''].some((s) => fold(s).includes(q)));
}

/** The local days a by-the-day booking covers, e.g. "Tue 3 Mar 2026" or "Tue 3 Mar – 4 Mar 2026". */
export function venueDays(startIso: string, endIso: string, zone: string, locale: string): string {
  const f = formatsOf(locale);
  const s = DateTime.fromISO(startIso, { zone }).setLocale(luxonLocale(locale)).startOf('day');
  const e = DateTime.fromISO(endIso, { zone }).setLocale(luxonLocale(locale));
  const last = e.equals(e.startOf('day')) ? e.minus({ days: 1 }) : e.startOf('day');
  return s.hasSame(last, 'day') || last < s ? s.toFormat(f.day) : `${s.toFormat(f.dayNoYear)} – ${last.toFormat(f.lastDay)}`;
}

/** An instant for people: "14:30" today, else its day and time, in a zone. */
export function momentLabel(iso: string, zone: string, locale: string, now = DateTime.now()): string {
  const d = DateTime.fromISO(iso, { zone }).setLocale(luxonLocale(locale));
  if (!d.isValid) return '';
  return d.hasSame(now.setZone(zone), 'day') ? d.toFormat('HH:mm') : `${d.toFormat(formatsOf(locale).day)}, ${d.toFormat('HH:mm')}`;
}

export type Repeat = 'none' | 'weekly' | 'monthly';

/** A new event that repeats: the event's fields plus the rule (every week or month, `count` times). */
export function toSeriesRequest(
  v: EventFormValue,
  publish: boolean,
  repeat: Exclude<Repeat, 'none'>,
  count: number,
): CreateEventSeriesRequest {
  return { ...toCreateRequest(v, publish), recurrence: { freq: repeat, count } };
}
