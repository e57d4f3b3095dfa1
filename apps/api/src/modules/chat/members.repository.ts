import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, QueryFilter, Types } from 'mongoose';
import type { ChannelNotifyLevel, ChannelRole } from '@klasteris/contracts';
import { oid } from '../../common/object-id';
import { ChannelMemberDoc, MemberRecord } from './channel-member.schema';
import { LeanMember, toMemberRecord } from './chat.records';
import { isDuplicateKeyError } from '../../common/duplicate-key';

@Injectable()
export class MembersRepository {
  constructor(@InjectModel(ChannelMemberDoc.name) private readonly model: Model<ChannelMemberDoc>) {}

  /** Adds a member; returns false when already a member (unique (channelId, userId)). */
  async add(channelId: string, userId: string, role: ChannelRole, at: { seq: number; roots: number }): Promise<boolean> {
    try {
      await this.model.create({
        channelId: oid(channelId),
        userId: oid(userId),
        role,
        lastReadSeq: at.seq,
        readRoots: at.roots,
        joinedAt: new Date(),
      });
      return true;
    } catch (err) {
      if (isDuplicateKeyError(err)) return false;
      throw err;
    }
  }

  async remove(channelId: string, userId: string): Promise<boolean> {
    const res = await this.model.deleteOne({ channelId: oid(channelId), userId: oid(userId) });
    return res.deletedCount === 1;
  }

  async find(channelId: string, userId: string): Promise<MemberRecord | null> {
    const d = await this.model.findOne({ channelId: oid(channelId), userId: oid(userId) }).lean<LeanMember>();
    return d ? toMemberRecord(d) : null;
  }

  async forUser(userId: string): Promise<MemberRecord[]> {
    return (await this.model.find({ userId: oid(userId) }).lean<LeanMember[]>()).map(toMemberRecord);
  }

  async channelIdsOf(userId: string): Promise<string[]> {
    const docs = await this.model.find({ userId: oid(userId) }, { channelId: 1 }).lean<{ channelId: Types.ObjectId }[]>();
    return docs.map((d) => d.channelId.toHexString());
  }

  async userIdsOf(channelId: string): Promise<string[]> {
    const docs = await this.model.find({ channelId: oid(channelId) }, { userId: 1 }).lean<{ userId: Types.ObjectId }[]>();
    return docs.map((d) => d.userId.toHexString());
  }

  async rolesOf(channelId: string): Promise<Map<string, ChannelRole>> {
    const docs = await this.model
      .find({ channelId: oid(channelId) }, { userId: 1, role: 1 })
      .lean<{ userId: Types.ObjectId; role: ChannelRole }[]>();
    return new Map(docs.map((d) => [d.userId.toHexString(), d.role]));
  }

  /** Members of a channel in join order, keyset-paginated by (joinedAt, userId). */
  async list(
    channelId: string,
    userIds: string[] | null,
    after: { at: Date; userId: string } | null,
    limit: number,
  ): Promise<MemberRecord[]> {
    const f: QueryFilter<ChannelMemberDoc> = { channelId: oid(channelId) };
    if (userIds) f.userId = { $in: userIds.map(oid) };
    if (after) f.$or = [{ joinedAt: { $gt: after.at } }, { joinedAt: after.at, userId: { $gt: oid(after.userId) } }];
    const docs = await this.model
      .find(f)
      .sort({ joinedAt: 1, userId: 1 })
      .limit(limit + 1)
      .lean<LeanMember[]>();
    return docs.map(toMemberRecord);
  }

  /**
   * Moves the read position forward only ($max on the seq and its root ord together; both grow with
   * the seq, so concurrent moves from two devices end at the furthest): a late, older read never moves
   * it back. `read`: mentions at or before the new position, to drop (no conditional $pull on
   * FerretDB 1.24; the counts ignore them anyway, so one added meanwhile only waits for the next read).
   */
  async markRead(channelId: string, userId: string, at: { seq: number; roots: number }, read: number[] = []): Promise<MemberRecord | null> {
    const d = await this.model
      .findOneAndUpdate(
        { channelId: oid(channelId), userId: oid(userId) },
        read.length > 0
          ? { $max: { lastReadSeq: at.seq, readRoots: at.roots }, $pullAll: { mentionOrds: read } }
          : { $max: { lastReadSeq: at.seq, readRoots: at.roots } },
        { returnDocument: 'after' },
      )
      .lean<LeanMember>();
    return d ? toMemberRecord(d) : null;
  }

  /**
   * The membership check of a send, in the same round trip as its effect: for a channel message,
   * moves the sender's read position over their own message ($max, as markRead, seq and root ord);
   * for a thread reply (seq null), only looks. False when the person is not (any more) a member.
   */
  async touchForSend(channelId: string, userId: string, at: { seq: number; ord: number } | null): Promise<boolean> {
    const filter = { channelId: oid(channelId), userId: oid(userId) };
    if (at === null) return (await this.model.findOne(filter, { _id: 1 }).lean()) !== null;
    return (await this.model.findOneAndUpdate(filter, { $max: { lastReadSeq: at.seq, readRoots: at.ord } }).lean()) !== null;
  }

  /**
   * A root message with this `ord` mentions these members (null: everyone in the channel, @channel),
   * never its author; only those who have not read past it get it.
   */
  async addMention(channelId: string, ord: number, userIds: string[] | null, authorId: string): Promise<void> {
    if (userIds?.length === 0) return;
    await this.model.updateMany(
      {
        channelId: oid(channelId),
        userId: userIds ? { $in: userIds.filter((u) => u !== authorId).map(oid) } : { $ne: oid(authorId) },
        readRoots: { $lt: ord },
      },
      { $addToSet: { mentionOrds: ord } },
    );
  }

  /** An edit took the mention away: from everyone but `keep` (those it still names). */
  async removeMention(channelId: string, ord: number, keep: string[]): Promise<void> {
    await this.model.updateMany(
      { channelId: oid(channelId), mentionOrds: ord, userId: { $nin: keep.map(oid) } },
      { $pull: { mentionOrds: ord } },
    );
  }

  async setNotify(channelId: string, userId: string, notify: ChannelNotifyLevel): Promise<boolean> {
    const res = await this.model.updateOne({ channelId: oid(channelId), userId: oid(userId) }, { $set: { notify } });
    return res.matchedCount === 1;
  }

  /** The members of a channel who muted it. */
  async mutedUserIds(channelId: string, userIds: string[]): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const docs = await this.model
      .find({ channelId: oid(channelId), userId: { $in: userIds.map(oid) }, notify: 'muted' }, { userId: 1 })
      .lean<{ userId: Types.ObjectId }[]>();
    return new Set(docs.map((d) => d.userId.toHexString()));
  }

  async countOwners(channelId: string): Promise<number> {
    return this.model.countDocuments({ channelId: oid(channelId), role: 'owner' });
  }
}
