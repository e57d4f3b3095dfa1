import { HttpStatus, Injectable } from '@nestjs/common';
import { Types } from 'mongoose';
import {
  DEFAULT_PAGE_LIMIT,
  EVENT_MAX_DAYS,
  ErrorCode,
  type Attendee,
  type AttendeesResponse,
  type ClusterEvent,
  type CreateEventRequest,
  type EventOrganiserType,
  type Page,
  type RsvpChoice,
  type RsvpStatus,
  type RsvpView,
  type UpdateEventRequest,
} from '@klasteris/contracts';
import { ApiException, forbidden, notFound, validationFailed } from '../../common/api-exception';
import { AuthUser, canAdministerOrganisation, isStaff } from '../../common/auth-user';
import { csvCell } from '../../common/csv';
import { encodeCursor } from '../../common/pagination';
import { GroupsRepository } from '../groups/groups.repository';
import { ModerationPolicy } from '../moderation/moderation-policy';
import { OrganisationsRepository } from '../organisations/organisations.repository';
import { ProjectAccessService } from '../projects/project-access.service';
import { ProjectsRepository } from '../projects/projects.repository';
import { UsersRepository } from '../users/users.repository';
import { AttendanceRepository, memberKey } from './attendance.repository';
import { EventAccessService, factsOf } from './event-access.service';
import { EventLiveService } from './event-live.service';
import { EventMails } from './event-mails.service';
import { eventIcs } from './event-ics';
import { canManageEvent } from './event-policy';
import { EventVenueService, MovedBackError } from './event-venue.service';
import type { LeanAttendance, LeanEvent, StoredVenue } from './event.schema';
import { toAttendee, toEvent } from './event.mapper';
import { EventPatch, EventsRepository } from './events.repository';
import { RsvpService } from './rsvp.service';

export const eventStateConflict = (state: string, message = `The event is ${state}`): ApiException =>
  new ApiException(HttpStatus.CONFLICT, ErrorCode.EventStateConflict, message, { state });

/** Counts per key, most first (then by key); missing keys count as "—"; `present`: how many of the key were checked in. */
function tally(rows: { key: string | null; going: boolean; present: boolean }[]): { key: string; going: number; present: number }[] {
  const m = new Map<string, { going: number; present: number }>();
  for (const r of rows) {
    if (!r.going && !r.present) continue;
    const k = r.key ?? '—';
    const c = m.get(k) ?? { going: 0, present: 0 };
    if (r.going) c.going++;
    if (r.present) c.present++;
    m.set(k, c);
  }
  return [...m].map(([key, c]) => ({ key, ...c })).sort((a, b) => b.going - a.going || a.key.localeCompare(b.key));
}

const matches = (a: LeanAttendance, q: string): boolean =>
  [a.name, a.organisationName, a.country, a.email].some((v) => typeof v === 'string' && v.toLocaleLowerCase().includes(q));

const field = (name: string, message: string): ApiException => validationFailed([{ field: name, message }]);

/** Events: create, read, change, publish, cancel, RSVP. The venue booking is EventVenueService's; places and the line RsvpService's. */
@Injectable()
export class EventsService {
  constructor(
    private readonly events: EventsRepository,
    private readonly attendance: AttendanceRepository,
    private readonly access: EventAccessService,
    private readonly venues: EventVenueService,
    private readonly rsvps: RsvpService,
    private readonly groups: GroupsRepository,
    private readonly moderation: ModerationPolicy,
    private readonly projects: ProjectsRepository,
    private readonly projectAccess: ProjectAccessService,
    private readonly organisations: OrganisationsRepository,
    private readonly users: UsersRepository,
    private readonly live: EventLiveService,
    private readonly mails: EventMails,
  ) {}

  async create(me: AuthUser, req: CreateEventRequest): Promise<ClusterEvent> {
    const organiserType = await this.authoriseOrganiser(me, req);
    if (req.visibility === 'group' && !req.groupId) throw field('groupId', 'is required for visibility "group"');
    if (req.visibility === 'project' && !req.projectId) throw field('projectId', 'is required for visibility "project"');
    const span = { start: Date.parse(req.start), end: Date.parse(req.end) };
    let venue = await this.venues.describe(req.venue);
    // Book first: a conflict or a broken rule answers before anything of the event is written.
    if (req.publish) venue = await this.venues.book(me, venue, span, req.title);
    const id = new Types.ObjectId();
    try {
      const created = await this.events.create({
        _id: id,
        title: req.title,
        description: req.description ?? null,
        kind: req.kind,
        organiserType,
        groupId: req.groupId ? new Types.ObjectId(req.groupId) : null,
        projectId: req.projectId ? new Types.ObjectId(req.projectId) : null,
        organisationId: req.organisationId ? new Types.ObjectId(req.organisationId) : null,
        start: new Date(span.start),
        end: new Date(span.end),
        timeZone: req.timeZone,
        capacity: req.capacity ?? null,
        visibility: req.visibility,
        state: req.publish ? 'published' : 'draft',
        venue,
        createdBy: new Types.ObjectId(me.id),
      });
      return toEvent(created, { myRsvp: null, canManage: true });
    } catch (err) {
      await this.venues.release(venue, 'The event could not be created');
      throw err;
    }
  }

  /** Who organises, and may the caller create for them: 400 for an organiser that does not exist (to them), 403 when not theirs to run. */
  async authoriseOrganiser(
    me: AuthUser,
    req: Pick<CreateEventRequest, 'groupId' | 'projectId' | 'organisationId'>,
  ): Promise<EventOrganiserType> {
    const given = [req.groupId, req.projectId, req.organisationId].filter((x) => x !== undefined);
    if (given.length > 1) throw field(req.groupId ? 'groupId' : 'projectId', 'give at most one of groupId, projectId, organisationId');
    const staff = isStaff(me);
    if (req.groupId) {
      const group = await this.groups.findById(req.groupId);
      if (!group) throw field('groupId', 'no such group');
      if (!staff && !(await this.moderation.isModerator(req.groupId, me.id)))
        throw forbidden("Only the group's coordinators create its events");
      return 'group';
    }
    if (req.projectId) {
      const project = await this.projects.findById(req.projectId);
      const role = project ? await this.projectAccess.roleOf(me.id, req.projectId) : null;
      if (!project || (!role && !staff)) throw field('projectId', 'no such project');
      if (!staff && role !== 'owner') throw forbidden("Only the project's owners create its events");
      return 'project';
    }
    if (req.organisationId) {
      if (!(await this.organisations.findById(req.organisationId))) throw field('organisationId', 'no such organisation');
      if (!staff && !canAdministerOrganisation(me, req.organisationId)) throw forbidden("Only the organisation's admins create its events");
      return 'organisation';
    }
    if (!staff) throw forbidden('Only coordinators and admins create events of the cluster');
    return 'cluster';
  }

  async list(me: AuthUser, q: { from?: string; to?: string; cursor?: string; limit?: number }): Promise<Page<ClusterEvent>> {
    const scope = await this.access.scopeOf(me);
    const limit = q.limit ?? DEFAULT_PAGE_LIMIT;
    const rows = await this.events.list(scope, {
      from: q.from ? new Date(q.from) : new Date(),
      to: q.to ? new Date(q.to) : null,
      cursor: q.cursor,
      limit,
    });
    const page = rows.slice(0, limit);
    const mine = new Map(
      (
        await this.attendance.mine(
          me.id,
          page.map((r) => r._id),
        )
      ).map((a) => [a.eventId.toHexString(), a]),
    );
    const items: ClusterEvent[] = [];
    for (const e of page) {
      const a = mine.get(e._id.toHexString());
      items.push(
        toEvent(e, { myRsvp: a && a.status !== 'none' ? await this.rsvps.view(a) : null, canManage: canManageEvent(scope, factsOf(e)) }),
      );
    }
    const last = page[page.length - 1];
    return {
      items,
      nextCursor: rows.length > limit && last ? encodeCursor({ k: last.start.getTime(), id: last._id.toHexString() }) : null,
    };
  }

  async get(me: AuthUser, id: string): Promise<ClusterEvent> {
    const { event, canManage } = await this.access.visible(me, id);
    return this.present(me, event, canManage);
  }

  private async present(me: AuthUser, event: LeanEvent, canManage: boolean): Promise<ClusterEvent> {
    const a = await this.attendance.find(event._id.toHexString(), memberKey(me.id));
    return toEvent(event, { myRsvp: a && a.status !== 'none' ? await this.rsvps.view(a) : null, canManage });
  }

  /** Organisers change an event; a new time or venue moves the booking (old slot kept if the new one cannot be had). */
  async update(me: AuthUser, id: string, req: UpdateEventRequest): Promise<ClusterEvent> {
    const { event, canManage } = await this.access.visible(me, id);
    if (!canManage) throw forbidden('Only the organisers change this event');
    if (event.state === 'cancelled') throw eventStateConflict('cancelled');
    const start = req.start ? Date.parse(req.start) : event.start.getTime();
    const end = req.end ? Date.parse(req.end) : event.end.getTime();
    if (end <= start || end - start > EVENT_MAX_DAYS * 86_400_000)
      throw field('end', `end must be after start and at most ${EVENT_MAX_DAYS} days later`);
    const visibility = req.visibility ?? event.visibility;
    if (visibility === 'group' && !event.groupId)
      throw field('visibility', 'a group event needs a groupId (set when the event is created)');
    if (visibility === 'project' && !event.projectId)
      throw field('visibility', 'a project event needs a projectId (set when the event is created)');
    if (req.capacity !== undefined && req.capacity !== null && req.capacity < event.going)
      throw field('capacity', `must not be below the ${event.going} people already going`);

    const title = req.title ?? event.title;
    const span = { start, end };
    const publishing = req.publish === true && event.state === 'draft';
    const nextVenue = req.venue ? await this.venues.describe(req.venue) : event.venue;
    const moved = start !== event.start.getTime() || end !== event.end.getTime();
    let venue: StoredVenue = nextVenue;
    let venueChanged = false;
    if (event.state === 'published' && (req.venue || moved)) {
      try {
        venue = await this.venues.move(me, event.venue, nextVenue, span, title);
      } catch (err) {
        if (err instanceof MovedBackError) {
          await this.events.update(id, { venue: err.venue });
          throw err.cause;
        }
        throw err;
      }
      venueChanged = true;
    } else if (publishing) {
      venue = await this.venues.book(me, nextVenue, span, title);
      venueChanged = true;
    }

    const patch: EventPatch = {};
    if (req.title !== undefined) patch.title = req.title;
    if (req.description !== undefined) patch.description = req.description;
    if (req.kind !== undefined) patch.kind = req.kind;
    if (req.timeZone !== undefined) patch.timeZone = req.timeZone;
    if (req.visibility !== undefined) patch.visibility = req.visibility;
    if (moved) Object.assign(patch, { start: new Date(start), end: new Date(end) });
    if (req.venue || venueChanged) patch.venue = venue;
    if (publishing) patch.state = 'published';
    let updated = await this.events.update(id, patch, publishing ? 'draft' : undefined);
    if (!updated) {
      if (venueChanged && venue !== event.venue) await this.venues.release(venue, 'The event changed meanwhile');
      throw eventStateConflict((await this.events.findById(id))?.state ?? 'gone', 'The event changed meanwhile; reload it');
    }
    if (req.capacity !== undefined) updated = await this.setCapacity(updated, req.capacity);
    if (req.capacity !== undefined || publishing) this.live.changed(id);
    if (req.visibility !== undefined && req.visibility !== event.visibility) this.live.accessChanged(id);
    return this.present(me, updated, true);
  }

  /** Compare-and-set on (capacity, going); a raised capacity lets the line move up. */
  private async setCapacity(event: LeanEvent, capacity: number | null): Promise<LeanEvent> {
    let current = event;
    for (let i = 0; i < 20; i++) {
      if (capacity !== null && capacity < current.going)
        throw field('capacity', `must not be below the ${current.going} people already going`);
      const done = await this.events.setCapacity(current._id.toHexString(), { capacity: current.capacity, going: current.going }, capacity);
      if (done) {
        await this.rsvps.promote(done._id.toHexString());
        return (await this.events.findById(done._id.toHexString())) ?? done;
      }
      current = (await this.events.findById(event._id.toHexString())) ?? current;
    }
    throw eventStateConflict(current.state, 'The event is too busy to change its capacity now; try again');
  }

  async cancel(me: AuthUser, id: string, reason: string | null): Promise<ClusterEvent> {
    const { event, canManage } = await this.access.visible(me, id);
    if (!canManage) throw forbidden('Only the organisers cancel this event');
    const cancelled = await this.events.cancel(id, reason);
    if (!cancelled) throw eventStateConflict('cancelled');
    await this.venues.release(event.venue, reason ?? 'The event was cancelled');
    this.live.changed(id);
    void this.mails.cancelled(cancelled);
    return this.present(me, cancelled, true);
  }

  async rsvp(me: AuthUser, id: string, choice: RsvpChoice): Promise<RsvpView> {
    const { event } = await this.access.visible(me, id);
    if (event.state !== 'published') throw eventStateConflict(event.state, `The event is ${event.state}: no answers now`);
    if (event.end.getTime() <= Date.now()) throw eventStateConflict('past', 'The event is over');
    const [user, org] = await Promise.all([
      this.users.findById(me.id),
      me.organisationId ? this.organisations.findById(me.organisationId) : null,
    ]);
    return this.rsvps.respond(
      id,
      {
        key: memberKey(me.id),
        kind: 'member',
        userId: new Types.ObjectId(me.id),
        email: null,
        name: user?.displayName ?? me.displayName,
        organisationId: me.organisationId ? new Types.ObjectId(me.organisationId) : null,
        organisationName: user?.organisationName ?? null,
        country: org?.country ?? null,
        language: user?.language ?? 'en',
      },
      choice,
    );
  }

  /** Organisers and staff only (a member who may see the event gets 403, anyone else 404). */
  async attendees(me: AuthUser, id: string, q?: string): Promise<AttendeesResponse> {
    const { canManage } = await this.access.visible(me, id);
    if (!canManage) throw forbidden('Only the organisers see who attends');
    const rows = await this.attendance.list(id);
    const counts: Record<RsvpStatus, number> = { going: 0, waitlisted: 0, maybe: 0, declined: 0 };
    let line = 0;
    let offered = 0;
    const items = rows.map((a) => {
      if (a.status === 'offered') offered++;
      const status = a.status === 'none' ? 'declined' : a.status === 'offered' ? 'waitlisted' : a.status;
      counts[status]++;
      return toAttendee(a, a.status === 'waitlisted' ? ++line : undefined);
    });
    const facts = items.map((a) => ({ a, going: a.status === 'going', present: a.checkedIn === true }));
    const checkIns = {
      present: items.filter((a) => a.checkedIn === true).length,
      absent: items.filter((a) => a.checkedIn === false).length,
    };
    const needle = q?.trim().toLocaleLowerCase();
    const shown = needle ? items.filter((_a, i) => matches(rows[i]!, needle)) : items;
    return {
      items: shown,
      counts,
      offered,
      byOrganisation: tally(facts.map((f) => ({ key: f.a.organisationName, going: f.going, present: f.present }))),
      byCountry: tally(facts.map((f) => ({ key: f.a.country, going: f.going, present: f.present }))),
      checkIns,
    };
  }

  /** Organisers mark an attendee (member or prospect) present or absent; not for cancelled events or drafts. */
  async checkIn(me: AuthUser, id: string, attendeeId: string, present: boolean): Promise<Attendee> {
    const { event, canManage } = await this.access.visible(me, id);
    if (!canManage) throw forbidden('Only the organisers check people in');
    if (event.state !== 'published') throw eventStateConflict(event.state, `The event is ${event.state}: no check-in`);
    const row = await this.attendance.checkIn(id, attendeeId, present, me.id);
    if (!row) throw notFound('Attendee');
    return toAttendee(row);
  }

  /** The event as an .ics file, for anyone who may see it. */
  async ics(me: AuthUser, id: string, publicUrl: string): Promise<string> {
    const { event } = await this.access.visible(me, id);
    return eventIcs(event, publicUrl, `/events/${id}`);
  }

  /** The attendance as CSV (organisers only), every cell neutralised against formulas. */
  async attendeesCsv(me: AuthUser, id: string): Promise<string> {
    const { items } = await this.attendees(me, id);
    const head = ['name', 'kind', 'organisation', 'country', 'status', 'position', 'respondedAt', 'checkedIn'];
    const checked = (v: boolean | null | undefined): string | null => (v === true ? 'present' : v === false ? 'absent' : null);
    const rows = items.map((a) =>
      [a.name, a.kind, a.organisationName, a.country, a.status, a.position ?? null, a.respondedAt, checked(a.checkedIn)]
        .map(csvCell)
        .join(','),
    );
    return [head.join(','), ...rows].join('\r\n') + '\r\n';
  }
}
