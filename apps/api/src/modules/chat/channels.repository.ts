import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, QueryFilter, Types } from 'mongoose';
import type { ChannelType } from '@klasteris/contracts';
import { oid } from '../../common/object-id';
import { decodeCursor } from '../../common/pagination';
import { containsFolded } from '../../common/text';
import { ChannelDoc, ChannelRecord } from './channel.schema';
import { LeanChannel, toChannelRecord } from './chat.records';

export interface NewChannel {
  type: ChannelType;
  name: string;
  key: string;
  topic?: string | null;
  description?: string | null;
  createdBy: string;
  directUserIds?: string[];
  groupId?: string | null;
  projectId?: string | null;
  eventId?: string | null;
  autoJoin?: boolean;
  membersOnly?: boolean;
}

@Injectable()
export class ChannelsRepository {
  constructor(@InjectModel(ChannelDoc.name) private readonly model: Model<ChannelDoc>) {}

  async create(c: NewChannel): Promise<ChannelRecord> {
    const doc = await this.model.create({
      ...c,
      createdBy: oid(c.createdBy),
      createdAt: new Date(),
      directUserIds: c.directUserIds?.map(oid),
    });
    return toChannelRecord(doc.toObject());
  }

  async findById(id: string): Promise<ChannelRecord | null> {
    const d = await this.model.findById(id).lean<LeanChannel>();
    return d ? toChannelRecord(d) : null;
  }

  async findByIds(ids: string[]): Promise<ChannelRecord[]> {
    if (ids.length === 0) return [];
    return (await this.model.find({ _id: { $in: ids.map(oid) } }).lean<LeanChannel[]>()).map(toChannelRecord);
  }

  async findByKey(key: string): Promise<ChannelRecord | null> {
    const d = await this.model.findOne({ key }).lean<LeanChannel>();
    return d ? toChannelRecord(d) : null;
  }

  /** Channels anyone in the cluster may find and join, by name. */
  async browse(q: { q?: string; cursor?: string; limit: number }): Promise<ChannelRecord[]> {
    const f: QueryFilter<ChannelDoc> = { type: { $in: ['public', 'announcement'] }, archivedAt: null, membersOnly: { $ne: true } };
    if (q.q) f.name = { $regex: containsFolded(q.q) };
    const after = decodeCursor(q.cursor);
    if (after) f.$or = [{ name: { $gt: String(after.k) } }, { name: String(after.k), _id: { $gt: oid(after.id) } }];
    const docs = await this.model
      .find(f)
      .sort({ name: 1, _id: 1 })
      .limit(q.limit + 1)
      .lean<LeanChannel[]>();
    return docs.map(toChannelRecord);
  }

  async update(
    id: string,
    patch: Partial<Pick<ChannelDoc, 'name' | 'key' | 'topic' | 'description' | 'archivedAt' | 'slowModeSeconds'>>,
  ): Promise<ChannelRecord | null> {
    const d = await this.model.findByIdAndUpdate(id, { $set: patch }, { returnDocument: 'after' }).lean<LeanChannel>();
    return d ? toChannelRecord(d) : null;
  }

  /** Makes these channels visible to their members only (true) or as their type says (false). */
  async setMembersOnly(ids: string[], membersOnly: boolean): Promise<void> {
    if (ids.length === 0) return;
    await this.model.updateMany({ _id: { $in: ids.map(oid) } }, { $set: { membersOnly } });
  }

  async autoJoinChannels(): Promise<ChannelRecord[]> {
    return (await this.model.find({ autoJoin: true, archivedAt: null }).lean<LeanChannel[]>()).map(toChannelRecord);
  }

  async incMemberCount(id: string, delta: number): Promise<void> {
    await this.model.updateOne({ _id: oid(id) }, { $inc: { memberCount: delta } });
  }

  /**
   * Reserves the next seq of a channel (atomic $inc), and for a root message its `ord` among the
   * channel's roots in the same step (read-state.ts); for a reply `ord` is the roots reserved so far.
   * Null when the channel is gone or archived.
   */
  async reserveSeq(id: string, root: boolean): Promise<{ seq: number; ord: number } | null> {
    const d = await this.model
      .findOneAndUpdate({ _id: oid(id), archivedAt: null }, { $inc: { lastSeq: 1, roots: root ? 1 : 0 } }, { returnDocument: 'after' })
      .lean<{ lastSeq: number; roots?: number }>();
    return d ? { seq: d.lastSeq, ord: d.roots ?? 0 } : null;
  }

  /**
   * Moves the committed watermark from `from` to `to`, only if nobody moved it meanwhile, carrying
   * the `ord` of the seq at `to` (when known) into `committedRoots`. Returns the channel's `lastSeq`
   * as of that same atomic step (equal to `to`: no later seq was reserved yet, so there is nothing
   * to carry the watermark over) and `committedRoots` before it; null when the watermark was elsewhere.
   */
  async advanceCommitted(
    id: string,
    from: number,
    to: number,
    ord: number | null,
  ): Promise<{ lastSeq: number; rootsBefore: number } | null> {
    const d = await this.model
      .findOneAndUpdate(
        { _id: oid(id), committedSeq: from, lastSeq: { $gte: to } },
        ord === null ? { $set: { committedSeq: to } } : { $set: { committedSeq: to }, $max: { committedRoots: ord } },
        { returnDocument: 'before' },
      )
      .lean<{ lastSeq: number; committedRoots?: number }>();
    return d ? { lastSeq: d.lastSeq, rootsBefore: d.committedRoots ?? 0 } : null;
  }

  /** The committed watermark and the root `ord` at it, read together. */
  async committed(id: string): Promise<{ seq: number; roots: number } | null> {
    const d = await this.model
      .findById(id, { committedSeq: 1, committedRoots: 1 })
      .lean<{ committedSeq: number; committedRoots?: number }>();
    return d ? { seq: d.committedSeq, roots: d.committedRoots ?? 0 } : null;
  }

  /** Channels whose watermark trails the reserved seq (a write in flight, or a crashed writer). */
  async trailing(): Promise<{ id: string; committedSeq: number; lastSeq: number }[]> {
    // Compared in memory: $expr is not in the query subset both FerretDB 1.24 and MongoDB speak.
    const docs = await this.model
      .find({}, { committedSeq: 1, lastSeq: 1 })
      .lean<{ _id: Types.ObjectId; committedSeq: number; lastSeq: number }[]>();
    return docs
      .filter((d) => d.committedSeq < d.lastSeq)
      .map((d) => ({ id: d._id.toHexString(), committedSeq: d.committedSeq, lastSeq: d.lastSeq }));
  }
}
