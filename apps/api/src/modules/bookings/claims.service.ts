import { Injectable, Logger } from '@nestjs/common';
import type { StoredBookingStatus } from './booking.schema';
import { BookingsRepository } from './bookings.repository';
import { ClaimsRepository, UnitSpace } from './claims.repository';
import { CLAIM_STEP_MINUTES, CLAIM_STEP_MS, claimSlots, mergeSpans, Span } from './policy/time';
import { planUnits } from './policy/units';

/**
 * THE NO-DOUBLE-BOOKING GUARANTEE — enforced by the database, without transactions: unique indexes
 * for capacity, conditional single-document updates for state (both atomic on MongoDB and on the
 * embedded FerretDB build; apps/api/test/database-conformance.int-spec.ts pins both).
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
 * is in does it become `pending` or `confirmed`. Both keep their claims, so two overlapping requests
 * can never both be pending, and approving never needs to look at capacity at all. Cancel, reject and
 * expiry change the status first, then delete the claims by bookingId.
 *
 * Status changes are compare-and-set updates with the expected status (and approval step) in the
 * filter, so of two approvers, or an approval racing a cancellation, exactly one wins
 * (BookingsRepository.transition).
 *
 * The organisation's monthly fair share works the same way: quota tokens of a quarter unit-hour,
 * numbered 0 … quota×4−1 under a unique index (resource, organisation, month, token).
 *
 * A clash is answered 409 only when the steps are held by committed bookings (pending, confirmed,
 * held). Claims of a booking still `claiming` make the request wait briefly and retry, so a request
 * that is about to roll back never causes a spurious 409. Claims left by a process that died are
 * reaped: a `claiming` booking older than STALE_MS is moved to `failed` (a transition, so its owner
 * can no longer confirm it) and its claims deleted; claims of cancelled/rejected/expired/failed or
 * missing bookings are deleted on sight. Reads only choose which units to try; the unique index
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

  /** Claims `units` of the resource for every step of [start, end), or returns the clashing intervals. */
  async claimTime(
    b: { id: string; resourceId: string; start: number; end: number; units: number },
    capacity: number,
  ): Promise<{ ok: true } | { ok: false; conflicts: Span[] }> {
    const out = await this.claimUnits(
      this.claims.timeSpace(b.resourceId, b.start, b.end),
      b.id,
      claimSlots(b.start, b.end),
      capacity,
      b.units,
    );
    return out.ok ? out : { ok: false, conflicts: mergeSpans(out.short.map((s) => ({ start: s, end: s + CLAIM_STEP_MS }))) };
  }

  /** Takes `minutes` unit-minutes from an organisation's monthly share (`limitMinutes`); false when it would overspend. */
  async claimQuota(
    bookingId: string,
    resourceId: string,
    organisationKey: string,
    month: string,
    minutes: number,
    limitMinutes: number,
  ): Promise<boolean> {
    const space = this.claims.quotaSpace(resourceId, organisationKey, month);
    const out = await this.claimUnits(
      space,
      bookingId,
      [0],
      Math.floor(limitMinutes / CLAIM_STEP_MINUTES),
      Math.ceil(minutes / CLAIM_STEP_MINUTES),
    );
    return out.ok;
  }

  /** Gives back everything a booking holds: its time and its quota. */
  async release(bookingId: string): Promise<void> {
    await this.claims.releaseTime(bookingId);
    await this.claims.releaseQuota(bookingId);
  }

  /** The generic claim loop over a unique-indexed (slot, unit) space; see the class comment. */
  private async claimUnits(
    space: UnitSpace,
    bookingId: string,
    slots: number[],
    capacity: number,
    units: number,
  ): Promise<{ ok: true } | { ok: false; short: number[] }> {
    if (units > capacity) return { ok: false, short: slots };
    const deadline = Date.now() + ClaimsService.WAIT_MS;
    for (let attempt = 0; ; attempt++) {
      const rows = (await space.held()).filter((r) => r.bookingId !== bookingId);
      const live = await this.liveHolders(rows.map((r) => r.bookingId));
      const taken = new Map<number, Set<number>>();
      const committed = new Map<number, number>();
      for (const r of rows) {
        if (!live.has(r.bookingId)) continue;
        (taken.get(r.slot) ?? taken.set(r.slot, new Set()).get(r.slot)!).add(r.unit);
        if (live.get(r.bookingId) !== 'claiming') committed.set(r.slot, (committed.get(r.slot) ?? 0) + 1);
      }
      const plan = planUnits(slots, capacity, units, taken);
      if ('claims' in plan) {
        if (await space.insert(bookingId, plan.claims)) return { ok: true };
        await space.release(bookingId);
        await sleep(2 + Math.random() * 20);
        continue;
      } else {
        const hard = plan.short.filter((s) => capacity - (committed.get(s) ?? 0) < units);
        if (hard.length > 0) return { ok: false, short: hard };
        if (Date.now() > deadline) {
          this.logger.warn(`Gave up waiting for in-flight requests after ${attempt} attempts`);
          return { ok: false, short: plan.short };
        }
      }
      // Someone still in flight holds what we need: back off so they can finish (and not crowd the database).
      await sleep(25 + Math.random() * 50 * Math.min(attempt + 1, 4));
    }
  }

  /** The holders that still count, with their statuses; cleans up after the ones that do not. */
  private async liveHolders(ids: string[]): Promise<Map<string, StoredBookingStatus>> {
    const unique = [...new Set(ids)];
    const holders = await this.bookings.statusesOf(unique);
    const live = new Map<string, StoredBookingStatus>();
    const staleBefore = Date.now() - ClaimsService.STALE_MS;
    for (const id of unique) {
      const h = holders.get(id);
      if (h && (h.status === 'pending' || h.status === 'confirmed' || h.status === 'held' || h.status === 'completed')) {
        live.set(id, h.status);
      } else if (h && h.status === 'claiming') {
        if (h.createdAt.getTime() < staleBefore && (await this.bookings.transition(id, ['claiming'], { status: 'failed' }))) {
          await this.release(id);
        } else {
          live.set(id, 'claiming');
        }
      } else {
        await this.release(id); // cancelled, rejected, expired, failed or missing: leftovers of an interrupted release
      }
    }
    return live;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
