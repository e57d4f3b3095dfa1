import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { ClusterLeaseService } from '../leases/cluster-lease.service';
import { BookingMails } from './booking-mails.service';
import { BookingsRepository } from './bookings.repository';
import { ResourcesRepository } from './resources.repository';

export const BOOKING_REMINDERS_LEASE = 'booking-reminders';
/** The reminder goes this long before the start (or at once for a booking confirmed later than that). */
export const REMINDER_LEAD_MS = 60 * 60_000;
const EVERY_MS = 60_000;

/**
 * The reminder an hour before a booking starts. Every minute, on the one node holding the
 * `booking-reminders` cluster lease, every confirmed booking that starts within the next hour gets
 * its reminder queued; the outbox key (booking + start) makes the scans after the first queue
 * nothing, so no booking is reminded twice however often or wherever the job runs.
 */
@Injectable()
export class BookingReminders {
  private readonly logger = new Logger('BookingReminders');

  constructor(
    private readonly leases: ClusterLeaseService,
    private readonly bookings: BookingsRepository,
    private readonly resources: ResourcesRepository,
    private readonly mails: BookingMails,
  ) {}

  @Interval(EVERY_MS)
  async tick(now = new Date()): Promise<void> {
    try {
      await this.leases.runExclusive(BOOKING_REMINDERS_LEASE, 2 * EVERY_MS, () => this.run(now).then(() => undefined));
    } catch (err) {
      if (!(err instanceof Error && /client was closed/i.test(err.message)))
        this.logger.warn(`Reminders failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /** Queues the reminders due at `now`; returns how many bookings it looked at. */
  async run(now = new Date()): Promise<number> {
    const due = await this.bookings.confirmedStartingBetween(now, new Date(now.getTime() + REMINDER_LEAD_MS));
    const resources = new Map(
      (await this.resources.findByIds([...new Set(due.map((b) => b.resourceId.toHexString()))])).map((r) => [r.id, r]),
    );
    for (const b of due) {
      const r = resources.get(b.resourceId.toHexString());
      if (r) await this.mails.reminder(r, b);
    }
    return due.length;
  }
}
