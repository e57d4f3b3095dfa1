import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { QueryFilter, Model, Types } from 'mongoose';
import type { Language, Notification, NotificationKind } from '@klasteris/contracts';
import { oid } from '../../common/object-id';
import { decodeCursor } from '../../common/pagination';
import { NotificationDoc } from './notification.schema';

type LeanNotification = NotificationDoc & { _id: Types.ObjectId };

export const toNotification = (d: LeanNotification): Notification => ({
  id: d._id.toHexString(),
  kind: d.kind,
  title: d.title,
  body: d.body,
  link: d.link,
  readAt: d.readAt ? d.readAt.toISOString() : null,
  createdAt: d.createdAt.toISOString(),
});

/** Text in each language of the portal; a plain string is the same for everyone. */
export type Localised = string | Record<Language, string>;

export interface NewNotification {
  kind: NotificationKind;
  title: Localised;
  body?: Localised | null;
  link?: string | null;
}

/** One notification for one person, its texts already in that person's language. */
export interface NotificationDraft {
  userId: string;
  kind: NotificationKind;
  title: string;
  body: string | null;
  link: string | null;
}

@Injectable()
export class NotificationsRepository {
  constructor(@InjectModel(NotificationDoc.name) private readonly model: Model<NotificationDoc>) {}

  async createMany(drafts: NotificationDraft[]): Promise<{ userId: string; notification: Notification }[]> {
    if (drafts.length === 0) return [];
    const now = new Date();
    const docs = await this.model.insertMany(drafts.map((d) => ({ ...d, userId: oid(d.userId), createdAt: now })));
    return docs.map((d) => ({ userId: d.userId.toHexString(), notification: toNotification(d.toObject() as LeanNotification) }));
  }

  /** Newest first, scoped to the owner. */
  async listForUser(userId: string, opts: { unreadOnly: boolean; cursor?: string; limit: number }): Promise<Notification[]> {
    const q: QueryFilter<NotificationDoc> = { userId: oid(userId) };
    if (opts.unreadOnly) q.readAt = null;
    const after = decodeCursor(opts.cursor);
    if (after) {
      const at = new Date(Number(after.k));
      q.$or = [{ createdAt: { $lt: at } }, { createdAt: at, _id: { $lt: oid(after.id) } }];
    }
    const docs = await this.model
      .find(q)
      .sort({ createdAt: -1, _id: -1 })
      .limit(opts.limit + 1)
      .lean<LeanNotification[]>();
    return docs.map(toNotification);
  }

  countUnread(userId: string): Promise<number> {
    return this.model.countDocuments({ userId: oid(userId), readAt: null });
  }

  async markRead(userId: string, id: string): Promise<boolean> {
    const res = await this.model.updateOne({ _id: oid(id), userId: oid(userId), readAt: null }, { $set: { readAt: new Date() } });
    if (res.matchedCount > 0) return true;
    return (await this.model.countDocuments({ _id: oid(id), userId: oid(userId) })) > 0;
  }

  async markAllRead(userId: string): Promise<void> {
    await this.model.updateMany({ userId: oid(userId), readAt: null }, { $set: { readAt: new Date() } });
  }
}
