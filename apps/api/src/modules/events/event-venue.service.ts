import { Injectable } from '@nestjs/common';
import { Types } from 'mongoose';
import { DateTime } from 'luxon';
import { ErrorCode, type Booking, type EventVenueInput } from '@klasteris/contracts';
import { ApiException, validationFailed } from '../../common/api-exception';
import type { AuthUser } from '../../common/auth-user';
import { BookingDecisionsService } from '../bookings/booking-decisions.service';
import { BookingsService } from '../bookings/bookings.service';
import type { ResourceRecord } from '../bookings/resource.schema';
import { ResourcesRepository } from '../bookings/resources.repository';
import type { StoredVenue } from './event.schema';

export interface Span {
  start: number;
  end: number;
}

/** The booking that covers an event: its span widened to the resource's slot grid (whole local days for halls booked by the day). */
export function bookingSpan(span: Span, resource: Pick<ResourceRecord, 'timeZone' | 'policy'>): Span {
  const zone = resource.timeZone;
  const slot = resource.policy.slotMinutes;
  const s = DateTime.fromMillis(span.start, { zone });
  const e = DateTime.fromMillis(span.end, { zone });
  if (slot >= 1440) {
    const endDay = e.startOf('day');
    return { start: s.startOf('day').toMillis(), end: (endDay.toMillis() === span.end ? endDay : endDay.plus({ days: 1 })).toMillis() };
  }
  const floor = (d: DateTime): DateTime => d.startOf('day').plus({ minutes: Math.floor((d.hour * 60 + d.minute) / slot) * slot });
  const start = floor(s).toMillis();
  const endFloor = floor(e);
  return { start, end: (endFloor.toMillis() === span.end ? endFloor : endFloor.plus({ minutes: slot })).toMillis() };
}

const venueField = (message: string): ApiException => validationFailed([{ field: 'venue.resourceId', message }]);

/**
 * The venue of an event, booked through the booking engine (claims, rules, approvals) as the
 * organiser. Always "new booking first, old one released after": a conflict or a broken rule leaves
 * the event and its old booking exactly as they were. Depends on bookings; bookings knows nothing
 * of events (one-way).
 */
@Injectable()
export class EventVenueService {
  constructor(
    private readonly resources: ResourcesRepository,
    private readonly bookings: BookingsService,
    private readonly decisions: BookingDecisionsService,
  ) {}

  /** The stored form of a venue; a resource must exist (400 otherwise). Not booked yet. */
  async describe(v: EventVenueInput): Promise<StoredVenue> {
    const none = {
      resourceId: null,
      resourceName: null,
      bookingId: null,
      bookingStatus: null,
      address: null,
      city: null,
      country: null,
      url: null,
    };
    if (v.resourceId !== undefined) {
      const r = await this.resources.findById(v.resourceId);
      if (!r) throw venueField('no such resource');
      return { ...none, kind: 'resource', resourceId: new Types.ObjectId(r.id), resourceName: r.name };
    }
    if (v.url !== undefined) return { ...none, kind: 'online', url: v.url };
    return { ...none, kind: 'address', address: v.address ?? '', city: v.city ?? '', country: v.country ?? '' };
  }

  /** Books the venue for the span; throws 409 BOOKING_CONFLICT / 422 BOOKING_RULE_VIOLATED / 400 (not bookable by this organiser). */
  async book(me: AuthUser, venue: StoredVenue, span: Span, title: string): Promise<StoredVenue> {
    if (venue.kind !== 'resource' || !venue.resourceId) return venue;
    const resource = await this.resources.findById(venue.resourceId.toHexString());
    if (!resource) throw venueField('no such resource');
    const b = bookingSpan(span, resource);
    let booking: Booking;
    try {
      booking = (
        await this.bookings.create(me, {
          resourceId: resource.id,
          start: new Date(b.start).toISOString(),
          end: new Date(b.end).toISOString(),
          purpose: `Event: ${title}`.slice(0, 500),
        })
      ).booking;
    } catch (err) {
      if (err instanceof ApiException && (err.code === ErrorCode.Forbidden || err.code === ErrorCode.NotFound))
        throw venueField('you may not book this venue');
      throw err;
    }
    return { ...venue, bookingId: new Types.ObjectId(booking.id), bookingStatus: booking.status };
  }

  async release(venue: StoredVenue, reason: string | null): Promise<void> {
    if (venue.bookingId) await this.decisions.releaseFor(venue.bookingId.toHexString(), reason);
  }

  /**
   * Moves the booking to a new span or a new venue: the new one is booked first and the old one
   * released after, so the old slot is kept when the new one cannot be had. When the new span
   * overlaps the old booking of the same resource, the only obstacle may be that booking itself: then
   * the old one is released, the new one tried, and on failure the old slot is booked again at once.
   */
  async move(me: AuthUser, old: StoredVenue, next: StoredVenue, span: Span, title: string): Promise<StoredVenue> {
    try {
      const booked = await this.book(me, next, span, title);
      await this.release(old, 'The event moved');
      return booked;
    } catch (err) {
      const sameResource = old.bookingId && old.resourceId && next.resourceId && old.resourceId.equals(next.resourceId);
      if (!sameResource || !(err instanceof ApiException) || err.code !== ErrorCode.BookingConflict || !old.bookingId) throw err;
      const previous = await this.bookings.get(me, old.bookingId.toHexString()).catch(() => null);
      if (!previous) throw err;
      const oldSpan = { start: Date.parse(previous.start), end: Date.parse(previous.end) };
      const conflicts = ((err.details?.['conflicts'] as { start: string; end: string }[] | undefined) ?? []).map((c) => ({
        start: Date.parse(c.start),
        end: Date.parse(c.end),
      }));
      if (!conflicts.every((c) => c.start >= oldSpan.start && c.end <= oldSpan.end)) throw err;
      await this.release(old, 'The event moved');
      try {
        return await this.book(me, next, span, title);
      } catch (second) {
        const back = await this.book(me, { ...old, bookingId: null, bookingStatus: null }, oldSpan, title).catch(() => null);
        if (back) throw new MovedBackError(second, back);
        throw second;
      }
    }
  }
}

/** The move failed and the old slot was booked again (under a new booking id the event must keep). */
export class MovedBackError extends Error {
  constructor(
    override readonly cause: unknown,
    readonly venue: StoredVenue,
  ) {
    super('moved back');
  }
}
