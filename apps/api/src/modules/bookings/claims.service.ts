import { Injectable, Logger } from '@nestjs/common';
import type { StoredBookingStatus } from './booking.schema';
import { BookingsRepository } from './bookings.repository';
import { ClaimsRepository } from './claims.repository';
import { CLAIM_STEP_MS, claimSlots, mergeSpans, Span } from './policy/time';
import { planUnits } from './policy/units';

/**
 * THE NO-DOUBLE-BOOKING GUARANTEE — enforced by the database, without transactions.
 *
 * Time is cut into 15-minute steps of absolute (UTC) time; every IANA zone's offset is a multiple of
 * 15 minutes, so any local slot grid (15 min … whole local days, DST days included) is made of whole
 * steps. A booking of `u` units of a resource over [start, end) holds one claim document
 * (resourceId, slot, unit, bookingId) for every step and each of its units, with unit ∈ [0, capacity).
 * A UNIQUE index on (resourceId, slot, unit) means that at any instant at most `capacity` claims
 * exist per step, whoever inserts them and however requests, approvals and cancellations interleave.
 *
 * Life of a request: the booking is first stored as `claiming` (holds nothing, visible to nobody);
 * its claims are inserted with an ordered insertMany; if one clashes with a claim that already exists
 * (E11000), the claims this booking did insert are deleted and it looks again. Only when every claim
 * is in does a conditional update move it `claiming → pending | confirmed`. Both pending and
 * confirmed bookings keep their claims, so two overlapping requests can never both be pending, and
 * approving (a conditional `pending → confirmed`) never needs to check anything. Cancel, reject and
 * expiry first change the status conditionally, then delete the claims by bookingId.
 *
 * A clash is answered 409 only when the steps are held by committed bookings (pending, confirmed,
 * held). Claims of a booking still `claiming` make the request wait briefly and retry, so a request
 * that is about to roll back never causes a spurious 409. Claims left by a process that died are
 * reaped: a `claiming` booking older than STALE_MS is moved to `failed` (conditionally, so its owner
 * cannot confirm it afterwards) and its claims deleted; claims of cancelled/rejected/expired/failed
 * or missing bookings are deleted on sight. Reads only choose which units to try; the unique index
 * alone decides.
 */
@Injectable()
export class ClaimsService {
  static readonly STALE_MS = 30_000;
  static readonly WAIT_MS = 10_000;
  private readonly logger = new Logger('Claims');

  constructor(
    private readonly claims: ClaimsRepository,
    private readonly bookings: BookingsRepository,
  ) {}

  /** Claims `units` of the resource for every step of [start, end) for the booking, or returns the clashes. */
  async claim(b: { id: string; resourceId: string; start: number; end: number; units: number }, capacity: number): Promise<{ ok: true } | { ok: false; conflicts: Span[] }> {
    const slots = claimSlots(b.start, b.end);
    const deadline = Date.now() + ClaimsService.WAIT_MS;
    for (let attempt = 0; ; attempt++) {
      const rows = (await this.claims.inRange(b.resourceId, b.start, b.end)).filter((r) => r.bookingId !== b.id);
      const holders = await this.bookings.statusesOf([...new Set(rows.map((r) => r.bookingId))]);
      const live = await this.reap(rows.map((r) => r.bookingId), holders);
      const taken = new Map<number, Set<number>>();
      const committed = new Map<number, number>();
      for (const r of rows) {
        if (!live.has(r.bookingId)) continue;
        (taken.get(r.slot) ?? taken.set(r.slot, new Set()).get(r.slot)!).add(r.unit);
        if (live.get(r.bookingId) !== 'claiming') committed.set(r.slot, (committed.get(r.slot) ?? 0) + 1);
      }
      const plan = planUnits(slots, capacity, b.units, taken);
      if ('claims' in plan) {
        if (await this.claims.insertOrdered(b.resourceId, b.id, plan.claims)) return { ok: true };
        await this.claims.releaseBooking(b.id);
      } else {
        const hard = plan.short.filter((s) => capacity - (committed.get(s) ?? 0) < b.units);
        if (hard.length > 0) return { ok: false, conflicts: toSpans(hard) };
        if (Date.now() > deadline) {
          this.logger.warn(`Gave up waiting for in-flight requests on resource ${b.resourceId} after ${attempt} attempts`);
          return { ok: false, conflicts: toSpans(plan.short) };
        }
      }
      await sleep(5 + Math.random() * 25 * Math.min(attempt + 1, 4));
    }
  }

  release(bookingId: string): Promise<void> {
    return this.claims.releaseBooking(bookingId);
  }

  /** Cleans claims nobody holds any more; returns the live holders and their statuses. */
  private async reap(ids: string[], holders: Map<string, { status: StoredBookingStatus; createdAt: Date }>): Promise<Map<string, StoredBookingStatus>> {
    const live = new Map<string, StoredBookingStatus>();
    const staleBefore = Date.now() - ClaimsService.STALE_MS;
    for (const id of new Set(ids)) {
      const h = holders.get(id);
      if (h && (h.status === 'pending' || h.status === 'confirmed' || h.status === 'held' || h.status === 'completed')) {
        live.set(id, h.status);
      } else if (h && h.status === 'claiming') {
        if (h.createdAt.getTime() < staleBefore && (await this.bookings.transition(id, ['claiming'], { $set: { status: 'failed' } }))) {
          await this.claims.releaseBooking(id);
        } else {
          live.set(id, 'claiming');
        }
      } else {
        await this.claims.releaseBooking(id); // cancelled, rejected, expired, failed or missing: leftovers of an interrupted release
      }
    }
    return live;
  }
}

const toSpans = (slots: number[]): Span[] => mergeSpans(slots.map((s) => ({ start: s, end: s + CLAIM_STEP_MS })));
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
