import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, QueryFilter, Types } from 'mongoose';
import type { Booking, BookingApproval, BookingStatus } from '@klasteris/contracts';
import { oid } from '../../common/object-id';
import { decodeCursor } from '../../common/pagination';
import { BookingDoc, LeanBooking, StoredBookingStatus, VISIBLE_STATUSES } from './booking.schema';

export const toBooking = (d: LeanBooking): Booking => ({
  id: d._id.toHexString(),
  resourceId: d.resourceId.toHexString(),
  resourceName: d.resourceName,
  timeZone: d.timeZone,
  userId: d.userId.toHexString(),
  userName: d.userName,
  organisationId: d.organisationId ? d.organisationId.toHexString() : null,
  organisationName: d.organisationName ?? null,
  start: d.start.toISOString(),
  end: d.end.toISOString(),
  units: d.units,
  purpose: d.purpose,
  projectId: d.projectId ? d.projectId.toHexString() : null,
  cardId: d.cardId ? d.cardId.toHexString() : null,
  status: (d.status === 'claiming' || d.status === 'failed' ? 'cancelled' : d.status) as BookingStatus,
  approvals: d.approvals ?? [],
  decisionNote: d.decisionNote ?? null,
  decidedAt: d.decidedAt ? d.decidedAt.toISOString() : null,
  seriesId: d.seriesId ? d.seriesId.toHexString() : null,
  holdExpiresAt: d.holdExpiresAt ? d.holdExpiresAt.toISOString() : null,
  checkedInAt: d.checkedInAt ? d.checkedInAt.toISOString() : null,
  createdAt: d.createdAt.toISOString(),
});

export interface NewBooking {
  resourceId: string;
  resourceName: string;
  resourceOrganisationId: string;
  timeZone: string;
  userId: string;
  userName: string;
  organisationId: string | null;
  organisationName: string | null;
  start: number;
  end: number;
  units: number;
  purpose: string;
  projectId: string | null;
  cardId: string | null;
  approvalSteps: number;
  seriesId: string | null;
  seriesIndex: number | null;
  waitlistEntryId?: string | null;
}

@Injectable()
export class BookingsRepository {
  constructor(@InjectModel(BookingDoc.name) private readonly model: Model<BookingDoc>) {}

  /** Stored as `claiming`: invisible and holding nothing until its claims are all in. */
  async createClaiming(b: NewBooking): Promise<LeanBooking> {
    const now = new Date();
    const doc = await this.model.create({
      ...b,
      resourceId: oid(b.resourceId),
      resourceOrganisationId: oid(b.resourceOrganisationId),
      userId: oid(b.userId),
      organisationId: b.organisationId ? oid(b.organisationId) : null,
      projectId: b.projectId ? oid(b.projectId) : null,
      cardId: b.cardId ? oid(b.cardId) : null,
      seriesId: b.seriesId ? oid(b.seriesId) : null,
      waitlistEntryId: b.waitlistEntryId ? oid(b.waitlistEntryId) : null,
      start: new Date(b.start),
      end: new Date(b.end),
      status: 'claiming',
      approvalStep: 0,
      version: 0,
      createdAt: now,
      updatedAt: now,
    });
    return doc.toObject() as LeanBooking;
  }

  findById(id: string): Promise<LeanBooking | null> {
    return this.model.findById(id).lean<LeanBooking>();
  }

  /**
   * The one way a booking changes state: one conditional update, `{ _id, status ∈ from, approvalStep? }`
   * → the new fields and `version + 1`. Single-document updates are atomic (on the embedded FerretDB
   * too: tools/ferretdb/patches/01-serialise-writes.diff), so of two approvers, or an approval racing a
   * cancellation, exactly one matches; `database-conformance.int-spec.ts` proves it on every database
   * the app runs on, and `bookings-approvals.int-spec.ts` races them through the API. Returns null when
   * the booking is not in one of `from` (or not at `approvalStep`), or when someone else changed it first.
   */
  transition(
    id: string,
    from: StoredBookingStatus[],
    set: Partial<BookingDoc>,
    opts: { approvalStep?: number; approval?: BookingApproval } = {},
  ): Promise<LeanBooking | null> {
    const filter: QueryFilter<BookingDoc> = {
      _id: oid(id),
      status: { $in: from },
      ...(opts.approvalStep !== undefined ? { approvalStep: opts.approvalStep } : {}),
    };
    return this.model
      .findOneAndUpdate(
        filter,
        {
          $set: { ...set, updatedAt: new Date() },
          $inc: { version: 1 },
          ...(opts.approval ? { $push: { approvals: opts.approval } } : {}),
        },
        { returnDocument: 'after' },
      )
      .lean<LeanBooking>();
  }

  /** Records the check-in once (a repeated check-in keeps the first time). */
  checkIn(id: string, at: Date): Promise<LeanBooking | null> {
    return this.model
      .findOneAndUpdate(
        { _id: oid(id), status: 'confirmed', checkedInAt: null },
        { $set: { checkedInAt: at } },
        { returnDocument: 'after' },
      )
      .lean<LeanBooking>()
      .then(async (d) => d ?? (await this.model.findById(id).lean<LeanBooking>()));
  }

  async statusesOf(ids: string[]): Promise<Map<string, { status: StoredBookingStatus; createdAt: Date }>> {
    if (ids.length === 0) return new Map();
    const docs = await this.model
      .find({ _id: { $in: ids.map(oid) } }, { status: 1, createdAt: 1 })
      .lean<{ _id: Types.ObjectId; status: StoredBookingStatus; createdAt: Date }[]>();
    return new Map(docs.map((d) => [d._id.toHexString(), { status: d.status, createdAt: d.createdAt }]));
  }

  /** Bookings of a resource overlapping [from, to) in the given statuses, by start. */
  inRange(resourceId: string, from: number, to: number, statuses: StoredBookingStatus[]): Promise<LeanBooking[]> {
    return this.model
      .find({ resourceId: oid(resourceId), status: { $in: statuses }, start: { $lt: new Date(to) }, end: { $gt: new Date(from) } })
      .sort({ start: 1, _id: 1 })
      .limit(5000)
      .lean<LeanBooking[]>();
  }

  /** Holding bookings of many resources overlapping [from, to) (the timeline), only the fields it draws. */
  manyInRange(
    resourceIds: string[],
    from: number,
    to: number,
    statuses: StoredBookingStatus[],
  ): Promise<Pick<LeanBooking, 'resourceId' | 'start' | 'end' | 'units'>[]> {
    if (resourceIds.length === 0) return Promise.resolve([]);
    return (
      this.model
        .find(
          {
            resourceId: { $in: resourceIds.map(oid) },
            status: { $in: statuses },
            start: { $lt: new Date(to) },
            end: { $gt: new Date(from) },
          },
          { resourceId: 1, start: 1, end: 1, units: 1 },
        )
        // in one reply: the embedded database hands a cursor's rest out 250 documents per getMore
        .batchSize(100_000)
        .lean<Pick<LeanBooking, 'resourceId' | 'start' | 'end' | 'units'>[]>()
    );
  }

  /** Pending and confirmed bookings linked to a project (its board shows them), upcoming first. */
  forProject(projectId: string, from: Date, limit: number): Promise<LeanBooking[]> {
    return this.model
      .find({ projectId: oid(projectId), status: { $in: ['pending', 'confirmed'] }, end: { $gt: from } })
      .sort({ start: 1, _id: 1 })
      .limit(limit)
      .lean<LeanBooking[]>();
  }

  /** Every visible booking linked to a card (cancelled and rejected too), by start (keyset on start, _id). */
  listForCard(cardId: string, q: { cursor?: string; limit: number }): Promise<LeanBooking[]> {
    const f: QueryFilter<BookingDoc> = { cardId: oid(cardId), status: { $in: VISIBLE_STATUSES } };
    const after = decodeCursor(q.cursor);
    if (after) f.$or = [{ start: { $gt: new Date(Number(after.k)) } }, { start: new Date(Number(after.k)), _id: { $gt: oid(after.id) } }];
    return this.model
      .find(f)
      .sort({ start: 1, _id: 1 })
      .limit(q.limit + 1)
      .lean<LeanBooking[]>();
  }

  /** The caller's own bookings, by start (keyset on start, _id). */
  listForUser(userId: string, q: { status?: BookingStatus; from?: number; cursor?: string; limit: number }): Promise<LeanBooking[]> {
    const f: QueryFilter<BookingDoc> = { userId: oid(userId), status: q.status ? q.status : { $in: VISIBLE_STATUSES } };
    if (q.from !== undefined) f.end = { $gt: new Date(q.from) };
    const after = decodeCursor(q.cursor);
    if (after) f.$or = [{ start: { $gt: new Date(Number(after.k)) } }, { start: new Date(Number(after.k)), _id: { $gt: oid(after.id) } }];
    return this.model
      .find(f)
      .sort({ start: 1, _id: 1 })
      .limit(q.limit + 1)
      .lean<LeanBooking[]>();
  }

  /** Pending requests, oldest first; `resourceIds` null = every resource (staff). */
  listPending(resourceIds: string[] | null, cursor: string | undefined, limit: number): Promise<LeanBooking[]> {
    const f: QueryFilter<BookingDoc> = { status: 'pending' };
    if (resourceIds) f.resourceId = { $in: resourceIds.map(oid) };
    const after = decodeCursor(cursor);
    if (after)
      f.$or = [{ createdAt: { $gt: new Date(Number(after.k)) } }, { createdAt: new Date(Number(after.k)), _id: { $gt: oid(after.id) } }];
    return this.model
      .find(f)
      .sort({ createdAt: 1, _id: 1 })
      .limit(limit + 1)
      .lean<LeanBooking[]>();
  }

  /** Requests stuck in `claiming` (their process died) created before `before`. */
  async staleClaiming(before: Date, limit = 100): Promise<string[]> {
    const docs = await this.model
      .find({ status: 'claiming', createdAt: { $lt: before } }, { _id: 1 })
      .limit(limit)
      .lean<{ _id: Types.ObjectId }[]>();
    return docs.map((d) => d._id.toHexString());
  }

  /** Confirmed bookings that have ended. */
  async ended(now: Date, limit = 200): Promise<string[]> {
    const docs = await this.model
      .find({ status: 'confirmed', end: { $lte: now } }, { _id: 1 })
      .limit(limit)
      .lean<{ _id: Types.ObjectId }[]>();
    return docs.map((d) => d._id.toHexString());
  }

  /** Confirmed bookings starting in (from, to], soonest first: the reminders' scan. */
  async confirmedStartingBetween(from: Date, to: Date, limit = 500): Promise<LeanBooking[]> {
    return this.model
      .find({ status: 'confirmed', start: { $gt: from, $lte: to } })
      .sort({ start: 1 })
      .limit(limit)
      .lean<LeanBooking[]>();
  }

  /** Holds whose time ran out. */
  async expiredHolds(now: Date, limit = 100): Promise<string[]> {
    const docs = await this.model
      .find({ status: 'held', holdExpiresAt: { $lte: now } }, { _id: 1 })
      .limit(limit)
      .lean<{ _id: Types.ObjectId }[]>();
    return docs.map((d) => d._id.toHexString());
  }

  series(seriesId: string, fromStart?: Date): Promise<LeanBooking[]> {
    const f: QueryFilter<BookingDoc> = { seriesId: oid(seriesId) };
    if (fromStart) f.start = { $gte: fromStart };
    return this.model.find(f).sort({ start: 1 }).lean<LeanBooking[]>();
  }

  /** Every booking of the caller across all resources in a window (personal feed). */
  forUserBetween(userId: string, from: Date, to: Date, statuses: StoredBookingStatus[]): Promise<LeanBooking[]> {
    return this.model
      .find({ userId: oid(userId), status: { $in: statuses }, start: { $lt: to }, end: { $gt: from } })
      .sort({ start: 1 })
      .limit(2000)
      .lean<LeanBooking[]>();
  }

  /** Bookings of a window for utilisation (holding or completed, plus decided ones for approval times). */
  forUtilisation(from: Date, to: Date, resourceId?: string): Promise<LeanBooking[]> {
    const f: QueryFilter<BookingDoc> = {
      start: { $lt: to },
      end: { $gt: from },
      status: { $in: ['pending', 'confirmed', 'completed', 'rejected', 'cancelled'] },
    };
    if (resourceId) f.resourceId = oid(resourceId);
    return this.model.find(f).limit(50_000).lean<LeanBooking[]>();
  }
}
