import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import {
  ErrorCode,
  type ClusterEvent,
  type CreateEventSeriesRequest,
  type EventSeries,
  type EventSeriesResponse,
} from '@klasteris/contracts';
import { ApiException, notFound, validationFailed } from '../../common/api-exception';
import type { AuthUser } from '../../common/auth-user';
import { oid } from '../../common/object-id';
import { AttendanceRepository } from './attendance.repository';
import { EventAccessService, factsOf } from './event-access.service';
import { seriesIcs } from './event-ics';
import { canManageEvent, canSeeEvent } from './event-policy';
import { EventVenueService } from './event-venue.service';
import { EventSeriesDoc, type LeanEvent, type LeanSeries, type StoredVenue } from './event.schema';
import { toEvent } from './event.mapper';
import { EventsRepository, type NewEvent } from './events.repository';
import { EventsService } from './events.service';
import { RsvpService } from './rsvp.service';
import { planSeries } from './series-plan';

const toSeries = (s: LeanSeries): EventSeries => ({
  id: s._id.toHexString(),
  recurrence: {
    freq: s.recurrence.freq,
    interval: s.recurrence.interval,
    ...(s.recurrence.count !== null ? { count: s.recurrence.count } : {}),
    ...(s.recurrence.until !== null ? { until: s.recurrence.until } : {}),
  },
  timeZone: s.timeZone,
  occurrences: s.occurrences,
  createdBy: s.createdBy.toHexString(),
  createdAt: s.createdAt.toISOString(),
});

/**
 * Weekly or monthly series. The rule makes the occurrences once, and each is an event of its own
 * (seriesId + occurrence index + the start the rule gave it), so RSVP, the venue booking, ICS,
 * PATCH (moving one occurrence) and cancel (one occurrence) need nothing new. A resource venue is
 * booked per occurrence, all before anything is written: any conflict releases what was booked and
 * answers 409 listing every conflicting occurrence — no series, no event, no booking.
 */
@Injectable()
export class EventSeriesService {
  constructor(
    @InjectModel(EventSeriesDoc.name) private readonly model: Model<EventSeriesDoc>,
    private readonly events: EventsRepository,
    private readonly eventsService: EventsService,
    private readonly access: EventAccessService,
    private readonly venues: EventVenueService,
    private readonly attendance: AttendanceRepository,
    private readonly rsvps: RsvpService,
  ) {}

  async create(me: AuthUser, req: CreateEventSeriesRequest): Promise<EventSeriesResponse> {
    const organiserType = await this.eventsService.authoriseOrganiser(me, req);
    if (req.visibility === 'group' && !req.groupId)
      throw validationFailed([{ field: 'groupId', message: 'is required for visibility "group"' }]);
    if (req.visibility === 'project' && !req.projectId)
      throw validationFailed([{ field: 'projectId', message: 'is required for visibility "project"' }]);
    const plan = planSeries(Date.parse(req.start), Date.parse(req.end), req.timeZone, req.recurrence);
    if (!plan.ok) throw validationFailed([{ field: plan.field, message: plan.message }]);
    const venue = await this.venues.describe(req.venue);

    // every occurrence's venue first: all or nothing
    const booked: StoredVenue[] = [];
    if (req.publish && venue.kind === 'resource') {
      const conflicts: { index: number; start: string; end: string; conflicts: unknown }[] = [];
      try {
        for (const o of plan.occurrences) {
          try {
            booked[o.index] = await this.venues.book(me, venue, o, req.title);
          } catch (err) {
            if (!(err instanceof ApiException) || err.code !== ErrorCode.BookingConflict) throw err;
            conflicts.push({
              index: o.index,
              start: new Date(o.start).toISOString(),
              end: new Date(o.end).toISOString(),
              conflicts: err.details?.['conflicts'] ?? [],
            });
          }
        }
      } catch (err) {
        await this.releaseAll(booked, 'The series could not be created');
        throw err;
      }
      if (conflicts.length) {
        await this.releaseAll(booked, 'The series could not be created');
        throw new ApiException(
          HttpStatus.CONFLICT,
          ErrorCode.BookingConflict,
          `The venue is taken for ${conflicts.length} of the ${plan.occurrences.length} occurrences`,
          {
            conflicts: conflicts.flatMap((c) => c.conflicts as unknown[]),
            occurrences: conflicts,
          },
        );
      }
    }

    const seriesId = new Types.ObjectId();
    const createdBy = new Types.ObjectId(me.id);
    const rows: NewEvent[] = plan.occurrences.map((o) => ({
      _id: new Types.ObjectId(),
      title: req.title,
      description: req.description ?? null,
      kind: req.kind,
      organiserType,
      groupId: req.groupId ? new Types.ObjectId(req.groupId) : null,
      projectId: req.projectId ? new Types.ObjectId(req.projectId) : null,
      organisationId: req.organisationId ? new Types.ObjectId(req.organisationId) : null,
      start: new Date(o.start),
      end: new Date(o.end),
      timeZone: req.timeZone,
      capacity: req.capacity ?? null,
      visibility: req.visibility,
      state: req.publish ? 'published' : 'draft',
      venue: booked[o.index] ?? venue,
      createdBy,
      seriesId,
      occurrence: o.index,
      originalStart: new Date(o.start),
    }));
    let created: LeanEvent[];
    try {
      await this.model.create({
        _id: seriesId,
        recurrence: {
          freq: req.recurrence.freq,
          interval: req.recurrence.interval ?? 1,
          count: req.recurrence.count ?? null,
          until: req.recurrence.until ?? null,
        },
        timeZone: req.timeZone,
        occurrences: rows.length,
        createdBy,
        createdAt: new Date(),
      });
      created = await this.events.createMany(rows);
    } catch (err) {
      await this.events.removeMany(rows.map((r) => r._id)).catch(() => undefined);
      await this.model.deleteOne({ _id: seriesId }).catch(() => undefined);
      await this.releaseAll(booked, 'The series could not be created');
      throw err;
    }
    const series = await this.model.findById(seriesId).lean<LeanSeries>();
    return { series: toSeries(series!), events: created.map((e) => toEvent(e, { myRsvp: null, canManage: true })) };
  }

  private async releaseAll(venues: StoredVenue[], reason: string): Promise<void> {
    for (const v of venues) if (v) await this.venues.release(v, reason).catch(() => undefined);
  }

  /** The series and the occurrences the caller may see; none visible → 404. */
  async get(me: AuthUser, id: string): Promise<EventSeriesResponse> {
    const { series, visible } = await this.load(me, id);
    const mine = new Map(
      (
        await this.attendance.mine(
          me.id,
          visible.map((e) => e.event._id),
        )
      ).map((a) => [a.eventId.toHexString(), a]),
    );
    const events: ClusterEvent[] = [];
    for (const { event, canManage } of visible) {
      const a = mine.get(event._id.toHexString());
      events.push(toEvent(event, { myRsvp: a && a.status !== 'none' ? await this.rsvps.view(a) : null, canManage }));
    }
    return { series: toSeries(series), events };
  }

  /** Cancels every occurrence that is not over or cancelled yet (organisers only); each releases its booking and mails its attendees. */
  async cancel(me: AuthUser, id: string, reason: string | null): Promise<EventSeriesResponse> {
    const { visible } = await this.load(me, id);
    if (!visible.some((v) => v.canManage))
      throw new ApiException(HttpStatus.FORBIDDEN, ErrorCode.Forbidden, 'Only the organisers cancel this series');
    const now = Date.now();
    for (const { event, canManage } of visible) {
      if (!canManage || event.state === 'cancelled' || event.end.getTime() <= now) continue;
      await this.eventsService.cancel(me, event._id.toHexString(), reason).catch((err: unknown) => {
        if (!(err instanceof ApiException && err.code === ErrorCode.EventStateConflict)) throw err;
      });
    }
    return this.get(me, id);
  }

  async ics(me: AuthUser, id: string, publicUrl: string): Promise<string> {
    const { series, visible } = await this.load(me, id);
    return seriesIcs(
      series,
      visible.map((v) => v.event),
      publicUrl,
    );
  }

  private async load(me: AuthUser, id: string): Promise<{ series: LeanSeries; visible: { event: LeanEvent; canManage: boolean }[] }> {
    const series = await this.model.findById(oid(id)).lean<LeanSeries>();
    if (!series) throw notFound('Event series');
    const [scope, all] = await Promise.all([this.access.scopeOf(me), this.events.ofSeries(id)]);
    const visible = all
      .filter((e) => canSeeEvent(scope, factsOf(e)))
      .map((event) => ({ event, canManage: canManageEvent(scope, factsOf(event)) }));
    if (visible.length === 0) throw notFound('Event series');
    return { series, visible };
  }
}
