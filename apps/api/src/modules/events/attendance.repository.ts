import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { isDuplicateKeyError } from '../../common/duplicate-key';
import { oid } from '../../common/object-id';
import { AttendanceDoc, LeanAttendance, type StoredRsvpStatus } from './event.schema';

export type Person = Pick<
  AttendanceDoc,
  'key' | 'kind' | 'userId' | 'email' | 'name' | 'organisationId' | 'organisationName' | 'country' | 'language'
> & { cancelTokenHash?: string | null };

export const memberKey = (userId: string): string => `u:${userId}`;
export const prospectKey = (email: string): string => `e:${email.toLowerCase()}`;

@Injectable()
export class AttendanceRepository {
  constructor(@InjectModel(AttendanceDoc.name) private readonly model: Model<AttendanceDoc>) {}

  find(eventId: string, key: string): Promise<LeanAttendance | null> {
    return this.model.findOne({ eventId: oid(eventId), key }).lean<LeanAttendance>();
  }

  /** A first answer (status `none`), or null when this person already has one (unique (eventId, key)). */
  async insert(eventId: string, p: Person): Promise<LeanAttendance | null> {
    const now = new Date();
    try {
      const doc = await this.model.create({
        cancelTokenHash: null,
        ...p,
        eventId: oid(eventId),
        status: 'none',
        waitSeq: null,
        offerExpiresAt: null,
        offerTokenHash: null,
        lapsedAt: null,
        version: 0,
        respondedAt: now,
        createdAt: now,
      });
      return doc.toObject() as LeanAttendance;
    } catch (err) {
      if (isDuplicateKeyError(err)) return null;
      throw err;
    }
  }

  async findOrInsert(eventId: string, p: Person): Promise<LeanAttendance> {
    for (let i = 0; i < 5; i++) {
      const found = (await this.find(eventId, p.key)) ?? (await this.insert(eventId, p));
      if (found) return found;
    }
    throw new Error('attendance record could not be read or created');
  }

  /**
   * Compare-and-set on `version`: null when someone else changed the answer first. `offer` (with
   * status `offered`) holds the place until then; any other status ends a hold.
   */
  cas(
    a: Pick<LeanAttendance, '_id' | 'version'>,
    status: Exclude<StoredRsvpStatus, 'none'>,
    waitSeq: number | null,
    offer?: { expiresAt: Date; tokenHash: string | null },
    lapsed = false,
  ): Promise<LeanAttendance | null> {
    const set: Record<string, unknown> = { status, waitSeq, respondedAt: new Date(), offerExpiresAt: offer?.expiresAt ?? null };
    if (offer?.tokenHash) set['offerTokenHash'] = offer.tokenHash;
    if (lapsed) set['lapsedAt'] = new Date();
    return this.model
      .findOneAndUpdate({ _id: a._id, version: a.version }, { $set: set, $inc: { version: 1 } }, { returnDocument: 'after' })
      .lean<LeanAttendance>();
  }

  /** Takes up a held place: only while the hold has not lapsed (the guard is in the write). */
  confirmOffer(a: Pick<LeanAttendance, '_id' | 'version'>): Promise<LeanAttendance | null> {
    return this.model
      .findOneAndUpdate(
        { _id: a._id, version: a.version, status: 'offered', offerExpiresAt: { $gt: new Date() } },
        { $set: { status: 'going', waitSeq: null, offerExpiresAt: null, respondedAt: new Date() }, $inc: { version: 1 } },
        { returnDocument: 'after' },
      )
      .lean<LeanAttendance>();
  }

  /** Marks someone present or absent at the event (the answer itself is untouched). */
  checkIn(eventId: string, id: string, present: boolean, by: string): Promise<LeanAttendance | null> {
    return this.model
      .findOneAndUpdate(
        { _id: oid(id), eventId: oid(eventId), status: { $nin: ['none'] } },
        { $set: { checkedIn: present, checkedInAt: new Date(), checkedInBy: oid(by) } },
        { returnDocument: 'after' },
      )
      .lean<LeanAttendance>();
  }

  /** Holds whose time ran out (any event), oldest first. */
  lapsedOffers(now: Date, limit = 100): Promise<LeanAttendance[]> {
    return this.model
      .find({ status: 'offered', offerExpiresAt: { $lte: now } })
      .sort({ offerExpiresAt: 1 })
      .limit(limit)
      .lean<LeanAttendance[]>();
  }

  /** A prospect's row by the token of a mail link: the registration's cancel link or an offer's links. */
  findByCancelHash(hash: string): Promise<LeanAttendance | null> {
    return this.model.findOne({ $or: [{ cancelTokenHash: hash }, { offerTokenHash: hash }] }).lean<LeanAttendance>();
  }

  findByOfferHash(hash: string): Promise<LeanAttendance | null> {
    return this.model.findOne({ offerTokenHash: hash }).lean<LeanAttendance>();
  }

  /** Everyone still expecting the event: holding a place, waiting, or maybe (for the cancellation mail). */
  concerned(eventId: string): Promise<LeanAttendance[]> {
    return this.model
      .find({ eventId: oid(eventId), status: { $in: ['going', 'offered', 'waitlisted', 'maybe'] } })
      .lean<LeanAttendance[]>();
  }

  /** The members whose answer is `going` (the event's chat: modules/event-channels). */
  async goingMemberIds(eventId: string): Promise<string[]> {
    const rows = await this.model
      .find({ eventId: oid(eventId), kind: 'member', status: 'going' }, { userId: 1 })
      .lean<Pick<LeanAttendance, 'userId'>[]>();
    return rows.flatMap((r) => (r.userId ? [r.userId.toHexString()] : []));
  }

  /** The first in line: the lowest waitSeq still waiting. */
  firstWaiting(eventId: string): Promise<LeanAttendance | null> {
    return this.model
      .findOne({ eventId: oid(eventId), status: 'waitlisted' })
      .sort({ waitSeq: 1, _id: 1 })
      .lean<LeanAttendance>();
  }

  /** 1-based place in line of someone waiting with `waitSeq`. */
  async position(eventId: string, waitSeq: number): Promise<number> {
    return (await this.model.countDocuments({ eventId: oid(eventId), status: 'waitlisted', waitSeq: { $lt: waitSeq } })) + 1;
  }

  /** How many are waiting in line. */
  waitingCount(eventId: string): Promise<number> {
    return this.model.countDocuments({ eventId: oid(eventId), status: 'waitlisted' });
  }

  /** How many have a freed place held for them. */
  offeredCount(eventId: string): Promise<number> {
    return this.model.countDocuments({ eventId: oid(eventId), status: 'offered' });
  }

  /** Everyone who answered, going first, then the line in order, then maybe and declined. */
  async list(eventId: string): Promise<LeanAttendance[]> {
    const rows = await this.model.find({ eventId: oid(eventId), status: { $ne: 'none' } }).lean<LeanAttendance[]>();
    const rank: Record<string, number> = { going: 0, offered: 1, waitlisted: 2, maybe: 3, declined: 4 };
    return rows.sort(
      (a, b) =>
        (rank[a.status] ?? 9) - (rank[b.status] ?? 9) ||
        (a.waitSeq ?? 0) - (b.waitSeq ?? 0) ||
        a.respondedAt.getTime() - b.respondedAt.getTime(),
    );
  }

  /** A member's answers with one of `statuses`, across events (My calendar), at most `limit`. */
  answersOfUser(userId: string, statuses: StoredRsvpStatus[], limit = 2000): Promise<Pick<LeanAttendance, 'eventId' | 'status'>[]> {
    return this.model
      .find({ key: memberKey(userId), status: { $in: statuses } }, { eventId: 1, status: 1 })
      .limit(limit)
      .lean<Pick<LeanAttendance, 'eventId' | 'status'>[]>();
  }

  /** The caller's answers to the given events. */
  async mine(userId: string, eventIds: Types.ObjectId[]): Promise<LeanAttendance[]> {
    if (eventIds.length === 0) return [];
    return this.model.find({ key: `u:${userId}`, eventId: { $in: eventIds } }).lean<LeanAttendance[]>();
  }
}
