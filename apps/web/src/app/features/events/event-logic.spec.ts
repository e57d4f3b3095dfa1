import type { ClusterEvent, EventVenue } from '@klasteris/contracts';
import { DateTime } from 'luxon';
import {
  controlOf,
  dateBadge,
  emptyForm,
  eventTimes,
  filterAttendees,
  formFromEvent,
  groupByMonth,
  isMine,
  localToIso,
  matchesFilter,
  momentLabel,
  NO_FILTER,
  organiserKey,
  parseOrganiserKey,
  placesLeft,
  spanLabel,
  toCreateRequest,
  toSeriesRequest,
  toUpdateRequest,
  venueDays,
  venueState,
  visibilitiesFor,
} from './event-logic';

const hall: EventVenue = {
  kind: 'resource',
  resourceId: 'r1',
  resourceName: 'INFOBALT event hall',
  bookingId: 'b1',
  bookingStatus: 'pending',
};

function event(over: Partial<ClusterEvent> = {}): ClusterEvent {
  return {
    id: 'e1',
    title: 'Cloud day',
    description: null,
    kind: 'internal',
    organiser: { type: 'cluster', id: null },
    groupId: null,
    projectId: null,
    organisationId: null,
    start: '2026-03-03T08:00:00.000Z',
    end: '2026-03-03T10:00:00.000Z',
    timeZone: 'Europe/Vilnius',
    capacity: 10,
    going: 4,
    visibility: 'members',
    state: 'published',
    venue: hall,
    createdBy: 'u9',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    myRsvp: null,
    canManage: false,
    ...over,
  };
}

describe('times in two zones', () => {
  it('labels a span in the event zone, one day or several', () => {
    expect(spanLabel('2026-03-03T08:00:00Z', '2026-03-03T10:00:00Z', 'Europe/Vilnius', 'en')).toBe('Tue 3 Mar 2026, 10:00–12:00');
    expect(spanLabel('2026-03-03T08:00:00Z', '2026-03-04T14:00:00Z', 'Europe/Vilnius', 'en')).toBe(
      'Tue 3 Mar, 10:00 – Wed 4 Mar 2026, 16:00',
    );
    expect(dateBadge('2026-03-03T08:00:00Z', 'Europe/Vilnius', 'en')).toEqual({ day: '3', month: 'Mar', weekday: 'Tue' });
    expect(dateBadge('2026-03-03T08:00:00Z', 'Europe/Vilnius', 'lt')).toEqual({ day: '3', month: 'kovas', weekday: 'an' });
    // whole days (a hall booked by the day) read as days
    expect(spanLabel('2026-12-24T22:00:00Z', '2026-12-25T22:00:00Z', 'Europe/Vilnius', 'en')).toBe('Fri 25 Dec 2026');
    expect(spanLabel('2026-12-24T22:00:00Z', '2026-12-26T22:00:00Z', 'Europe/Vilnius', 'en')).toBe('Fri 25 Dec – 26 Dec 2026');
    // Lithuanian: its usual year-month-day order
    expect(spanLabel('2026-03-03T08:00:00Z', '2026-03-03T10:00:00Z', 'Europe/Vilnius', 'lt')).toBe('2026-03-03 (an), 10:00–12:00');
    expect(spanLabel('2026-12-24T22:00:00Z', '2026-12-26T22:00:00Z', 'Europe/Vilnius', 'lt')).toBe('12-25 (pn) – 2026-12-26');
  });

  it('shows my time only when my clock differs from the event zone', () => {
    const muscat = event({ timeZone: 'Asia/Muscat' });
    const t = eventTimes(muscat, 'Europe/Vilnius', 'en');
    expect(t.local).toBe('Tue 3 Mar 2026, 12:00–14:00');
    expect(t.zone).toBe('Asia/Muscat, UTC+04:00');
    expect(t.mine).toBe('Tue 3 Mar 2026, 10:00–12:00 (Europe/Vilnius)');
    // Riga keeps the same clock as Vilnius: nothing more to say
    expect(eventTimes(event(), 'Europe/Riga', 'en').mine).toBeNull();
  });

  it('turns local wall time in a zone into an instant with that offset, across DST', () => {
    expect(localToIso('2026-03-03', '10:00', 'Europe/Vilnius')).toBe('2026-03-03T10:00:00+02:00');
    expect(localToIso('2026-07-03', '10:00', 'Europe/Vilnius')).toBe('2026-07-03T10:00:00+03:00');
    expect(localToIso('2026-07-03', '10:00', 'Asia/Baku')).toBe('2026-07-03T10:00:00+04:00');
    expect(localToIso('2026-7-3', '10:00', 'Asia/Baku')).toBeNull();
    expect(localToIso('2026-07-03', '', 'Asia/Baku')).toBeNull();
  });

  it('labels an instant as a time today, else with its day', () => {
    const now = DateTime.fromISO('2026-03-03T09:00:00Z') as DateTime<true>;
    expect(momentLabel('2026-03-03T12:30:00Z', 'Europe/Vilnius', 'en', now)).toBe('14:30');
    expect(momentLabel('2026-03-04T12:30:00Z', 'Europe/Vilnius', 'en', now)).toBe('Wed 4 Mar 2026, 14:30');
    expect(momentLabel('2026-03-04T12:30:00Z', 'Europe/Vilnius', 'lt', now)).toBe('2026-03-04 (tr), 14:30');
  });

  it('tells the days a by-the-day venue booking covers', () => {
    expect(venueDays('2026-03-03T10:00:00+02:00', '2026-03-03T16:00:00+02:00', 'Europe/Vilnius', 'en')).toBe('Tue 3 Mar 2026');
    expect(venueDays('2026-03-03T10:00:00+02:00', '2026-03-05T00:00:00+02:00', 'Europe/Vilnius', 'en')).toBe('Tue 3 Mar – 4 Mar 2026');
  });
});

describe('venue, places, organiser', () => {
  it('names the state of a resource venue (venue pending while it waits for approval)', () => {
    expect(venueState(hall, 'published')).toBe('pending');
    expect(venueState({ ...hall, bookingStatus: 'confirmed' }, 'published')).toBe('booked');
    expect(venueState({ ...hall, bookingId: null, bookingStatus: null }, 'draft')).toBe('unbooked');
    expect(venueState({ ...hall, bookingStatus: 'cancelled' }, 'cancelled')).toBe('released');
    expect(venueState({ ...hall, bookingStatus: 'rejected' }, 'published')).toBe('refused');
    expect(venueState({ kind: 'online', url: 'https://x.example' }, 'published')).toBe('none');
  });

  it('counts places left, never below zero, null without a limit', () => {
    expect(placesLeft({ capacity: 10, going: 4 })).toBe(6);
    expect(placesLeft({ capacity: 3, going: 5 })).toBe(0);
    expect(placesLeft({ capacity: null, going: 5 })).toBeNull();
  });

  it('keys organisers both ways', () => {
    expect(organiserKey({ type: 'group', id: 'g1' })).toBe('group:g1');
    expect(organiserKey({ type: 'cluster', id: null })).toBe('cluster');
    expect(parseOrganiserKey('project:p1')).toEqual({ type: 'project', id: 'p1' });
    expect(parseOrganiserKey('cluster')).toEqual({ type: 'cluster', id: null });
    expect(parseOrganiserKey('nonsense:')).toEqual({ type: 'cluster', id: null });
  });

  it('offers group and project visibility only to their own organisers', () => {
    expect(visibilitiesFor('cluster')).toEqual(['public', 'members']);
    expect(visibilitiesFor('group:g1')).toEqual(['public', 'members', 'group']);
    expect(visibilitiesFor('project:p1')).toEqual(['public', 'members', 'project']);
  });
});

describe('filters and grouping', () => {
  const going = event({ id: 'a', myRsvp: { status: 'going' } });
  const declined = event({ id: 'b', myRsvp: { status: 'declined' }, kind: 'webinar' });
  const organisedByMe = event({ id: 'c', createdBy: 'me', organiser: { type: 'group', id: 'g1' } });

  it('"mine" means answered going, waitlisted or maybe, or created by me', () => {
    expect(isMine(going, 'me')).toBe(true);
    expect(isMine(event({ myRsvp: { status: 'waitlisted', position: 2 } }), 'me')).toBe(true);
    expect(isMine(declined, 'me')).toBe(false);
    expect(isMine(organisedByMe, 'me')).toBe(true);
  });

  it('filters by kind, organiser and mine together', () => {
    const all = [going, declined, organisedByMe];
    const ids = (f: typeof NO_FILTER) => all.filter((e) => matchesFilter(e, f, 'me')).map((e) => e.id);
    expect(ids(NO_FILTER)).toEqual(['a', 'b', 'c']);
    expect(ids({ ...NO_FILTER, kind: 'webinar' })).toEqual(['b']);
    expect(ids({ ...NO_FILTER, organiser: 'group:g1' })).toEqual(['c']);
    expect(ids({ ...NO_FILTER, mine: true })).toEqual(['a', 'c']);
  });

  it('groups runs of one month in my zone', () => {
    const late = event({ id: 'x', start: '2026-03-31T22:30:00Z', end: '2026-03-31T23:30:00Z' });
    const april = event({ id: 'y', start: '2026-04-10T08:00:00Z', end: '2026-04-10T09:00:00Z' });
    const groups = groupByMonth([event(), late, april], 'Europe/Vilnius', 'en');
    // 22:30 UTC on 31 March is already 1 April in Vilnius
    expect(groups.map((g) => [g.label, g.items.map((e) => e.id)])).toEqual([
      ['March 2026', ['e1']],
      ['April 2026', ['x', 'y']],
    ]);
  });

  it('searches attendees by name, organisation or country, ignoring case and diacritics', () => {
    const people = [
      { name: 'Jonas Žukauskas', organisationName: 'Duomenų centras', country: 'LT' },
      { name: 'Leyla Aliyeva', organisationName: 'Caspian Soft', country: 'AZ' },
    ];
    expect(filterAttendees(people, 'zukaus').map((p) => p.name)).toEqual(['Jonas Žukauskas']);
    expect(filterAttendees(people, 'caspian').map((p) => p.name)).toEqual(['Leyla Aliyeva']);
    expect(filterAttendees(people, 'az').map((p) => p.name)).toEqual(['Leyla Aliyeva']);
    expect(filterAttendees(people, '  ')).toHaveLength(2);
  });
});

describe('the form and the requests', () => {
  it('starts a new event two weeks ahead in my zone', () => {
    const v = emptyForm('Europe/Vilnius', 'cluster', DateTime.fromISO('2026-03-01T12:00:00Z') as DateTime<true>);
    expect([v.startDate, v.startTime, v.endDate, v.endTime, v.timeZone, v.organiser]).toEqual([
      '2026-03-15',
      '10:00',
      '2026-03-15',
      '12:00',
      'Europe/Vilnius',
      'cluster',
    ]);
  });

  it('builds a create request with the organiser, the venue form and local times in the event zone', () => {
    const v = {
      ...emptyForm('Asia/Muscat', 'group:g1'),
      title: '  Oman presentation ',
      kind: 'presentation' as const,
      startDate: '2026-05-10',
      startTime: '10:00',
      endDate: '2026-05-10',
      endTime: '14:00',
      venueKind: 'address' as const,
      address: ' Al Khuwair ',
      city: 'Muscat',
      country: 'OM',
      capacity: 40,
      visibility: 'public' as const,
    };
    expect(toCreateRequest(v, true)).toEqual({
      title: 'Oman presentation',
      kind: 'presentation',
      start: '2026-05-10T10:00:00+04:00',
      end: '2026-05-10T14:00:00+04:00',
      timeZone: 'Asia/Muscat',
      capacity: 40,
      visibility: 'public',
      groupId: 'g1',
      venue: { address: 'Al Khuwair', city: 'Muscat', country: 'OM' },
      publish: true,
    });
    expect(toCreateRequest({ ...v, venueKind: 'resource', resourceId: 'r1', capacity: null, organiser: 'cluster' }, false)).toMatchObject({
      venue: { resourceId: 'r1' },
      publish: false,
    });
    expect(toCreateRequest({ ...v, capacity: null }, false)).not.toHaveProperty('capacity');
  });

  it('sends only what changed in an update, and publish only for a draft', () => {
    const e = event({ state: 'draft', venue: { ...hall, bookingId: null, bookingStatus: null } });
    const v = formFromEvent(e);
    expect(toUpdateRequest(e, v, false)).toEqual({});
    expect(toUpdateRequest(e, v, true)).toEqual({ publish: true });
    expect(toUpdateRequest({ ...e, state: 'published' }, v, true)).toEqual({});
    expect(toUpdateRequest(e, { ...v, startTime: '11:00', capacity: null, description: '**Hi**' }, false)).toEqual({
      start: '2026-03-03T11:00:00+02:00',
      capacity: null,
      description: '**Hi**',
    });
    expect(toUpdateRequest(e, { ...v, venueKind: 'online', url: 'https://meet.example/x' }, false)).toEqual({
      venue: { url: 'https://meet.example/x' },
    });
  });

  it('adds the repeat rule for a series', () => {
    const v = {
      ...emptyForm('Europe/Vilnius', 'cluster'),
      title: 'Working-group call',
      venueKind: 'online' as const,
      url: 'https://meet.example/wg',
    };
    expect(toSeriesRequest(v, true, 'weekly', 6)).toMatchObject({
      title: 'Working-group call',
      venue: { url: 'https://meet.example/wg' },
      publish: true,
      recurrence: { freq: 'weekly', count: 6 },
    });
  });

  it('puts API field errors on the form controls', () => {
    expect(controlOf('end')).toBe('endDate');
    expect(controlOf('venue.resourceId')).toBe('resourceId');
    expect(controlOf('venue')).toBe('resourceId');
    expect(controlOf('venue.country')).toBe('country');
    expect(controlOf('groupId')).toBe('organiser');
    expect(controlOf('capacity')).toBe('capacity');
    expect(controlOf('somethingElse')).toBeNull();
  });
});
