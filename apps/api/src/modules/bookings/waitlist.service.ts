import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2, OnEvent } from '@nestjs/event-emitter';
import { Interval } from '@nestjs/schedule';
import type { Booking, JoinWaitlistRequest, WaitlistEntry } from '@klasteris/contracts';
import { forbidden, notFound } from '../../common/api-exception';
import type { AuthUser } from '../../common/auth-user';
import { BookingReleasedEvent } from './booking-decisions.service';
import { BookingEffects } from './booking-effects.service';
import { BookingMails } from './booking-mails.service';
import { ruleViolated, stateConflict } from './booking-errors';
import { BookingsRepository, toBooking } from './bookings.repository';
import { BookingsService } from './bookings.service';
import { ClaimsService } from './claims.service';
import { canBookResource } from './policy/access';
import { evaluateBooking } from './policy/rules';
import { ResourcesRepository } from './resources.repository';
import { ResourceAudience } from './audience.service';
import type { LeanWaitlist } from './waitlist.schema';
import { toEntry, WaitlistRepository } from './waitlist.repository';

export const HOLD_MINUTES = 30;

/**
 * Waitlists: when a taken time frees up (cancel, reject, an expired hold), the first waiting member
 * whose wish now fits is offered it as a `held` booking — holding real claims, so nobody else can
 * take it meanwhile — for HOLD_MINUTES; then the hold expires and the next in line gets the offer.
 */
@Injectable()
export class WaitlistService {
  private readonly logger = new Logger('Waitlist');

  constructor(
    private readonly waitlist: WaitlistRepository,
    private readonly resources: ResourcesRepository,
    private readonly bookingsRepo: BookingsRepository,
    private readonly bookings: BookingsService,
    private readonly claims: ClaimsService,
    private readonly effects: BookingEffects,
    private readonly events: EventEmitter2,
    private readonly audience: ResourceAudience,
    private readonly mails: BookingMails,
  ) {}

  async join(me: AuthUser, req: JoinWaitlistRequest): Promise<WaitlistEntry> {
    const resource = await this.resources.findById(req.resourceId);
    if (!resource) throw notFound('Resource');
    if (!canBookResource(me, resource, await this.audience.isMember(me.id, resource))) throw forbidden('You may not book this resource');
    const span = { start: Date.parse(req.start), end: Date.parse(req.end), units: req.units ?? 1 };
    const violation = evaluateBooking(span, resource, Date.now());
    if (violation) throw ruleViolated(violation);
    const requester = await this.bookings.requesterOf(me);
    const entry = await this.waitlist.create({
      resourceId: resource.id,
      userId: me.id,
      userName: requester.name,
      organisationId: requester.organisationId,
      organisationName: requester.organisationName,
      start: new Date(span.start),
      end: new Date(span.end),
      units: span.units,
      purpose: req.purpose,
    });
    const offered = await this.offer(entry);
    return toEntry(offered ?? entry);
  }

  async mine(me: AuthUser): Promise<WaitlistEntry[]> {
    return (await this.waitlist.listForUser(me.id, 100)).map(toEntry);
  }

  /** Takes up an offer: the held booking becomes pending (approval) or confirmed. */
  async accept(me: AuthUser, id: string): Promise<Booking> {
    const entry = await this.own(me, id);
    if (entry.status !== 'offered' || !entry.offerBookingId) throw stateConflict(entry.status);
    const resource = await this.resources.findById(entry.resourceId.toHexString());
    if (!resource) throw notFound('Resource');
    const status = resource.policy.approval.required ? 'pending' : 'confirmed';
    const booking = await this.bookingsRepo.transition(entry.offerBookingId.toHexString(), ['held'], { status, holdExpiresAt: null });
    if (!booking) throw stateConflict('expired');
    await this.waitlist.transition(id, ['offered'], { status: 'accepted' });
    const approvers = status === 'pending' ? await this.effects.approverIds(resource, resource.policy.approval.approvers, 0) : [];
    await this.effects.tell(approvers, booking, resource.name, {
      what: 'requested',
      requester: booking.userName,
      purpose: booking.purpose,
      occurrences: 1,
      afterOwner: false,
    });
    this.effects.changed(booking, approvers);
    if (approvers.length) await this.mails.requested(resource, booking, approvers);
    return toBooking(booking);
  }

  async leave(me: AuthUser, id: string): Promise<void> {
    const entry = await this.own(me, id);
    const left = await this.waitlist.transition(id, ['waiting', 'offered'], { status: 'cancelled' });
    if (!left) throw stateConflict(entry.status);
    if (entry.offerBookingId) await this.dropHold(entry.offerBookingId.toHexString(), 'cancelled');
  }

  @OnEvent(BookingReleasedEvent.event, { async: true, promisify: true })
  async onReleased(e: BookingReleasedEvent): Promise<void> {
    try {
      for (const entry of await this.waitlist.waitingOverlapping(e.resourceId, new Date(e.start), new Date(e.end))) await this.offer(entry);
    } catch (err) {
      this.logger.error(`Waitlist offers failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /** Expires holds whose time ran out (and so offers the time to the next in line), reaps dead requests, completes past bookings. */
  @Interval(15_000)
  async sweep(): Promise<number> {
    try {
      let n = 0;
      for (const id of await this.bookingsRepo.expiredHolds(new Date())) if (await this.dropHold(id, 'expired')) n++;
      for (const id of await this.bookingsRepo.staleClaiming(new Date(Date.now() - ClaimsService.STALE_MS))) {
        if (await this.bookingsRepo.transition(id, ['claiming'], { status: 'failed' })) await this.claims.release(id);
      }
      // Past bookings are completed; their claims stay (history, and they can never clash with the future).
      for (const id of await this.bookingsRepo.ended(new Date()))
        await this.bookingsRepo.transition(id, ['confirmed'], { status: 'completed' });
      return n;
    } catch (err) {
      // Shutting down closes the client under a running sweep; anything else is worth a line in the log.
      if (!(err instanceof Error && /client was closed/i.test(err.message)))
        this.logger.warn(`Sweep failed: ${err instanceof Error ? err.message : String(err)}`);
      return 0;
    }
  }

  /** Offers the entry's time as a held booking if it can be claimed now. */
  private async offer(entry: LeanWaitlist): Promise<LeanWaitlist | null> {
    const resource = await this.resources.findById(entry.resourceId.toHexString());
    if (!resource) return null;
    const requester = {
      id: entry.userId.toHexString(),
      name: entry.userName,
      organisationId: entry.organisationId?.toHexString() ?? null,
      organisationName: entry.organisationName,
    };
    const expiresAt = new Date(Date.now() + HOLD_MINUTES * 60_000);
    const out = await this.bookings.bookOne(
      resource,
      requester,
      { start: entry.start.getTime(), end: entry.end.getTime() },
      entry.units,
      { purpose: entry.purpose },
      null,
      null,
      {
        entryId: entry._id.toHexString(),
        expiresAt,
      },
    );
    if (!out.ok) return null;
    const offered = await this.waitlist.transition(entry._id.toHexString(), ['waiting'], {
      status: 'offered',
      offerBookingId: out.booking._id,
      offerExpiresAt: expiresAt,
    });
    if (!offered) {
      await this.dropHold(out.booking._id.toHexString(), 'expired');
      return null;
    }
    await this.effects.tell([requester.id], out.booking, resource.name, { what: 'waitlist-offer', holdMinutes: HOLD_MINUTES });
    this.effects.changed(out.booking);
    await this.mails.waitlistOffer(resource, out.booking, expiresAt);
    return offered;
  }

  /** Ends a hold (expired or given up), frees its time and tells the waitlist. */
  private async dropHold(bookingId: string, status: 'expired' | 'cancelled'): Promise<boolean> {
    const b = await this.bookingsRepo.transition(bookingId, ['held'], { status, holdExpiresAt: null });
    if (!b) return false;
    await this.effects.release(b);
    const entry = await this.waitlist.byOfferBooking(b._id);
    if (entry && status === 'expired') await this.waitlist.transition(entry._id.toHexString(), ['offered'], { status: 'expired' });
    this.effects.changed(b);
    this.events.emit(BookingReleasedEvent.event, new BookingReleasedEvent(b.resourceId.toHexString(), b.start.getTime(), b.end.getTime()));
    return true;
  }

  private async own(me: AuthUser, id: string): Promise<LeanWaitlist> {
    const entry = await this.waitlist.findById(id);
    if (!entry || entry.userId.toHexString() !== me.id) throw notFound('Waitlist entry');
    return entry;
  }
}
