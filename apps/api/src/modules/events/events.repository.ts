import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, QueryFilter, Types } from 'mongoose';
import type { EventState } from '@klasteris/contracts';
import { oid } from '../../common/object-id';
import { decodeCursor } from '../../common/pagination';
import { EventDoc, LeanEvent, StoredVenue } from './event.schema';

export type NewEvent = Omit<
  EventDoc,
  'going' | 'free' | 'waitSeq' | 'createdAt' | 'updatedAt' | 'cancelReason' | 'seedKey' | 'seriesId' | 'occurrence' | 'originalStart'
> & {
  _id: Types.ObjectId;
  seedKey?: string | null;
  going?: number;
  seriesId?: Types.ObjectId | null;
  occurrence?: number | null;
  originalStart?: Date | null;
};

/**
 * Who may see what, as a query: cluster staff see everything; everyone else sees published and
 * cancelled events that are public or for members, those of the groups and projects they belong to,
 * and every event (drafts too) of the organisers they run.
 */
export interface EventScope {
  staff: boolean;
  groupIds: string[];
  projectIds: string[];
  managedGroupIds: string[];
  managedProjectIds: string[];
  managedOrganisationId: string | null;
}

export interface EventPatch {
  title?: string;
  description?: string | null;
  kind?: EventDoc['kind'];
  start?: Date;
  end?: Date;
  timeZone?: string;
  visibility?: EventDoc['visibility'];
  venue?: StoredVenue;
  state?: EventState;
}

@Injectable()
export class EventsRepository {
  constructor(@InjectModel(EventDoc.name) private readonly model: Model<EventDoc>) {}

  async create(e: NewEvent): Promise<LeanEvent> {
    const free = e.capacity === null ? 0 : e.capacity - (e.going ?? 0);
    const doc = await this.model.create({
      seriesId: null,
      occurrence: null,
      originalStart: null,
      ...e,
      going: e.going ?? 0,
      free,
      waitSeq: 0,
      cancelReason: null,
      seedKey: e.seedKey ?? null,
    });
    return doc.toObject() as LeanEvent;
  }

  /** All occurrences at once (a series); nothing is left half-written on failure but what the caller removes. */
  async createMany(list: NewEvent[]): Promise<LeanEvent[]> {
    const docs = list.map((e) => ({
      ...e,
      going: 0,
      free: e.capacity === null ? 0 : e.capacity,
      waitSeq: 0,
      cancelReason: null,
      seedKey: null,
      seriesId: e.seriesId ?? null,
      occurrence: e.occurrence ?? null,
      originalStart: e.originalStart ?? null,
    }));
    const created = await this.model.insertMany(docs);
    return created.map((d) => d.toObject() as LeanEvent);
  }

  async removeMany(ids: Types.ObjectId[]): Promise<void> {
    await this.model.deleteMany({ _id: { $in: ids } });
  }

  ofSeries(seriesId: string): Promise<LeanEvent[]> {
    return this.model
      .find({ seriesId: oid(seriesId) })
      .sort({ occurrence: 1 })
      .lean<LeanEvent[]>();
  }

  findById(id: string): Promise<LeanEvent | null> {
    return this.model.findById(id).lean<LeanEvent>();
  }

  findBySeedKey(seedKey: string): Promise<LeanEvent | null> {
    return this.model.findOne({ seedKey }).lean<LeanEvent>();
  }

  async setSeedKey(id: string, seedKey: string): Promise<void> {
    await this.model.updateOne({ _id: oid(id) }, { $set: { seedKey } }, { timestamps: false });
  }

  /** Events overlapping [from, to) that the scope may see, by start; keyset-paginated. */
  list(scope: EventScope, q: { from: Date; to: Date | null; cursor?: string; limit: number; publicOnly?: boolean }): Promise<LeanEvent[]> {
    const and: QueryFilter<EventDoc>[] = [{ end: { $gt: q.from } }];
    if (q.to) and.push({ start: { $lt: q.to } });
    if (q.publicOnly) and.push({ visibility: 'public', state: 'published' });
    else if (!scope.staff) {
      const shown = { state: { $in: ['published', 'cancelled'] as EventState[] } };
      const or: QueryFilter<EventDoc>[] = [{ ...shown, visibility: { $in: ['public', 'members'] } }];
      if (scope.groupIds.length) or.push({ ...shown, visibility: 'group', groupId: { $in: scope.groupIds.map(oid) } });
      if (scope.projectIds.length) or.push({ ...shown, visibility: 'project', projectId: { $in: scope.projectIds.map(oid) } });
      if (scope.managedGroupIds.length) or.push({ organiserType: 'group', groupId: { $in: scope.managedGroupIds.map(oid) } });
      if (scope.managedProjectIds.length) or.push({ organiserType: 'project', projectId: { $in: scope.managedProjectIds.map(oid) } });
      if (scope.managedOrganisationId) or.push({ organiserType: 'organisation', organisationId: oid(scope.managedOrganisationId) });
      and.push({ $or: or });
    }
    const after = decodeCursor(q.cursor);
    if (after) {
      const k = new Date(Number(after.k));
      and.push({ $or: [{ start: { $gt: k } }, { start: k, _id: { $gt: oid(after.id) } }] });
    }
    return this.model
      .find({ $and: and })
      .sort({ start: 1, _id: 1 })
      .limit(q.limit + 1)
      .lean<LeanEvent[]>();
  }

  /** Events overlapping [from, to) that are one of `ids` or were created by `createdBy` (My calendar), by start. */
  inRangeFor(q: { ids: Types.ObjectId[]; createdBy: string; from: Date; to: Date; limit: number }): Promise<LeanEvent[]> {
    return this.model
      .find({ end: { $gt: q.from }, start: { $lt: q.to }, $or: [{ _id: { $in: q.ids } }, { createdBy: oid(q.createdBy) }] })
      .sort({ start: 1, _id: 1 })
      .limit(q.limit)
      .lean<LeanEvent[]>();
  }

  /** Changes an event that is not cancelled (and, with `fromState`, only from that state). */
  update(id: string, patch: EventPatch, fromState?: EventState): Promise<LeanEvent | null> {
    const filter: QueryFilter<EventDoc> = { _id: oid(id), state: fromState ?? { $ne: 'cancelled' } };
    return this.model.findOneAndUpdate(filter, { $set: patch }, { returnDocument: 'after' }).lean<LeanEvent>();
  }

  cancel(id: string, reason: string | null): Promise<LeanEvent | null> {
    return this.model
      .findOneAndUpdate(
        { _id: oid(id), state: { $ne: 'cancelled' } },
        { $set: { state: 'cancelled', cancelReason: reason } },
        { returnDocument: 'after' },
      )
      .lean<LeanEvent>();
  }

  async setBookingStatus(bookingId: string, status: StoredVenue['bookingStatus']): Promise<void> {
    await this.model.updateMany({ 'venue.bookingId': oid(bookingId) }, { $set: { 'venue.bookingStatus': status } });
  }

  /* ------------------------------------------------------------ places (see RsvpService) */

  /**
   * Takes one place of a published event: with a limit, only while `free > 0` (the guard is in the
   * write, so concurrent takers can never overdraw it); without one, always. Null: none was left.
   */
  async takePlace(id: string): Promise<LeanEvent | null> {
    const limited = await this.model
      .findOneAndUpdate(
        { _id: oid(id), state: 'published', capacity: { $ne: null }, free: { $gt: 0 } },
        { $inc: { free: -1, going: 1 } },
        { returnDocument: 'after', timestamps: false },
      )
      .lean<LeanEvent>();
    if (limited) return limited;
    return this.model
      .findOneAndUpdate(
        { _id: oid(id), state: 'published', capacity: null },
        { $inc: { going: 1 } },
        { returnDocument: 'after', timestamps: false },
      )
      .lean<LeanEvent>();
  }

  async releasePlace(id: string): Promise<void> {
    const limited = await this.model.updateOne(
      { _id: oid(id), capacity: { $ne: null }, going: { $gt: 0 } },
      { $inc: { free: 1, going: -1 } },
      { timestamps: false },
    );
    if (limited.modifiedCount === 1) return;
    await this.model.updateOne({ _id: oid(id), capacity: null, going: { $gt: 0 } }, { $inc: { going: -1 } }, { timestamps: false });
  }

  /** The next number in the waitlist's line. */
  async nextWaitSeq(id: string): Promise<number> {
    const d = await this.model
      .findOneAndUpdate({ _id: oid(id) }, { $inc: { waitSeq: 1 } }, { returnDocument: 'after', timestamps: false })
      .lean<LeanEvent>();
    return d?.waitSeq ?? 0;
  }

  /**
   * Sets a new capacity from the (capacity, going) the caller read: a compare-and-set, so a place
   * taken meanwhile makes it fail (null) and the caller looks again.
   */
  setCapacity(id: string, seen: { capacity: number | null; going: number }, capacity: number | null): Promise<LeanEvent | null> {
    return this.model
      .findOneAndUpdate(
        { _id: oid(id), capacity: seen.capacity, going: seen.going },
        { $set: { capacity, free: capacity === null ? 0 : capacity - seen.going } },
        { returnDocument: 'after' },
      )
      .lean<LeanEvent>();
  }

  /** Ids of the published events of a group or project not yet over (those whose attendees' standing in it counts). */
  async openIdsOf(of: { groupId: string } | { projectId: string }, now: Date): Promise<string[]> {
    const scope = 'groupId' in of ? { groupId: oid(of.groupId) } : { projectId: oid(of.projectId) };
    const docs = await this.model.find({ ...scope, state: 'published', end: { $gt: now } }, { _id: 1 }).lean<{ _id: Types.ObjectId }[]>();
    return docs.map((d) => d._id.toHexString());
  }
}
