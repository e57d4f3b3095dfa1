import { HttpStatus, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import {
  ErrorCode,
  type ConfirmOutcome,
  type Page,
  type PublicEvent,
  type PublicRegistration,
  type PublicRegistrationRequest,
} from '@klasteris/contracts';
import { ApiException, notFound } from '../../common/api-exception';
import { AppConfig } from '../../config/app-config';
import { OutboxService } from '../mail/outbox.service';
import { AttendanceRepository, prospectKey } from './attendance.repository';
import { eventIcs, eventsIcs, venueLine } from './event-ics';
import type { LeanEvent } from './event.schema';
import { toPublicEvent } from './event.mapper';
import { EventsRepository } from './events.repository';
import { eventStateConflict } from './events.service';
import { RsvpService } from './rsvp.service';
import { encodeCursor } from '../../common/pagination';

const sha256 = (s: string): string => createHash('sha256').update(s).digest('base64url');
const NOBODY = { staff: false, groupIds: [], projectIds: [], managedGroupIds: [], managedProjectIds: [], managedOrganisationId: null };
export const CANCEL_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The visitor site: published public events, and prospects registering for them (no account). */
@Injectable()
export class PublicEventsService {
  constructor(
    private readonly events: EventsRepository,
    private readonly attendance: AttendanceRepository,
    private readonly rsvps: RsvpService,
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
  ) {}

  async list(q: { from?: string; to?: string; cursor?: string; limit: number }): Promise<Page<PublicEvent>> {
    const rows = await this.events.list(NOBODY, {
      from: q.from ? new Date(q.from) : new Date(),
      to: q.to ? new Date(q.to) : null,
      cursor: q.cursor,
      limit: q.limit,
      publicOnly: true,
    });
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toPublicEvent),
      nextCursor: rows.length > q.limit && last ? encodeCursor({ k: last.start.getTime(), id: last._id.toHexString() }) : null,
    };
  }

  async get(id: string): Promise<PublicEvent> {
    return toPublicEvent(await this.load(id));
  }

  async ics(id: string): Promise<string> {
    const e = await this.load(id);
    return eventIcs(e, this.config.publicUrl, `/visit/events/${id}`);
  }

  /** Upcoming public events (at most 200) as one calendar. */
  async feed(): Promise<string> {
    const rows = await this.events.list(NOBODY, { from: new Date(), to: null, limit: 200, publicOnly: true });
    return eventsIcs('Klasteris events', rows.slice(0, 200), this.config.publicUrl, (e) => `/visit/events/${e._id.toHexString()}`);
  }

  /** Only published public events exist here; everything else is a 404. */
  private async load(id: string): Promise<LeanEvent> {
    const e = await this.events.findById(id);
    if (!e || e.visibility !== 'public' || e.state !== 'published') throw notFound('Event');
    return e;
  }

  /**
   * A prospect registers: a place if one is free, else the waitlist (the same places as members'
   * RSVPs). One registration per e-mail and event (unique index): a second is 409 ALREADY_REGISTERED.
   * The confirmation mail, with the event's ICS and a cancel link, goes through the outbox.
   */
  async register(id: string, req: PublicRegistrationRequest): Promise<PublicRegistration> {
    const e = await this.load(id);
    if (e.end.getTime() <= Date.now()) throw eventStateConflict('past', 'The event is over');
    const token = randomBytes(32).toString('base64url');
    const person = {
      key: prospectKey(req.email),
      kind: 'prospect' as const,
      userId: null,
      email: req.email.toLowerCase(),
      name: req.name,
      organisationId: null,
      organisationName: req.organisation,
      country: req.country,
      language: req.language ?? 'en',
      cancelTokenHash: sha256(token),
    };
    const row = await this.attendance.insert(id, person);
    if (!row)
      throw new ApiException(HttpStatus.CONFLICT, ErrorCode.AlreadyRegistered, 'This e-mail address is already registered for this event');
    const rsvp = await this.rsvps.respond(id, person, 'going', row);
    const status = rsvp.status === 'waitlisted' ? 'waitlisted' : 'going';
    const eventPath = `/visit/events/${id}`;
    await this.outbox.enqueue({
      kind: 'event.registration',
      key: row._id.toHexString(),
      to: { email: person.email, name: person.name },
      language: person.language,
      data: {
        eventTitle: e.title,
        start: e.start,
        end: e.end,
        timeZone: e.timeZone,
        venue: venueLine(e),
        status,
        position: rsvp.position ?? null,
        eventPath,
        cancelPath: `${eventPath}/cancel?token=${token}`,
      },
      attachments: [
        {
          filename: 'event.ics',
          contentType: 'text/calendar',
          content: eventIcs(e, this.config.publicUrl, eventPath),
          icsMethod: 'PUBLISH',
        },
      ],
    });
    return { id: row._id.toHexString(), eventId: id, status, ...(rsvp.position ? { position: rsvp.position } : {}) };
  }

  /**
   * The confirm link of an offer mail: takes up the place held for the prospect. A hold that lapsed
   * meanwhile means asking again: a free place if there is one, else the end of the line.
   */
  async confirm(token: string): Promise<{ registration: PublicRegistration; outcome: ConfirmOutcome }> {
    const row = CANCEL_TOKEN.test(token) ? await this.attendance.findByOfferHash(sha256(token)) : null;
    if (!row) throw notFound('Registration');
    const eventId = row.eventId.toHexString();
    const e = await this.events.findById(eventId);
    if (!e || e.state !== 'published') throw eventStateConflict(e?.state ?? 'cancelled', 'The event is no longer open');
    if (e.end.getTime() <= Date.now()) throw eventStateConflict('past', 'The event is over');
    // what the link finds: a hold still open, a place (or a place in line) already had, or a hold that ended
    const holding = row.status === 'offered' && !!row.offerExpiresAt && row.offerExpiresAt.getTime() > Date.now();
    const had = row.status === 'going' || row.status === 'waitlisted';
    const rsvp = await this.rsvps.respond(eventId, row, 'going', row);
    const status = rsvp.status === 'going' ? 'going' : 'waitlisted';
    const outcome: ConfirmOutcome = had ? 'already_confirmed' : holding && status === 'going' ? 'confirmed' : 'expired';
    return {
      registration: { id: row._id.toHexString(), eventId, status, ...(rsvp.position ? { position: rsvp.position } : {}) },
      outcome,
    };
  }

  /** The cancel link of the mail: frees the place (the first in line gets it). Unknown tokens: 404. */
  async cancel(token: string): Promise<void> {
    const row = CANCEL_TOKEN.test(token) ? await this.attendance.findByCancelHash(sha256(token)) : null;
    if (!row) throw notFound('Registration');
    if (row.status === 'declined') return;
    await this.rsvps.respond(row.eventId.toHexString(), { ...row, cancelTokenHash: row.cancelTokenHash }, 'declined', row);
  }
}
