import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, QueryFilter, Types } from 'mongoose';
import { oid } from '../../common/object-id';
import { decodeCursor } from '../../common/pagination';
import { AckDoc, AnnouncementDoc } from './announcement.schema';
import { isDuplicateKeyError } from '../../common/duplicate-key';

type LeanAnnouncement = AnnouncementDoc & { _id: Types.ObjectId };

export interface AnnouncementRecord {
  id: string;
  groupId: string;
  messageId: string;
  body: string;
  requireAck: boolean;
  ackCount: number;
  createdAt: Date;
}

const toRecord = (d: LeanAnnouncement): AnnouncementRecord => ({
  id: d._id.toHexString(),
  groupId: d.groupId,
  messageId: d.messageId,
  body: d.body,
  requireAck: d.requireAck,
  ackCount: d.ackCount,
  createdAt: d.createdAt,
});

@Injectable()
export class AnnouncementsRepository {
  constructor(
    @InjectModel(AnnouncementDoc.name) private readonly announcements: Model<AnnouncementDoc>,
    @InjectModel(AckDoc.name) private readonly acks: Model<AckDoc>,
  ) {}

  /** One announcement per message (a resend of the same message finds the first). */
  async create(a: { groupId: string; messageId: string; body: string; requireAck: boolean; by: string }): Promise<AnnouncementRecord> {
    await this.announcements.updateOne(
      { messageId: a.messageId },
      { $setOnInsert: { ...a, ackCount: 0, createdAt: new Date() } },
      { upsert: true },
    );
    const d = await this.announcements.findOne({ messageId: a.messageId }).lean<LeanAnnouncement>();
    if (!d) throw new Error('announcement vanished');
    return toRecord(d);
  }

  async find(groupId: string, id: string): Promise<AnnouncementRecord | null> {
    const d = await this.announcements.findOne({ _id: oid(id), groupId }).lean<LeanAnnouncement>();
    return d ? toRecord(d) : null;
  }

  async list(groupId: string, cursor: string | undefined, limit: number): Promise<AnnouncementRecord[]> {
    const q: QueryFilter<AnnouncementDoc> = { groupId };
    const after = decodeCursor(cursor);
    if (after) {
      const at = new Date(Number(after.k));
      q.$or = [{ createdAt: { $lt: at } }, { createdAt: at, _id: { $lt: oid(after.id) } }];
    }
    return (
      await this.announcements
        .find(q)
        .sort({ createdAt: -1, _id: -1 })
        .limit(limit + 1)
        .lean<LeanAnnouncement[]>()
    ).map(toRecord);
  }

  /** Acknowledges once; the counter moves only for the first acknowledgement. */
  async ack(announcementId: string, userId: string): Promise<Date> {
    try {
      const at = new Date();
      await this.acks.create({ announcementId, userId, at });
      await this.announcements.updateOne({ _id: oid(announcementId) }, { $inc: { ackCount: 1 } });
      return at;
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      const existing = await this.acks.findOne({ announcementId, userId }).lean();
      return existing?.at ?? new Date();
    }
  }

  async acksOf(announcementId: string): Promise<Map<string, Date>> {
    return new Map((await this.acks.find({ announcementId }).lean()).map((a) => [a.userId, a.at]));
  }

  async myAcks(announcementIds: string[], userId: string): Promise<Map<string, Date>> {
    if (announcementIds.length === 0) return new Map();
    return new Map(
      (await this.acks.find({ announcementId: { $in: announcementIds }, userId }).lean()).map((a) => [a.announcementId, a.at]),
    );
  }
}
