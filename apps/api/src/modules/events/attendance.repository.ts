import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import type { RsvpStatus } from '@klasteris/contracts';
import { isDuplicateKeyError } from '../../common/duplicate-key';
import { oid } from '../../common/object-id';
import { AttendanceDoc, LeanAttendance } from './event.schema';

export type Person = Pick<AttendanceDoc, 'key' | 'kind' | 'userId' | 'email' | 'name' | 'organisationId' | 'organisationName' | 'country' | 'language'> & { cancelTokenHash?: string | null };

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
      const doc = await this.model.create({ cancelTokenHash: null, ...p, eventId: oid(eventId), status: 'none', waitSeq: null, version: 0, respondedAt: now, createdAt: now });
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

  /** Compare-and-set on `version`: null when someone else changed the answer first. */
  cas(a: Pick<LeanAttendance, '_id' | 'version'>, status: RsvpStatus, waitSeq: number | null): Promise<LeanAttendance | null> {
    return this.model
      .findOneAndUpdate({ _id: a._id, version: a.version }, { $set: { status, waitSeq, respondedAt: new Date() }, $inc: { version: 1 } }, { returnDocument: 'after' })
      .lean<LeanAttendance>();
  }

  findByCancelHash(hash: string): Promise<LeanAttendance | null> {
    return this.model.findOne({ cancelTokenHash: hash }).lean<LeanAttendance>();
  }

  /** The first in line: the lowest waitSeq still waiting. */
  firstWaiting(eventId: string): Promise<LeanAttendance | null> {
    return this.model.findOne({ eventId: oid(eventId), status: 'waitlisted' }).sort({ waitSeq: 1, _id: 1 }).lean<LeanAttendance>();
  }

  /** 1-based place in line of someone waiting with `waitSeq`. */
  async position(eventId: string, waitSeq: number): Promise<number> {
    return (await this.model.countDocuments({ eventId: oid(eventId), status: 'waitlisted', waitSeq: { $lt: waitSeq } })) + 1;
  }

  /** How many are waiting in line. */
  waitingCount(eventId: string): Promise<number> {
    return this.model.countDocuments({ eventId: oid(eventId), status: 'waitlisted' });
  }

  /** Everyone who answered, going first, then the line in order, then maybe and declined. */
  async list(eventId: string): Promise<LeanAttendance[]> {
    const rows = await this.model.find({ eventId: oid(eventId), status: { $ne: 'none' } }).lean<LeanAttendance[]>();
    const rank: Record<string, number> = { going: 0, waitlisted: 1, maybe: 2, declined: 3 };
    return rows.sort((a, b) => (rank[a.status] ?? 9) - (rank[b.status] ?? 9) || (a.waitSeq ?? 0) - (b.waitSeq ?? 0) || a.respondedAt.getTime() - b.respondedAt.getTime());
  }

  /** A member's answers with one of `statuses`, across events (My calendar), at most `limit`. */
  answersOfUser(userId: string, statuses: RsvpStatus[], limit = 2000): Promise<Pick<LeanAttendance, 'eventId' | 'status'>[]> {
    return this.model.find({ key: memberKey(userId), status: { $in: statuses } }, { eventId: 1, status: 1 }).limit(limit).lean<Pick<LeanAttendance, 'eventId' | 'status'>[]>();
  }

  /** The caller's answers to the given events. */
  async mine(userId: string, eventIds: Types.ObjectId[]): Promise<LeanAttendance[]> {
    if (eventIds.length === 0) return [];
    return this.model.find({ key: `u:${userId}`, eventId: { $in: eventIds } }).lean<LeanAttendance[]>();
  }
}
