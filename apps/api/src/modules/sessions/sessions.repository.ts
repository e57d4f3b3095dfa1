import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { QueryFilter, Model, Types } from 'mongoose';
import { oid } from '../../common/object-id';
import { SessionDoc, SessionRecord } from './session.schema';

type LeanSession = SessionDoc & { _id: Types.ObjectId };

const toRecord = (d: LeanSession): SessionRecord => ({
  id: d._id.toHexString(),
  userId: d.userId.toHexString(),
  generation: d.generation,
  expiresAt: d.expiresAt,
  revokedAt: d.revokedAt,
});

@Injectable()
export class SessionsRepository {
  constructor(@InjectModel(SessionDoc.name) private readonly model: Model<SessionDoc>) {}

  async create(input: {
    id: string;
    userId: string;
    refreshHash: string;
    expiresAt: Date;
    userAgent: string | null;
    ip: string | null;
  }): Promise<SessionRecord> {
    const now = new Date();
    const doc = await this.model.create({
      _id: oid(input.id),
      userId: oid(input.userId),
      refreshHash: input.refreshHash,
      createdAt: now,
      lastUsedAt: now,
      expiresAt: input.expiresAt,
      userAgent: input.userAgent,
      ip: input.ip,
    });
    return toRecord(doc.toObject());
  }

  async findLive(id: string, now = new Date()): Promise<SessionRecord | null> {
    const d = await this.model.findOne({ _id: oid(id), revokedAt: null, expiresAt: { $gt: now } }).lean<LeanSession>();
    return d ? toRecord(d) : null;
  }

  /** Atomically swaps the refresh hash, only if `presentedHash` is the current one of a live session. */
  async rotate(id: string, presentedHash: string, nextHash: string, expiresAt: Date, now = new Date()): Promise<SessionRecord | null> {
    const d = await this.model
      .findOneAndUpdate(
        { _id: oid(id), refreshHash: presentedHash, revokedAt: null, expiresAt: { $gt: now } },
        {
          $set: { refreshHash: nextHash, previousHash: presentedHash, rotatedAt: now, lastUsedAt: now, expiresAt },
          $inc: { generation: 1 },
        },
        { returnDocument: 'after' },
      )
      .lean<LeanSession>();
    return d ? toRecord(d) : null;
  }

  /** True when `hash` is the secret rotated away within the last `graceMs` (a concurrent refresh, not a theft). */
  async isRecentlyRotated(id: string, hash: string, graceMs: number, now = new Date()): Promise<boolean> {
    const n = await this.model.countDocuments({
      _id: oid(id),
      previousHash: hash,
      revokedAt: null,
      rotatedAt: { $gt: new Date(now.getTime() - graceMs) },
    });
    return n > 0;
  }

  async exists(id: string): Promise<boolean> {
    return (await this.model.countDocuments({ _id: oid(id) })) > 0;
  }

  async revoke(id: string, reason: string): Promise<SessionRecord | null> {
    const d = await this.model
      .findOneAndUpdate(
        { _id: oid(id), revokedAt: null },
        { $set: { revokedAt: new Date(), revokedReason: reason } },
        { returnDocument: 'after' },
      )
      .lean<LeanSession>();
    return d ? toRecord(d) : null;
  }

  /** Revokes every live session of a user except `keepId`; returns the revoked ids. */
  async revokeAllForUser(userId: string, reason: string, keepId?: string): Promise<string[]> {
    const filter: QueryFilter<SessionDoc> = { userId: oid(userId), revokedAt: null };
    if (keepId) filter._id = { $ne: oid(keepId) };
    const ids = (await this.model.find(filter, { _id: 1 }).lean<{ _id: Types.ObjectId }[]>()).map((d) => d._id);
    if (ids.length === 0) return [];
    await this.model.updateMany({ _id: { $in: ids }, revokedAt: null }, { $set: { revokedAt: new Date(), revokedReason: reason } });
    return ids.map((i) => i.toHexString());
  }

  /** Housekeeping: drops sessions expired or revoked before `before` (no TTL indexes on FerretDB). */
  async purge(before: Date): Promise<number> {
    const res = await this.model.deleteMany({ $or: [{ expiresAt: { $lt: before } }, { revokedAt: { $lt: before } }] });
    return res.deletedCount;
  }
}
