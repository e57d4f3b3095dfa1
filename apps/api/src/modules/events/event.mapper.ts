import type { Attendee, ClusterEvent, EventVenue, PublicEvent, RsvpView } from '@klasteris/contracts';
import type { LeanAttendance, LeanEvent, StoredVenue } from './event.schema';

export function toVenue(v: StoredVenue): EventVenue {
  switch (v.kind) {
    case 'resource':
      return {
        kind: 'resource',
        resourceId: v.resourceId?.toHexString() ?? '',
        resourceName: v.resourceName ?? '',
        bookingId: v.bookingId?.toHexString() ?? null,
        bookingStatus: v.bookingStatus,
      };
    case 'online':
      return { kind: 'online', url: v.url ?? '' };
    case 'address':
      return { kind: 'address', address: v.address ?? '', city: v.city ?? '', country: v.country ?? '' };
  }
}

export function toEvent(e: LeanEvent, extra: { myRsvp: RsvpView | null; canManage: boolean }): ClusterEvent {
  const organiserId =
    e.organiserType === 'group'
      ? e.groupId
      : e.organiserType === 'project'
        ? e.projectId
        : e.organiserType === 'organisation'
          ? e.organisationId
          : null;
  return {
    id: e._id.toHexString(),
    title: e.title,
    description: e.description,
    kind: e.kind,
    organiser: { type: e.organiserType, id: organiserId?.toHexString() ?? null },
    groupId: e.groupId?.toHexString() ?? null,
    projectId: e.projectId?.toHexString() ?? null,
    organisationId: e.organisationId?.toHexString() ?? null,
    start: e.start.toISOString(),
    end: e.end.toISOString(),
    timeZone: e.timeZone,
    capacity: e.capacity,
    going: e.going,
    visibility: e.visibility,
    state: e.state,
    venue: toVenue(e.venue),
    createdBy: e.createdBy.toHexString(),
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
    myRsvp: extra.myRsvp,
    canManage: extra.canManage,
    series:
      e.seriesId && e.occurrence !== null && e.originalStart
        ? {
            id: e.seriesId.toHexString(),
            index: e.occurrence,
            originalStart: e.originalStart.toISOString(),
            moved: e.originalStart.getTime() !== e.start.getTime(),
          }
        : null,
  };
}

export function toPublicEvent(e: LeanEvent): PublicEvent {
  const v = e.venue;
  return {
    id: e._id.toHexString(),
    title: e.title,
    description: e.description,
    kind: e.kind,
    start: e.start.toISOString(),
    end: e.end.toISOString(),
    timeZone: e.timeZone,
    venue:
      v.kind === 'resource'
        ? { kind: 'resource', name: v.resourceName ?? '' }
        : v.kind === 'online'
          ? { kind: 'online' }
          : { kind: 'address', address: v.address ?? '', city: v.city ?? '', country: v.country ?? '' },
    placesLeft: e.capacity === null ? null : Math.max(0, e.capacity - e.going),
  };
}

export function toAttendee(a: LeanAttendance, position?: number): Attendee {
  return {
    id: a._id.toHexString(),
    kind: a.kind,
    userId: a.userId?.toHexString() ?? null,
    name: a.name,
    organisationId: a.organisationId?.toHexString() ?? null,
    organisationName: a.organisationName,
    country: a.country,
    status: a.status === 'none' ? 'declined' : a.status === 'offered' ? 'waitlisted' : a.status,
    ...(position !== undefined ? { position } : {}),
    ...(a.status === 'offered' && a.offerExpiresAt ? { offerExpiresAt: a.offerExpiresAt.toISOString() } : {}),
    respondedAt: a.respondedAt.toISOString(),
    checkedIn: a.checkedIn ?? null,
    checkedInAt: a.checkedInAt ? a.checkedInAt.toISOString() : null,
  };
}
