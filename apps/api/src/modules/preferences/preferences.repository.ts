import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, QueryFilter, Types } from 'mongoose';
import { DEFAULT_DELIVERIES, type Delivery, type NotificationTopic, type QuietHours } from '@klasteris/contracts';
import { isDuplicateKeyError } from '../../common/duplicate-key';
import { oid } from '../../common/object-id';
import { NotificationPreferencesDoc, StoredPreferences } from './preference.schema';

type Lean = NotificationPreferencesDoc & { _id: Types.ObjectId };

const toStored = (d: Lean | null): StoredPreferences => ({
  topics: d?.topics ?? {},
  digestDelayMinutes: d?.digestDelayMinutes ?? null,
  quietHours: d?.quietHours ?? null,
});

@Injectable()
export class PreferencesRepository {
  constructor(@InjectModel(NotificationPreferencesDoc.name) private readonly model: Model<NotificationPreferencesDoc>) {}

  async get(userId: string): Promise<StoredPreferences> {
    return toStored(await this.model.findOne({ userId: oid(userId) }).lean<Lean>());
  }

  async getMany(userIds: string[]): Promise<Map<string, StoredPreferences>> {
    const docs = await this.model.find({ userId: { $in: userIds.map(oid) } }).lean<Lean[]>();
    return new Map(docs.map((d) => [d.userId.toHexString(), toStored(d)]));
  }

  async update(
    userId: string,
    patch: { topics?: Partial<Record<NotificationTopic, Delivery>>; digestDelayMinutes?: number; quietHours?: QuietHours | null },
  ): Promise<void> {
    const set: Record<string, unknown> = {};
    for (const [topic, delivery] of Object.entries(patch.topics ?? {})) set[`topics.${topic}`] = delivery;
    if (patch.digestDelayMinutes !== undefined) set['digestDelayMinutes'] = patch.digestDelayMinutes;
    if (patch.quietHours !== undefined)
      set['quietHours'] = patch.quietHours ? { start: patch.quietHours.start, end: patch.quietHours.end } : null;
    if (Object.keys(set).length === 0) return;
    // a concurrent first write may win the insert: then ours matches the document it created
    if (!(await this.upsert({ userId: oid(userId) }, set))) await this.upsert({ userId: oid(userId) }, set);
  }

  /**
   * Changes one topic's delivery by `change`, conditional on the value it was computed from (so a
   * concurrent change from the preferences page is never overwritten with a stale value).
   */
  async changeTopic(userId: string, topic: NotificationTopic, change: (d: Delivery) => Delivery): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const stored = (await this.get(userId)).topics[topic];
      const current = stored ?? DEFAULT_DELIVERIES[topic];
      const next = change(current);
      if (next === current) return;
      const filter: QueryFilter<NotificationPreferencesDoc> = { userId: oid(userId), [`topics.${topic}`]: stored ?? { $exists: false } };
      if (await this.upsert(filter, { [`topics.${topic}`]: next })) return;
    }
  }

  /** true when the filter matched or a document was inserted; false when it lost a race. */
  private async upsert(filter: QueryFilter<NotificationPreferencesDoc>, set: Record<string, unknown>): Promise<boolean> {
    try {
      const res = await this.model.updateOne(filter, { $set: set }, { upsert: true });
      return res.matchedCount > 0 || res.upsertedCount > 0;
    } catch (err) {
      if (isDuplicateKeyError(err)) return false;
      throw err;
    }
  }
}
