import { Injectable, Logger } from '@nestjs/common';
import type { MailKind } from '@klasteris/contracts';
import { AppConfig } from '../../config/app-config';
import type { MailAttachment } from '../mail/outbox.service';
import { OutboxService } from '../mail/outbox.service';
import type { BookingMail } from '../mail/templates/bookings';
import type { UserRecord } from '../users/user.schema';
import { UsersRepository } from '../users/users.repository';
import type { LeanBooking } from './booking.schema';
import { bookingInvite, organizerOf } from './booking-invite';
import type { ResourceRecord } from './resource.schema';

type Resource = Pick<ResourceRecord, 'name' | 'location' | 'policy'>;

export const bookingPath = (b: Pick<LeanBooking, '_id'>): string => `/infrastructure/bookings/${b._id.toHexString()}`;

/**
 * The e-mails of bookings, queued in the outbox by the step that causes them (request, approval,
 * rejection, cancellation, waitlist offer) or by the reminder job. Each key names its cause — the
 * booking and its `version` for state changes, the start time for the reminder — so running a step
 * or the job again never queues a second mail. Nothing here ever throws into the request: a mail
 * that cannot be queued is logged and the booking goes on.
 *
 * Approval and cancellation mails carry an iTIP invitation (booking-invite.ts), so the requester's
 * calendar gains the booking and loses it again.
 */
@Injectable()
export class BookingMails {
  private readonly logger = new Logger('BookingMails');

  constructor(
    private readonly outbox: OutboxService,
    private readonly users: UsersRepository,
    private readonly config: AppConfig,
  ) {}

  /** To the approvers of the booking's current step (the requester excluded). */
  requested(resource: Resource, b: LeanBooking, approverIds: string[], occurrences = 1): Promise<void> {
    return this.safely('booking.requested', b, async () => {
      const ids = [...new Set(approverIds)].filter((id) => id !== b.userId.toHexString());
      for (const user of await this.recipients(ids)) {
        await this.outbox.enqueue({
          kind: 'booking.requested',
          key: `${b._id.toHexString()}:v${b.version}`,
          to: this.to(user),
          language: user.language,
          data: { ...this.data(resource, b), occurrences, approvalsPath: '/infrastructure/approvals' },
        });
      }
    });
  }

  approved(resource: Resource, b: LeanBooking): Promise<void> {
    return this.safely('booking.approved', b, async () => {
      const user = await this.requester(b);
      if (!user) return;
      await this.outbox.enqueue({
        kind: 'booking.approved',
        key: `${b._id.toHexString()}:v${b.version}`,
        to: this.to(user),
        language: user.language,
        data: this.data(resource, b),
        attachments: [this.invite('REQUEST', resource, [b], user)],
      });
    });
  }

  rejected(resource: Resource, b: LeanBooking): Promise<void> {
    return this.safely('booking.rejected', b, async () => {
      const user = await this.requester(b);
      if (!user) return;
      await this.outbox.enqueue({
        kind: 'booking.rejected',
        key: `${b._id.toHexString()}:v${b.version}`,
        to: this.to(user),
        language: user.language,
        data: this.data(resource, b),
      });
    });
  }

  /** `cancelled` are the occurrences this cancellation ended (the first is the one asked for). */
  cancelled(resource: Resource, cancelled: LeanBooking[], byName: string | null): Promise<void> {
    const b = cancelled[0];
    if (!b) return Promise.resolve();
    return this.safely('booking.cancelled', b, async () => {
      const user = await this.requester(b);
      if (!user) return;
      await this.outbox.enqueue({
        kind: 'booking.cancelled',
        key: b._id.toHexString(),
        to: this.to(user),
        language: user.language,
        data: { ...this.data(resource, b), byName, occurrences: cancelled.length },
        attachments: [this.invite('CANCEL', resource, cancelled, user)],
      });
    });
  }

  waitlistOffer(resource: Resource, held: LeanBooking, expiresAt: Date): Promise<void> {
    return this.safely('booking.waitlist_offer', held, async () => {
      const user = await this.requester(held);
      if (!user) return;
      await this.outbox.enqueue({
        kind: 'booking.waitlist_offer',
        key: held._id.toHexString(),
        to: this.to(user),
        language: user.language,
        data: { ...this.data(resource, held), expiresAt },
      });
    });
  }

  /** The reminder before the start; once per booking and start time, whoever runs it how often. */
  reminder(resource: Resource, b: LeanBooking): Promise<void> {
    return this.safely('booking.reminder', b, async () => {
      const user = await this.requester(b);
      if (!user) return;
      await this.outbox.enqueue({
        kind: 'booking.reminder',
        key: `${b._id.toHexString()}:${b.start.toISOString()}`,
        to: this.to(user),
        language: user.language,
        data: { ...this.data(resource, b), checkIn: resource.policy.checkIn === true },
      });
    });
  }

  private data(resource: Resource, b: LeanBooking): BookingMail {
    return {
      path: bookingPath(b),
      resourceName: resource.name,
      location: resource.location,
      start: b.start,
      end: b.end,
      timeZone: b.timeZone,
      purpose: b.purpose,
      requesterName: b.userName,
      organisationName: b.organisationName,
      units: b.units,
      note: b.decisionNote,
    };
  }

  private invite(method: 'REQUEST' | 'CANCEL', resource: Resource, bookings: LeanBooking[], user: UserRecord): MailAttachment {
    const content = bookingInvite({
      method,
      bookings,
      organizer: organizerOf(this.config.mail.from, this.config.mail.clusterName),
      attendee: { name: user.displayName, email: user.email },
      location: resource.location,
      publicUrl: this.config.publicUrl,
    });
    return { filename: method === 'REQUEST' ? 'invite.ics' : 'cancel.ics', content, icsMethod: method };
  }

  private to(user: UserRecord): { email: string; name: string; userId: string } {
    return { email: user.email, name: user.displayName, userId: user.id };
  }

  private async requester(b: LeanBooking): Promise<UserRecord | null> {
    return (await this.recipients([b.userId.toHexString()]))[0] ?? null;
  }

  private async recipients(ids: string[]): Promise<UserRecord[]> {
    if (ids.length === 0) return [];
    return (await this.users.findByIds(ids)).filter((u) => u.status === 'active');
  }

  private async safely(kind: MailKind, b: LeanBooking, fn: () => Promise<void>): Promise<void> {
    try {
      await fn();
    } catch (err) {
      this.logger.error(
        `Could not queue ${kind} mail for booking ${b._id.toHexString()}: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }
}
