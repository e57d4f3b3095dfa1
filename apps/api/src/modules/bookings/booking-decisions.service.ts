import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { Booking, CancelBookingResponse, CancelScope } from '@klasteris/contracts';
import { forbidden } from '../../common/api-exception';
import type { AuthUser } from '../../common/auth-user';
import { UsersRepository } from '../users/users.repository';
import type { LeanBooking } from './booking.schema';
import { BookingEffects } from './booking-effects.service';
import { BookingMails } from './booking-mails.service';
import { stateConflict } from './booking-errors';
import { BookingsRepository, toBooking } from './bookings.repository';
import { BookingsService } from './bookings.service';
import { canApproveStep, canManageResource } from './policy/access';

/** Emitted when a booking stopped holding its time: the waitlist may offer it to the next in line. */
export class BookingReleasedEvent {
  static readonly event = 'booking.released';
  constructor(
    readonly resourceId: string,
    readonly start: number,
    readonly end: number,
  ) {}
}

/**
 * Approve, reject, cancel: each is one state transition, a conditional update (BookingsRepository.transition),
 * so two approvers, or an approval racing a cancellation, can never both win. Approving needs no
 * capacity check at all: a pending booking already holds its claims (see ClaimsService).
 */
@Injectable()
export class BookingDecisionsService {
  constructor(
    private readonly bookings: BookingsRepository,
    private readonly access: BookingsService,
    private readonly users: UsersRepository,
    private readonly effects: BookingEffects,
    private readonly events: EventEmitter2,
    private readonly mails: BookingMails,
  ) {}

  async approve(me: AuthUser, id: string, note: string | null): Promise<Booking> {
    const { booking, resource } = await this.access.visible(me, id);
    if (booking.status !== 'pending') throw stateConflict(booking.status);
    const mode = resource.policy.approval.approvers;
    const step = booking.approvalStep;
    if (!canApproveStep(me, mode, step, resource.organisationId, booking.userId.toHexString()))
      throw forbidden('You cannot approve this request');
    const final = step + 1 >= booking.approvalSteps;
    const approval = {
      step,
      byUserId: me.id,
      byName: (await this.users.findById(me.id))?.displayName ?? me.displayName,
      at: new Date().toISOString(),
    };
    const updated = await this.bookings.transition(
      id,
      ['pending'],
      { approvalStep: step + 1, status: final ? 'confirmed' : 'pending', ...(final ? { decidedAt: new Date(), decisionNote: note } : {}) },
      { approvalStep: step, approval },
    );
    if (!updated) throw stateConflict((await this.bookings.findById(id))?.status ?? 'gone');
    if (final) {
      await this.effects.tell([updated.userId.toHexString()], updated, resource.name, { what: 'approved', note: note || null });
      this.effects.changed(updated, await this.effects.approverIds(resource, mode, step));
      await this.mails.approved(resource, updated);
    } else {
      const next = (await this.effects.approverIds(resource, mode, step + 1)).filter((u) => u !== updated.userId.toHexString());
      await this.effects.tell(next, updated, resource.name, {
        what: 'requested',
        requester: updated.userName,
        purpose: updated.purpose,
        occurrences: 1,
        afterOwner: true,
      });
      this.effects.changed(updated, [...next, ...(await this.effects.approverIds(resource, mode, step))]);
      await this.mails.requested(resource, updated, next);
    }
    return toBooking(updated);
  }

  async reject(me: AuthUser, id: string, note: string | null): Promise<Booking> {
    const { booking, resource } = await this.access.visible(me, id);
    if (booking.status !== 'pending') throw stateConflict(booking.status);
    const mode = resource.policy.approval.approvers;
    if (!canApproveStep(me, mode, booking.approvalStep, resource.organisationId, booking.userId.toHexString()))
      throw forbidden('You cannot decide on this request');
    const updated = await this.bookings.transition(
      id,
      ['pending'],
      { status: 'rejected', decidedAt: new Date(), decisionNote: note },
      { approvalStep: booking.approvalStep },
    );
    if (!updated) throw stateConflict((await this.bookings.findById(id))?.status ?? 'gone');
    await this.afterRelease(updated);
    await this.effects.tell([updated.userId.toHexString()], updated, resource.name, { what: 'rejected', note: note || null });
    this.effects.changed(updated, await this.effects.approverIds(resource, mode, booking.approvalStep));
    await this.mails.rejected(resource, updated);
    return toBooking(updated);
  }

  /** The requester checks in to a confirmed booking, from 15 minutes before its start until its end. */
  async checkIn(me: AuthUser, id: string): Promise<Booking> {
    const { booking } = await this.access.visible(me, id);
    if (booking.userId.toHexString() !== me.id) throw forbidden('Only the requester checks in');
    const now = Date.now();
    if (booking.status !== 'confirmed' || now < booking.start.getTime() - 15 * 60_000 || now >= booking.end.getTime())
      throw stateConflict(booking.status);
    const updated = await this.bookings.checkIn(id, new Date(now));
    if (!updated || updated.status !== 'confirmed') throw stateConflict(updated?.status ?? 'gone');
    this.effects.changed(updated);
    return toBooking(updated);
  }

  /** The requester cancels their own booking; managers of the resource cancel anyone's (with a reason). */
  async cancel(me: AuthUser, id: string, reason: string | null, scope: CancelScope = 'one'): Promise<CancelBookingResponse> {
    const { booking, resource } = await this.access.visible(me, id);
    const mine = booking.userId.toHexString() === me.id;
    if (!mine && !canManageResource(me, resource.organisationId)) throw forbidden('Only the requester or the resource managers may cancel');
    if (!['pending', 'confirmed', 'held'].includes(booking.status)) throw stateConflict(booking.status);
    if (booking.end.getTime() <= Date.now()) throw stateConflict('completed');
    let targets: LeanBooking[] = [booking];
    if (booking.seriesId && scope !== 'one') {
      targets = await this.bookings.series(booking.seriesId.toHexString(), scope === 'following' ? booking.start : undefined);
    }
    let first: LeanBooking | null = null;
    let cancelled = 0;
    // The requester hears of it when someone else cancelled, or when their calendar holds it (an approval mail carried the invitation).
    const mailed: LeanBooking[] = [];
    let invited = false;
    for (const t of targets) {
      const updated = await this.bookings.transition(t._id.toHexString(), ['pending', 'confirmed', 'held'], {
        status: 'cancelled',
        decidedAt: new Date(),
        decisionNote: reason,
      });
      if (!updated) continue;
      cancelled++;
      if (t._id.equals(booking._id)) first = updated;
      if (t._id.equals(booking._id)) mailed.unshift(updated);
      else mailed.push(updated);
      if (t.status === 'confirmed' && t.approvalSteps > 0) invited = true;
      await this.afterRelease(updated);
      this.effects.changed(
        updated,
        updated.approvalStep < updated.approvalSteps
          ? await this.effects.approverIds(resource, resource.policy.approval.approvers, updated.approvalStep)
          : [],
      );
    }
    if (!first) {
      const now = await this.bookings.findById(id);
      if (!now || now.status !== 'cancelled' || cancelled === 0) throw stateConflict(now?.status ?? 'gone');
      first = now;
    }
    if (!mine) {
      await this.effects.tell([booking.userId.toHexString()], first, resource.name, {
        what: 'cancelled',
        occurrences: cancelled,
        reason: reason || null,
      });
    }
    if (!mine || invited)
      await this.mails.cancelled(resource, mailed, mine ? null : ((await this.users.findById(me.id))?.displayName ?? me.displayName));
    return { booking: toBooking(first), cancelled };
  }

  /**
   * Cancels a booking on behalf of a module that has already decided it may go (an event that is
   * cancelled, moved or given another venue): the caller's own authorisation covers it, so there is
   * no access check here. False when the booking no longer held its time.
   */
  async releaseFor(id: string, reason: string | null): Promise<boolean> {
    const updated = await this.bookings.transition(id, ['pending', 'confirmed', 'held'], {
      status: 'cancelled',
      decidedAt: new Date(),
      decisionNote: reason,
    });
    if (!updated) return false;
    await this.afterRelease(updated);
    this.effects.changed(updated);
    return true;
  }

  private async afterRelease(b: LeanBooking): Promise<void> {
    await this.effects.release(b);
    this.events.emit(BookingReleasedEvent.event, new BookingReleasedEvent(b.resourceId.toHexString(), b.start.getTime(), b.end.getTime()));
  }
}
