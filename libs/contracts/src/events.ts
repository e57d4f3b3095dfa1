import type { IsoDateTime, Language, PageQuery } from './common';
import type { BookingStatus } from './bookings';
import type { ApplicationStatus } from './organisations';

/* Cluster events (issue 12): internal events, international presentations, webinars, working-group meetings. */

export const EventKinds = ['internal', 'presentation', 'webinar', 'working_group'] as const;
export type EventKind = (typeof EventKinds)[number];

/** public: on the visitor site, prospects may register; members: every signed-in member; group / project: that one's members. */
export const EventVisibilities = ['public', 'members', 'group', 'project'] as const;
export type EventVisibility = (typeof EventVisibilities)[number];

export const EventStates = ['draft', 'published', 'cancelled'] as const;
export type EventState = (typeof EventStates)[number];

/** Who organises: the cluster (staff), a working group, a project or an organisation (derived from groupId / projectId / organisationId). */
export const EventOrganiserTypes = ['cluster', 'group', 'project', 'organisation'] as const;
export type EventOrganiserType = (typeof EventOrganiserTypes)[number];

export const RsvpChoices = ['going', 'maybe', 'declined'] as const;
export type RsvpChoice = (typeof RsvpChoices)[number];
/** What an RSVP became: `going` asked for when the event is full becomes `waitlisted` (with a position). */
export const RsvpStatuses = ['going', 'waitlisted', 'maybe', 'declined'] as const;
export type RsvpStatus = (typeof RsvpStatuses)[number];

export const EVENT_TITLE_MAX = 140;
export const EVENT_DESCRIPTION_MAX = 10_000;
export const EVENT_CAPACITY_MAX = 100_000;
/** An event (one occurrence) lasts at most this long. */
export const EVENT_MAX_DAYS = 14;

/**
 * The venue, one of three forms: a bookable resource of the catalogue (booked through the booking
 * engine when the event is published), an address, or an online link.
 */
export interface EventVenueInput {
  resourceId?: string;
  address?: string;
  city?: string;
  /** ISO 3166-1 alpha-2 */
  country?: string;
  url?: string;
}

/** The venue as returned: `bookingStatus` is the booking's status ("venue pending" while it waits for approval). */
export type EventVenue =
  | { kind: 'resource'; resourceId: string; resourceName: string; bookingId: string | null; bookingStatus: BookingStatus | null }
  | { kind: 'address'; address: string; city: string; country: string }
  | { kind: 'online'; url: string };

export interface EventOrganiser {
  type: EventOrganiserType;
  /** the group, project or organisation; null for the cluster */
  id: string | null;
}

export interface RsvpView {
  status: RsvpStatus;
  /** 1-based place in the waitlist, when waitlisted */
  position?: number;
  /**
   * A freed place is held for me (status `waitlisted`, no position) until `expiresAt`: answering
   * `going` confirms it, `maybe`/`declined` gives it to the next in line; unconfirmed, it lapses.
   */
  offer?: { expiresAt: IsoDateTime };
}

export interface ClusterEvent {
  id: string;
  title: string;
  /** Markdown */
  description: string | null;
  kind: EventKind;
  organiser: EventOrganiser;
  groupId: string | null;
  projectId: string | null;
  organisationId: string | null;
  start: IsoDateTime;
  end: IsoDateTime;
  timeZone: string;
  /** null: no limit */
  capacity: number | null;
  /** people (members and prospects) holding a place */
  going: number;
  visibility: EventVisibility;
  state: EventState;
  venue: EventVenue;
  createdBy: string;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
  /** the caller's RSVP; null when none */
  myRsvp: RsvpView | null;
  /** the caller may edit, cancel and see the attendees */
  canManage: boolean;
  /** set when the event is one occurrence of a series (moved or cancelled on its own through PATCH / cancel) */
  series?: EventSeriesRef | null;
}

export interface CreateEventRequest {
  title: string;
  description?: string;
  kind: EventKind;
  start: IsoDateTime;
  end: IsoDateTime;
  timeZone: string;
  capacity?: number;
  visibility: EventVisibility;
  groupId?: string;
  projectId?: string;
  organisationId?: string;
  venue: EventVenueInput;
  /** publish at once (books a resource venue); default: a draft */
  publish?: boolean;
}

/** Any subset; a new start/end moves the venue booking (the old slot is kept if the new one cannot be had). */
export interface UpdateEventRequest {
  title?: string;
  description?: string | null;
  kind?: EventKind;
  start?: IsoDateTime;
  end?: IsoDateTime;
  timeZone?: string;
  /** null: no limit; never below the people already going */
  capacity?: number | null;
  visibility?: EventVisibility;
  venue?: EventVenueInput;
  /** true publishes a draft */
  publish?: boolean;
}

export interface EventListQuery extends PageQuery {
  /** events ending after this instant (default: now) */
  from?: IsoDateTime;
  /** events starting before this instant */
  to?: IsoDateTime;
}

export interface CancelEventRequest {
  reason?: string;
}

export interface EventResponse {
  event: ClusterEvent;
}

export interface RsvpRequest {
  status: RsvpChoice;
}

export interface RsvpResponse {
  rsvp: RsvpView;
}

export const AttendeeKinds = ['member', 'prospect'] as const;
export type AttendeeKind = (typeof AttendeeKinds)[number];

/** One attendance as organisers and staff see it (never shown to prospects). */
export interface Attendee {
  id: string;
  kind: AttendeeKind;
  userId: string | null;
  name: string;
  organisationId: string | null;
  organisationName: string | null;
  country: string | null;
  status: RsvpStatus;
  position?: number;
  /** a freed place is held for this person (shown as waitlisted, before the line) until then */
  offerExpiresAt?: IsoDateTime;
  respondedAt: IsoDateTime;
  /** at the event: true present, false absent, null not marked yet */
  checkedIn?: boolean | null;
  checkedInAt?: IsoDateTime | null;
}

/** People going, grouped (organisation: members' organisation or a prospect's stated one; "—" for none). */
export interface AttendanceGroup {
  key: string;
  going: number;
  /** of them (and of anyone else marked present), checked in at the event */
  present?: number;
}

export interface AttendeesResponse {
  items: Attendee[];
  /** `waitlisted` counts the people in line and those a freed place is held for */
  counts: Record<RsvpStatus, number>;
  /** of those waitlisted: how many have a freed place held for them (to confirm) */
  offered: number;
  /** attendance report: people going per organisation and per country, most first */
  byOrganisation: AttendanceGroup[];
  byCountry: AttendanceGroup[];
  /** checked in at the event: present / marked absent */
  checkIns?: { present: number; absent: number };
}

/** `GET /api/events/:id/attendees?q=`: the list narrowed to names, organisations, countries or e-mails containing `q` (counts and reports stay whole). */
export interface AttendeesQuery {
  q?: string;
}

/** `POST /api/events/:id/attendees/:attendeeId/check-in` (organisers): present or absent. */
export interface CheckInRequest {
  present: boolean;
}

export interface CheckInResponse {
  attendee: Attendee;
}

/* ---------------------------------------------------------------- visitor site */

/** A published public event as the visitor site shows it: no attendees, only how many places are left. */
export interface PublicEvent {
  id: string;
  title: string;
  description: string | null;
  kind: EventKind;
  start: IsoDateTime;
  end: IsoDateTime;
  timeZone: string;
  venue: { kind: 'resource'; name: string } | { kind: 'address'; address: string; city: string; country: string } | { kind: 'online' };
  /** null: no limit */
  placesLeft: number | null;
}

export interface PublicRegistrationRequest {
  name: string;
  email: string;
  organisation: string;
  /** ISO 3166-1 alpha-2 */
  country: string;
  language?: Language;
}

export interface PublicRegistration {
  id: string;
  eventId: string;
  /** going: a place is held; waitlisted: the event is full, the prospect is in line */
  status: Extract<RsvpStatus, 'going' | 'waitlisted'>;
  position?: number;
}

export interface PublicRegistrationResponse {
  registration: PublicRegistration;
}

/* ---------------------------------------------------------------- live counts (Socket.IO) */

/** The room of one event: sockets join it with `event:subscribe` (only for events they may see). */
export const eventRoom = (eventId: string): string => `event:${eventId}`;

/** `event:subscribe` / `event:unsubscribe` (client → server). */
export interface EventSubscribeRequest {
  eventId: string;
}

/** `event:updated` (server → the event's room): the counts after RSVPs, registrations, a capacity change or a state change. */
export interface EventUpdatedPayload {
  eventId: string;
  state: EventState;
  /** null: no limit */
  capacity: number | null;
  /** people holding a place (going, and anyone a freed place is held for) */
  going: number;
  /** people in line (not counting those a freed place is held for) */
  waitlisted: number;
  /** people a freed place is held for, until they confirm or the hold lapses (included in `going`) */
  offered: number;
  /** null: no limit */
  placesLeft: number | null;
}

/** `POST /api/public/events/registrations/confirm`: the token of the offer mail's confirm link. */
export interface ConfirmRegistrationRequest {
  token: string;
}

/**
 * What the confirm link did: `confirmed` (the held place is taken up), `already_confirmed` (it was
 * taken up before; or the person is still in line), `expired` (the hold had ended — lapsed or given
 * up —, so the prospect asked again: `registration.status` says whether a place was still free or
 * where they are in line).
 */
export const ConfirmOutcomes = ['confirmed', 'already_confirmed', 'expired'] as const;
export type ConfirmOutcome = (typeof ConfirmOutcomes)[number];

export interface ConfirmRegistrationResponse extends PublicRegistrationResponse {
  outcome: ConfirmOutcome;
}

/* ---------------------------------------------------------------- prospects → invitations to apply */

/**
 * Where a prospect stands on the way to membership: `new` (may be invited), `invited` (an
 * invitation to apply is open), `expired` (it lapsed unused: may be invited again), `applied` (an
 * application came from it), `member` (the e-mail already has an account: a member or applicant).
 */
export const ProspectStates = ['new', 'invited', 'expired', 'applied', 'member'] as const;
export type ProspectState = (typeof ProspectStates)[number];

/** A prospect of an event as its organisers see it (`GET /api/events/:id/prospects`); the e-mail is not shown. */
export interface EventProspect {
  /** the registration (the attendee id) */
  id: string;
  name: string;
  organisationName: string | null;
  country: string | null;
  status: RsvpStatus;
  registeredAt: IsoDateTime;
  state: ProspectState;
  /** the invitation to apply, when one was sent (from this event or another) */
  invitation: {
    invitedAt: IsoDateTime;
    expiresAt: IsoDateTime;
    invitedByName: string;
    /** the event it was sent from */
    eventId: string;
    eventTitle: string;
    /** the application that came from it */
    applicationStatus: ApplicationStatus | null;
  } | null;
}

export interface EventProspectsResponse {
  items: EventProspect[];
}

/** `POST /api/events/:id/prospects/:registrationId/invite` (the event's organisers): a mail with a link to the apply page, prefilled. */
export interface InviteProspectRequest {
  /** a personal note in the mail (up to 500 characters) */
  message?: string;
}

export interface InviteProspectResponse {
  prospect: EventProspect;
}

/* ---------------------------------------------------------------- series (weekly / monthly repeats) */

export const RecurrenceFreqs = ['weekly', 'monthly'] as const;
export type RecurrenceFreq = (typeof RecurrenceFreqs)[number];

/** Repeats of an event: every `interval` weeks or months, `count` times or until a date; at most two years. */
export interface EventRecurrence {
  freq: RecurrenceFreq;
  /** 1–12, default 1 */
  interval?: number;
  /** how many occurrences (2–120); give this or `until` */
  count?: number;
  /** the last day an occurrence may start (a date, or an instant) */
  until?: string;
}

/** `POST /api/event-series`: an event's fields and how it repeats; every occurrence is an event of its own. */
export interface CreateEventSeriesRequest extends CreateEventRequest {
  recurrence: EventRecurrence;
}

/** Where an occurrence sits in its series (on ClusterEvent.series). */
export interface EventSeriesRef {
  id: string;
  /** 0-based */
  index: number;
  /** the start the rule gave it (it differs from `start` when this occurrence was moved) */
  originalStart: IsoDateTime;
  moved: boolean;
}

export interface EventSeries {
  id: string;
  recurrence: EventRecurrence;
  timeZone: string;
  occurrences: number;
  createdBy: string;
  createdAt: IsoDateTime;
}

export interface EventSeriesResponse {
  series: EventSeries;
  /** the occurrences the caller may see, in order (cancelled ones included, with state cancelled) */
  events: ClusterEvent[];
}
