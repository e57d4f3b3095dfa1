import type { IsoDateTime, PageQuery } from './common';

/* ------------------------------------------------------------------ resources */

export const ResourceTypes = ['rack', 'server', 'gpu_pool', 'lab', 'test_equipment', 'meeting_room', 'event_hall', 'other'] as const;
export type ResourceType = (typeof ResourceTypes)[number];

export const ResourceStatuses = ['available', 'maintenance'] as const;
export type ResourceStatus = (typeof ResourceStatuses)[number];

/**
 * Who may book: every active member, members of the listed organisations, members of one project or
 * of one working group (the owner's admins and cluster staff always may).
 */
export const BookingAccessModes = ['all', 'organisations', 'project', 'group'] as const;
export type BookingAccessMode = (typeof BookingAccessModes)[number];

/**
 * Who approves when approval is required: the owning organisation's admins, the cluster's
 * coordinators (and admins), either of them, or two steps (owner first, then a coordinator).
 */
export const ApproverModes = ['owner', 'coordinator', 'owner_or_coordinator', 'owner_then_coordinator'] as const;
export type ApproverMode = (typeof ApproverModes)[number];

/** Allowed slot granularities in minutes; 1440 means whole days (local midnight to midnight). */
export const SlotGranularities = [15, 30, 60, 120, 1440] as const;
export type SlotGranularity = (typeof SlotGranularities)[number];

export interface ResourceAttribute {
  key: string;
  value: string;
}

/** Opening hours of one ISO weekday (1 = Monday … 7 = Sunday), local "HH:mm" in the resource's zone; close "24:00" = midnight. */
export interface OpeningHours {
  weekday: number;
  open: string;
  close: string;
}

export const BlackoutKinds = ['once', 'weekly'] as const;
export type BlackoutKind = (typeof BlackoutKinds)[number];

/** A maintenance window: one-off (absolute start/end) or weekly (weekday + local times). */
export interface Blackout {
  kind: BlackoutKind;
  reason?: string | null;
  /** once */
  start?: IsoDateTime;
  end?: IsoDateTime;
  /** weekly */
  weekday?: number;
  from?: string;
  to?: string;
}

export interface BookingPolicy {
  /** Empty: open around the clock every day. */
  openingHours: OpeningHours[];
  slotMinutes: SlotGranularity;
  minDurationMinutes: number;
  maxDurationMinutes: number;
  minNoticeMinutes: number;
  maxAdvanceDays: number;
  /** Largest number of units one booking may take (pools). */
  maxUnitsPerBooking: number;
  access: { mode: BookingAccessMode; organisationIds: string[]; projectId?: string | null; groupId?: string | null };
  approval: { required: boolean; approvers: ApproverMode };
  /** Fair share: unit-hours per organisation per calendar month (resource's zone); null = no quota. */
  quotaHoursPerMonth: number | null;
  blackouts: Blackout[];
  /** Requesters check in (from 15 minutes before the start until the end); utilisation counts no-shows. */
  checkIn?: boolean;
}

export interface Resource {
  id: string;
  name: string;
  type: ResourceType;
  organisationId: string;
  organisationName: string;
  location: string | null;
  description: string | null;
  attributes: ResourceAttribute[];
  capacity: number;
  timeZone: string;
  status: ResourceStatus;
  policy: BookingPolicy;
  /** What the caller may do with it. */
  canBook: boolean;
  canManage: boolean;
  createdAt: IsoDateTime;
}

export interface ResourceListQuery extends PageQuery {
  q?: string;
  type?: ResourceType;
  organisationId?: string;
  /** "key:value", e.g. "gpu:A100" (case and diacritics ignored) */
  attribute?: string;
  /** Only resources with a free unit for the whole of [freeFrom, freeTo). */
  freeFrom?: IsoDateTime;
  freeTo?: IsoDateTime;
}

export type BookingPolicyInput = Partial<Omit<BookingPolicy, 'access' | 'approval'>> & {
  access?: { mode: BookingAccessMode; organisationIds?: string[]; projectId?: string; groupId?: string };
  approval?: { required: boolean; approvers?: ApproverMode };
};

export interface CreateResourceRequest {
  name: string;
  type: ResourceType;
  /** Defaults to the caller's organisation. */
  organisationId?: string;
  location?: string;
  description?: string;
  attributes?: ResourceAttribute[];
  capacity?: number;
  timeZone: string;
  status?: ResourceStatus;
  policy?: BookingPolicyInput;
}

/** Capacity may only grow: units already claimed are never taken away. */
export type UpdateResourceRequest = Partial<Omit<CreateResourceRequest, 'organisationId' | 'timeZone'>>;

/* ------------------------------------------------------------------ bookings */

export const BookingStatuses = ['pending', 'confirmed', 'rejected', 'cancelled', 'completed', 'held', 'expired'] as const;
export type BookingStatus = (typeof BookingStatuses)[number];

/** Rules that answer 422 BOOKING_RULE_VIOLATED with `details.rule`. */
export const BookingRules = [
  'duration',
  'notice',
  'window',
  'quota',
  'blackout',
  'opening_hours',
  'granularity',
  'units',
  'maintenance',
] as const;
export type BookingRule = (typeof BookingRules)[number];

export interface BookingApproval {
  step: number;
  byUserId: string;
  byName: string;
  at: IsoDateTime;
}

export interface Booking {
  id: string;
  resourceId: string;
  resourceName: string;
  timeZone: string;
  userId: string;
  userName: string;
  organisationId: string | null;
  organisationName: string | null;
  start: IsoDateTime;
  end: IsoDateTime;
  units: number;
  purpose: string;
  projectId: string | null;
  cardId: string | null;
  status: BookingStatus;
  /** Approvals given so far (two-step approval has up to two). */
  approvals: BookingApproval[];
  decisionNote: string | null;
  decidedAt: IsoDateTime | null;
  seriesId: string | null;
  /** While a waitlist offer is held for the user. */
  holdExpiresAt: IsoDateTime | null;
  /** When the requester checked in (resources with check-in). */
  checkedInAt?: IsoDateTime | null;
  createdAt: IsoDateTime;
}

export const RecurrenceFrequencies = ['daily', 'weekly'] as const;
export type RecurrenceFrequency = (typeof RecurrenceFrequencies)[number];

/** Repeats the booking in the resource's local time (10:00 stays 10:00 across DST), until a date or count. */
export interface Recurrence {
  frequency: RecurrenceFrequency;
  interval?: number;
  until?: IsoDateTime;
  count?: number;
}

/** "skip": book the free occurrences and list the others; "none": book nothing if any occurrence fails. */
export type RecurrenceConflictMode = 'skip' | 'none';

export interface CreateBookingRequest {
  resourceId: string;
  start: IsoDateTime;
  end: IsoDateTime;
  purpose: string;
  units?: number;
  projectId?: string;
  cardId?: string;
  recurrence?: Recurrence;
  onConflict?: RecurrenceConflictMode;
}

export interface SkippedOccurrence {
  start: IsoDateTime;
  end: IsoDateTime;
  code: 'BOOKING_CONFLICT' | 'BOOKING_RULE_VIOLATED';
  rule?: BookingRule;
  conflicts?: BusyInterval[];
}

export interface CreateBookingResponse {
  booking: Booking;
  /** Recurring requests: every occurrence booked, and the ones skipped. */
  bookings?: Booking[];
  skipped?: SkippedOccurrence[];
}

export interface DecisionRequest {
  note?: string;
}

export const CancelScopes = ['one', 'following', 'all'] as const;
export type CancelScope = (typeof CancelScopes)[number];

export interface CancelBookingRequest {
  reason?: string;
  /** For recurring bookings: this occurrence, this and the following ones, or the whole series. */
  scope?: CancelScope;
}

export interface CancelBookingResponse {
  booking: Booking;
  cancelled: number;
}

/** GET /api/bookings/card/:cardId — the bookings linked to a card, by start (project members only; 404 otherwise). */
export type CardBookingsQuery = PageQuery;

export interface BookingListQuery extends PageQuery {
  status?: BookingStatus;
  /** Only bookings ending after this instant. */
  from?: IsoDateTime;
}

/** 409 BOOKING_CONFLICT details: the intervals where capacity is already taken (no purposes). */
export interface BusyInterval {
  start: IsoDateTime;
  end: IsoDateTime;
}

export interface BookingConflictDetails {
  conflicts: BusyInterval[];
}

export interface BookingRuleDetails {
  rule: BookingRule;
  /** Human-oriented limit, e.g. { maxDurationMinutes: 240 } */
  limit?: Record<string, unknown>;
}

export interface AvailabilitySegment {
  start: IsoDateTime;
  end: IsoDateTime;
  /** Units held by pending or confirmed bookings in this segment. */
  unitsUsed: number;
}

/** A booking as others see it on the calendar: times and who, never another organisation's purpose. */
export interface CalendarEntry {
  id: string;
  start: IsoDateTime;
  end: IsoDateTime;
  units: number;
  status: BookingStatus;
  organisationName: string | null;
  /** Only for the requester, their organisation, the resource's managers and staff. */
  purpose: string | null;
  mine: boolean;
}

export interface AvailabilityResponse {
  resourceId: string;
  timeZone: string;
  capacity: number;
  from: IsoDateTime;
  to: IsoDateTime;
  busy: AvailabilitySegment[];
  entries: CalendarEntry[];
  openingHours: BusyInterval[];
  blackouts: (BusyInterval & { reason: string | null })[];
}

export interface AvailabilityQuery {
  from: IsoDateTime;
  to: IsoDateTime;
}

/* ------------------------------------------------------------------ timeline */

export interface TimelineQuery extends PageQuery {
  from: IsoDateTime;
  to: IsoDateTime;
  q?: string;
  type?: ResourceType;
}

/** One row of the many-resources timeline: the resource and its busy segments in the window. */
export interface TimelineRow {
  resource: Pick<Resource, 'id' | 'name' | 'type' | 'capacity' | 'timeZone' | 'organisationName' | 'status'>;
  busy: AvailabilitySegment[];
}

/* ------------------------------------------------------------------ waitlist */

export const WaitlistStatuses = ['waiting', 'offered', 'accepted', 'expired', 'cancelled'] as const;
export type WaitlistStatus = (typeof WaitlistStatuses)[number];

export interface WaitlistEntry {
  id: string;
  resourceId: string;
  start: IsoDateTime;
  end: IsoDateTime;
  units: number;
  purpose: string;
  status: WaitlistStatus;
  /** The held booking while an offer stands. */
  offerBookingId: string | null;
  offerExpiresAt: IsoDateTime | null;
  createdAt: IsoDateTime;
}

export interface JoinWaitlistRequest {
  resourceId: string;
  start: IsoDateTime;
  end: IsoDateTime;
  purpose: string;
  units?: number;
}

/* ------------------------------------------------------------------ feeds, utilisation */

export interface CalendarFeedResponse {
  /** Secret URL of the caller's personal feed; shown when created. Revoking makes old URLs fail. */
  url: string;
}

export interface UtilisationRow {
  resourceId: string;
  resourceName: string;
  organisationId: string | null;
  organisationName: string | null;
  month: string;
  bookedHours: number;
  availableHours: number;
  bookings: number;
  /** Mean hours from request to decision, over decided bookings that needed approval. */
  meanApprovalHours: number | null;
  /** Ended bookings nobody checked in to; null when the resource does not use check-in. */
  noShows: number | null;
}

export interface UtilisationQuery {
  /** YYYY-MM */
  month: string;
  resourceId?: string;
}

export interface UtilisationResponse {
  month: string;
  rows: UtilisationRow[];
}

/* ------------------------------------------------------------------ realtime */

/** Pushed to the requester and the resource's approvers when a booking changes. */
export interface BookingUpdatedPayload {
  booking: Booking;
}
