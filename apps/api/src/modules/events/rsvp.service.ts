import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import type { RsvpChoice, RsvpView } from '@klasteris/contracts';
import { AppConfig } from '../../config/app-config';
import type { LeanAttendance } from './event.schema';
import { AttendanceRepository, type Person } from './attendance.repository';
import { EventLiveService } from './event-live.service';
import { EventMails } from './event-mails.service';
import { EventsRepository } from './events.repository';

const sha256 = (s: string): string => createHash('sha256').update(s).digest('base64url');

/**
 * PLACES AND THE WAITLIST — race-safe without transactions.
 *
 * An event's places are a counter on the event: `going` (places held) and `free` (capacity − going).
 * A place is taken only by a conditional update `{ free: { $gt: 0 } } → $inc { free: -1, going: +1 }`
 * (EventsRepository.takePlace): single-document updates are atomic (on the embedded FerretDB too, see
 * tools/ferretdb/patches/01-serialise-writes.diff), so however many people answer at once, at most `capacity` take one.
 * A capacity change is a compare-and-set on the (capacity, going) it read, so it can never go below
 * the people already going.
 *
 * A person's answer is one document per (event, person) under a unique index, changed only by
 * compare-and-set on its `version`. Taking a place and recording "going" are two writes: the place
 * is taken first and given back if the answer changed meanwhile, so `going` never counts anyone who
 * is not going (a crash between the two writes can leave one place unused, never one too many).
 *
 * The line: someone asking for a place when none is free draws the next number from the event's
 * `waitSeq` ($inc) and waits with it; the line is ordered by that number. A place given up by
 * someone going is handed straight to the first in line (the counter does not move, so nobody
 * arriving meanwhile can take it); with nobody waiting it goes back to the counter. Anyone who joins
 * the line or frees a place then runs `promote`, which fills free places from the head of the line,
 * so a place freed while someone was still joining the line is not left empty.
 *
 * HOLDS: a place handed to the first in line is not theirs yet: it is `offered` (held, counted in
 * `going`) until `offerExpiresAt` (EVENT_HOLD_SECONDS) and they are mailed. Answering `going`
 * confirms it — a write guarded by `offerExpiresAt > now`, so a confirmation and a lapse can never
 * both win; `maybe`/`declined` hands it on at once. The sweep (every EVENT_HOLD_SWEEP_MS, on every
 * node) lapses holds whose time ran out by a compare-and-set on the version it read (the person
 * leaves the line) and hands the place to the next in line.
 */
@Injectable()
export class RsvpService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Rsvp');
  private timer: NodeJS.Timeout | null = null;
  private sweeping = false;

  constructor(
    private readonly events: EventsRepository,
    private readonly attendance: AttendanceRepository,
    private readonly live: EventLiveService,
    private readonly mails: EventMails,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.sweep(), this.config.events.holdSweepMs);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Records a person's answer; `going` becomes `waitlisted` when the event is full. The event's room hears the new counts. */
  async respond(eventId: string, person: Person, choice: RsvpChoice, existing?: LeanAttendance): Promise<RsvpView> {
    try {
      return await this.settle(eventId, person, choice, existing);
    } finally {
      this.live.changed(eventId);
    }
  }

  private async settle(eventId: string, person: Person, choice: RsvpChoice, existing?: LeanAttendance): Promise<RsvpView> {
    let current = existing ?? (await this.attendance.findOrInsert(eventId, person));
    for (let attempt = 0; attempt < 50; attempt++) {
      if (attempt > 0) current = (await this.attendance.find(eventId, person.key)) ?? current;
      const from = current.status;
      if (choice === 'going') {
        if (from === 'going' || from === 'waitlisted') return this.view(current);
        if (from === 'offered') {
          if (current.offerExpiresAt && current.offerExpiresAt.getTime() > Date.now()) {
            const done = await this.attendance.confirmOffer(current);
            if (done) return this.view(done);
          } else await this.lapse(current);
          continue;
        }
        if (await this.events.takePlace(eventId)) {
          const done = await this.attendance.cas(current, 'going', null);
          if (done) return this.view(done);
          await this.events.releasePlace(eventId);
          continue;
        }
        const seq = await this.events.nextWaitSeq(eventId);
        const done = await this.attendance.cas(current, 'waitlisted', seq);
        if (!done) continue;
        await this.promote(eventId);
        return this.view((await this.attendance.find(eventId, person.key)) ?? done);
      }
      if (from === choice) return this.view(current);
      const done = await this.attendance.cas(current, choice, null);
      if (!done) continue;
      if (from === 'going' || from === 'offered') await this.handOver(eventId);
      return this.view(done);
    }
    throw new Error('RSVP could not be settled');
  }

  async view(a: LeanAttendance): Promise<RsvpView> {
    if (a.status === 'waitlisted' && a.waitSeq !== null)
      return { status: 'waitlisted', position: await this.attendance.position(a.eventId.toHexString(), a.waitSeq) };
    if (a.status === 'offered') return { status: 'waitlisted', offer: { expiresAt: (a.offerExpiresAt ?? new Date()).toISOString() } };
    return { status: a.status === 'none' ? 'declined' : a.status };
  }

  /** A place given up: held for the first in line if there is one, else back to the counter (then promote). */
  async handOver(eventId: string): Promise<void> {
    for (;;) {
      const next = await this.attendance.firstWaiting(eventId);
      if (!next) {
        await this.events.releasePlace(eventId);
        await this.promote(eventId);
        return;
      }
      if (await this.offer(next)) return;
    }
  }

  /** Fills free places from the head of the line (each held for its person to confirm). */
  async promote(eventId: string): Promise<void> {
    for (;;) {
      const next = await this.attendance.firstWaiting(eventId);
      if (!next) return;
      if (!(await this.events.takePlace(eventId))) return;
      if (!(await this.offer(next))) await this.events.releasePlace(eventId);
    }
  }

  /** Holds a place (already counted) for `next` and mails them; false when their answer changed meanwhile. */
  private async offer(next: LeanAttendance): Promise<boolean> {
    const token = next.kind === 'prospect' ? randomBytes(32).toString('base64url') : null;
    const expiresAt = new Date(Date.now() + this.config.events.holdMs);
    const done = await this.attendance.cas(next, 'offered', null, { expiresAt, tokenHash: token ? sha256(token) : null });
    if (!done) return false;
    await this.mails.offered(done, token);
    return true;
  }

  /** A hold that ran out: the person leaves the line and the place goes to the next (or back to the counter). */
  private async lapse(row: LeanAttendance): Promise<boolean> {
    if (row.status !== 'offered' || !(await this.attendance.cas(row, 'declined', null, undefined, true))) return false;
    const eventId = row.eventId.toHexString();
    await this.handOver(eventId);
    this.live.changed(eventId);
    return true;
  }

  /** Lapses every hold whose time ran out (any node may run it: each lapse is a compare-and-set). */
  async sweep(): Promise<number> {
    if (this.sweeping) return 0;
    this.sweeping = true;
    let n = 0;
    try {
      for (const row of await this.attendance.lapsedOffers(new Date())) if (await this.lapse(row)) n++;
    } catch (err) {
      if (!(err instanceof Error && /client was closed|topology|interrupted/i.test(err.message)))
        this.logger.warn(`hold sweep failed: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      this.sweeping = false;
    }
    return n;
  }
}
