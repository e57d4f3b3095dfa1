import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, QueryFilter, Types } from 'mongoose';
import type { Group, GroupVisibility, JoinRequestStatus } from '@klasteris/contracts';
import { isDuplicateKeyError } from '../../common/duplicate-key';
import { oid } from '../../common/object-id';
import { decodeCursor } from '../../common/pagination';
import { containsFolded, foldText } from '../../common/text';
import { GroupBanDoc, GroupDoc, GroupInviteDoc, GroupMemberDoc, JoinRequestDoc } from './group.schema';

type LeanGroup = GroupDoc & { _id: Types.ObjectId };
type LeanRequest = JoinRequestDoc & { _id: Types.ObjectId };

export interface GroupRecord extends Group {
  createdBy: string;
}

export interface JoinRequestRecord {
  id: string;
  groupId: string;
  userId: string;
  message: string | null;
  status: JoinRequestStatus;
  reason: string | null;
  createdAt: Date;
}

const toGroup = (d: LeanGroup): GroupRecord => ({
  id: d._id.toHexString(),
  slug: d.slug,
  name: d.name,
  description: d.description,
  tags: d.tags,
  visibility: d.visibility,
  memberCount: d.memberCount,
  channelIds: { general: d.generalChannelId ?? '', announcements: d.announcementsChannelId ?? '' },
  createdAt: d.createdAt.toISOString(),
  createdBy: d.createdBy.toHexString(),
  archived: !!d.archivedAt,
  archivedAt: d.archivedAt ? d.archivedAt.toISOString() : null,
});

const toRequest = (d: LeanRequest): JoinRequestRecord => ({
  id: d._id.toHexString(),
  groupId: d.groupId,
  userId: d.userId,
  message: d.message,
  status: d.status,
  reason: d.reason,
  createdAt: d.createdAt,
});

/** Groups, their members, join requests, bans and invitations. */
@Injectable()
export class GroupsRepository {
  constructor(
    @InjectModel(GroupDoc.name) private readonly groups: Model<GroupDoc>,
    @InjectModel(GroupMemberDoc.name) private readonly members: Model<GroupMemberDoc>,
    @InjectModel(JoinRequestDoc.name) private readonly requests: Model<JoinRequestDoc>,
    @InjectModel(GroupBanDoc.name) private readonly bans: Model<GroupBanDoc>,
    @InjectModel(GroupInviteDoc.name) private readonly invites: Model<GroupInviteDoc>,
  ) {}

  async create(g: {
    name: string;
    slug: string;
    description: string;
    tags: string[];
    visibility: GroupVisibility;
    createdBy: string;
  }): Promise<GroupRecord> {
    const doc = await this.groups.create({
      ...g,
      search: foldText(`${g.name} ${g.tags.join(' ')}`),
      createdBy: oid(g.createdBy),
      createdAt: new Date(),
    });
    return toGroup(doc.toObject());
  }

  async deleteEmpty(id: string): Promise<void> {
    await this.groups.deleteOne({ _id: oid(id), memberCount: 0 });
  }

  async setChannels(id: string, general: string, announcements: string): Promise<GroupRecord | null> {
    const d = await this.groups
      .findByIdAndUpdate(id, { $set: { generalChannelId: general, announcementsChannelId: announcements } }, { returnDocument: 'after' })
      .lean<LeanGroup>();
    return d ? toGroup(d) : null;
  }

  async update(
    id: string,
    patch: { name?: string; description?: string; tags?: string[]; visibility?: GroupVisibility },
  ): Promise<GroupRecord | null> {
    const current = await this.groups.findById(id).lean<LeanGroup>();
    if (!current) return null;
    const set: Record<string, unknown> = { ...patch };
    if (patch.tags || patch.name) set.search = foldText(`${patch.name ?? current.name} ${(patch.tags ?? current.tags).join(' ')}`);
    const d = await this.groups.findByIdAndUpdate(id, { $set: set }, { returnDocument: 'after' }).lean<LeanGroup>();
    return d ? toGroup(d) : null;
  }

  /** Archives (a date) or restores (null) a group; null when the group is not in the other state (no double archive). */
  async setArchived(id: string, at: Date | null): Promise<GroupRecord | null> {
    const from = at ? { archivedAt: null } : { archivedAt: { $ne: null } };
    const d = await this.groups
      .findOneAndUpdate({ _id: oid(id), ...from }, { $set: { archivedAt: at } }, { returnDocument: 'after' })
      .lean<LeanGroup>();
    return d ? toGroup(d) : null;
  }

  async findById(id: string): Promise<GroupRecord | null> {
    const d = await this.groups.findById(id).lean<LeanGroup>();
    return d ? toGroup(d) : null;
  }

  /** Invite- and request-only groups. */
  async notOpen(): Promise<GroupRecord[]> {
    return (await this.groups.find({ visibility: { $ne: 'open' } }).lean<LeanGroup[]>()).map(toGroup);
  }

  async findBySlug(slug: string): Promise<GroupRecord | null> {
    const d = await this.groups.findOne({ slug }).lean<LeanGroup>();
    return d ? toGroup(d) : null;
  }

  async findByChannel(channelId: string): Promise<GroupRecord | null> {
    const d = await this.groups
      .findOne({ $or: [{ generalChannelId: channelId }, { announcementsChannelId: channelId }] })
      .lean<LeanGroup>();
    return d ? toGroup(d) : null;
  }

  async browse(q: { q?: string; archived?: boolean; cursor?: string; limit: number }): Promise<GroupRecord[]> {
    const f: QueryFilter<GroupDoc> = { archivedAt: q.archived ? { $ne: null } : null };
    if (q.q) f.search = { $regex: containsFolded(q.q) };
    const after = decodeCursor(q.cursor);
    if (after) f.$or = [{ name: { $gt: String(after.k) } }, { name: String(after.k), _id: { $gt: oid(after.id) } }];
    return (
      await this.groups
        .find(f)
        .sort({ name: 1, _id: 1 })
        .limit(q.limit + 1)
        .lean<LeanGroup[]>()
    ).map(toGroup);
  }

  /** Adds a member; false when already one. */
  async addMember(groupId: string, userId: string): Promise<boolean> {
    try {
      await this.members.create({ groupId, userId, joinedAt: new Date() });
    } catch (err) {
      if (isDuplicateKeyError(err)) return false;
      throw err;
    }
    await this.groups.updateOne({ _id: oid(groupId) }, { $inc: { memberCount: 1 } });
    return true;
  }

  async removeMember(groupId: string, userId: string): Promise<boolean> {
    if ((await this.members.deleteOne({ groupId, userId })).deletedCount !== 1) return false;
    await this.groups.updateOne({ _id: oid(groupId) }, { $inc: { memberCount: -1 } });
    return true;
  }

  async isMember(groupId: string, userId: string): Promise<boolean> {
    return (await this.members.countDocuments({ groupId, userId })) > 0;
  }

  async groupIdsOf(userId: string): Promise<string[]> {
    return (await this.members.find({ userId }).lean()).map((m) => m.groupId);
  }

  async memberIds(groupId: string): Promise<string[]> {
    return (await this.members.find({ groupId }).lean()).map((m) => m.userId);
  }

  async listMembers(groupId: string, cursor: string | undefined, limit: number): Promise<{ id: string; userId: string; joinedAt: Date }[]> {
    const f: QueryFilter<GroupMemberDoc> = { groupId };
    const after = decodeCursor(cursor);
    if (after) {
      const at = new Date(Number(after.k));
      f.$or = [{ joinedAt: { $gt: at } }, { joinedAt: at, userId: { $gt: after.id } }];
    }
    const docs = await this.members
      .find(f)
      .sort({ joinedAt: 1, userId: 1 })
      .limit(limit + 1)
      .lean();
    return docs.map((d) => ({ id: d.userId, userId: d.userId, joinedAt: d.joinedAt }));
  }

  /** One pending request per person (unique openKey); null when one is already pending. */
  async createRequest(groupId: string, userId: string, message: string | null): Promise<JoinRequestRecord | null> {
    try {
      const doc = await this.requests.create({ groupId, userId, message, status: 'pending', openKey: 'open', createdAt: new Date() });
      return toRequest(doc.toObject());
    } catch (err) {
      if (isDuplicateKeyError(err)) return null;
      throw err;
    }
  }

  async hasPendingRequest(groupId: string, userId: string): Promise<boolean> {
    return (await this.requests.countDocuments({ groupId, userId, status: 'pending' })) > 0;
  }

  /** Decides a pending request exactly once (status in the filter). */
  async decideRequest(
    groupId: string,
    id: string,
    status: 'approved' | 'rejected',
    by: string,
    reason: string | null,
  ): Promise<JoinRequestRecord | null> {
    const d = await this.requests
      .findOneAndUpdate(
        { _id: oid(id), groupId, status: 'pending' },
        { $set: { status, decidedBy: by, reason, openKey: id } },
        { returnDocument: 'after' },
      )
      .lean<LeanRequest>();
    return d ? toRequest(d) : null;
  }

  async requestExists(groupId: string, id: string): Promise<boolean> {
    return (await this.requests.countDocuments({ _id: oid(id), groupId })) > 0;
  }

  /** Rejects a person's pending request (on ban). */
  async closePendingOf(groupId: string, userId: string, by: string, reason: string): Promise<void> {
    const pending = await this.requests.findOne({ groupId, userId, status: 'pending' }).lean<LeanRequest>();
    if (pending) await this.decideRequest(groupId, pending._id.toHexString(), 'rejected', by, reason);
  }

  async listRequests(
    groupId: string,
    status: JoinRequestStatus | undefined,
    cursor: string | undefined,
    limit: number,
  ): Promise<JoinRequestRecord[]> {
    const f: QueryFilter<JoinRequestDoc> = { groupId };
    if (status) f.status = status;
    const after = decodeCursor(cursor);
    if (after) {
      const at = new Date(Number(after.k));
      f.$or = [{ createdAt: { $lt: at } }, { createdAt: at, _id: { $lt: oid(after.id) } }];
    }
    return (
      await this.requests
        .find(f)
        .sort({ createdAt: -1, _id: -1 })
        .limit(limit + 1)
        .lean<LeanRequest[]>()
    ).map(toRequest);
  }

  async ban(b: { groupId: string; userId: string; reason: string; by: string }): Promise<void> {
    await this.bans.updateOne(
      { groupId: b.groupId, userId: b.userId },
      { $set: { reason: b.reason, by: b.by, at: new Date() } },
      { upsert: true },
    );
  }

  async unban(groupId: string, userId: string): Promise<boolean> {
    return (await this.bans.deleteOne({ groupId, userId })).deletedCount === 1;
  }

  async listBans(groupId: string): Promise<{ userId: string; reason: string; by: string; at: Date }[]> {
    const docs = await this.bans.find({ groupId }).sort({ at: -1 }).limit(500).lean();
    return docs.map((d) => ({ userId: d.userId, reason: d.reason, by: d.by, at: d.at }));
  }

  async isBanned(groupId: string, userId: string): Promise<boolean> {
    return (await this.bans.countDocuments({ groupId, userId })) > 0;
  }

  /** Invites a person; false when they were already invited (the unique index keeps one invitation). */
  async invite(groupId: string, userId: string, by: string): Promise<boolean> {
    try {
      const res = await this.invites.updateOne({ groupId, userId }, { $setOnInsert: { by, at: new Date() } }, { upsert: true });
      return res.upsertedCount === 1;
    } catch (err) {
      if (isDuplicateKeyError(err)) return false;
      throw err;
    }
  }

  async isInvited(groupId: string, userId: string): Promise<boolean> {
    return (await this.invites.countDocuments({ groupId, userId })) > 0;
  }

  /** Uses an invitation up; true when there was one. */
  async takeInvite(groupId: string, userId: string): Promise<boolean> {
    return (await this.invites.deleteOne({ groupId, userId })).deletedCount === 1;
  }
}
