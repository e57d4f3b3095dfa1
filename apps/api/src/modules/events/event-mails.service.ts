import { Injectable, Logger } from '@nestjs/common';
import type { Language } from '@klasteris/contracts';
import { AppConfig } from '../../config/app-config';
import { OutboxService, type MailRecipient } from '../mail/outbox.service';
import { UsersRepository } from '../users/users.repository';
import { AttendanceRepository } from './attendance.repository';
import { eventIcs, venueLine } from './event-ics';
import type { LeanAttendance, LeanEvent } from './event.schema';
import { EventsRepository } from './events.repository';

/** The page of an event for this person: members the app's, prospects the visitor site's. */
const pathFor = (a: Pick<LeanAttendance, 'kind'>, eventId: string): string =>
  a.kind === 'member' ? `/events/${eventId}` : `/visit/events/${eventId}`;

/**
 * Event mails through the outbox (idempotent per cause and address): the hold offered to the first
 * in line, and the cancellation to everyone still expecting the event. Members are written to at
 * their account's address and language, prospects at the address they registered with.
 */
@Injectable()
export class EventMails {
  private readonly logger = new Logger('EventMails');

  constructor(
    private readonly outbox: OutboxService,
    private readonly users: UsersRepository,
    private readonly events: EventsRepository,
    private readonly attendance: AttendanceRepository,
    private readonly config: AppConfig,
  ) {}

  private async recipients(rows: LeanAttendance[]): Promise<Map<string, { to: MailRecipient; language: Language }>> {
    const memberIds = rows.filter((r) => r.kind === 'member' && r.userId).map((r) => r.userId!.toHexString());
    const users = new Map((memberIds.length ? await this.users.findByIds(memberIds) : []).map((u) => [u.id, u]));
    const out = new Map<string, { to: MailRecipient; language: Language }>();
    for (const r of rows) {
      if (r.kind === 'member') {
        const u = r.userId ? users.get(r.userId.toHexString()) : undefined;
        if (u && u.status === 'active')
          out.set(r._id.toHexString(), { to: { email: u.email, name: u.displayName, userId: u.id }, language: u.language });
      } else if (r.email) out.set(r._id.toHexString(), { to: { email: r.email, name: r.name }, language: r.language });
    }
    return out;
  }

  /** A freed place is held for `row` until its offerExpiresAt; prospects get links with `token`. */
  async offered(row: LeanAttendance, token: string | null): Promise<void> {
    const eventId = row.eventId.toHexString();
    const [e, who] = await Promise.all([this.events.findById(eventId), this.recipients([row])]);
    const r = who.get(row._id.toHexString());
    if (!e || !r || !row.offerExpiresAt) return;
    const page = pathFor(row, eventId);
    await this.outbox.enqueue({
      kind: 'event.offer',
      key: `${row._id.toHexString()}:v${row.version}`,
      to: r.to,
      language: r.language,
      data: {
        eventTitle: e.title,
        start: e.start,
        end: e.end,
        timeZone: e.timeZone,
        venue: venueLine(e),
        expiresAt: row.offerExpiresAt,
        confirmPath: token ? `${page}/confirm?token=${token}` : page,
        declinePath: token ? `${page}/cancel?token=${token}` : null,
      },
    });
  }

  /** The event was cancelled: everyone holding a place, waiting or maybe hears it, with the calendar entry marked cancelled. */
  async cancelled(e: LeanEvent): Promise<void> {
    try {
      const eventId = e._id.toHexString();
      const rows = await this.attendance.concerned(eventId);
      const who = await this.recipients(rows);
      for (const row of rows) {
        const r = who.get(row._id.toHexString());
        if (!r) continue;
        // a cancelled event is no longer on the visitor site: prospects are led to its list of events
        const page = row.kind === 'member' ? pathFor(row, eventId) : '/visit/events';
        await this.outbox.enqueue({
          kind: 'event.cancelled',
          key: eventId,
          to: r.to,
          language: r.language,
          data: { eventTitle: e.title, start: e.start, timeZone: e.timeZone, venue: venueLine(e), reason: e.cancelReason, eventPath: page },
          attachments: [
            {
              filename: 'event.ics',
              contentType: 'text/calendar',
              content: eventIcs(e, this.config.publicUrl, pathFor(row, eventId)),
              icsMethod: 'PUBLISH',
            },
          ],
        });
      }
    } catch (err) {
      this.logger.error(`cancellation mails of ${e._id.toHexString()} not queued: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}
