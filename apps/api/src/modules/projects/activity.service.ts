import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, QueryFilter, Types } from 'mongoose';
import type { Activity, ActivityKind, Page } from '@klasteris/contracts';
import type { AuthUser } from '../../common/auth-user';
import { oid } from '../../common/object-id';
import { decodeCursor, toPage } from '../../common/pagination';
import { ActivityDoc } from './activity.schema';

type LeanActivity = ActivityDoc & { _id: Types.ObjectId };

const toActivity = (d: LeanActivity): Activity => ({
  id: d._id.toHexString(),
  projectId: d.projectId.toHexString(),
  cardId: d.cardId ? d.cardId.toHexString() : null,
  actorId: d.actorId ? d.actorId.toHexString() : null,
  actorName: d.actorName,
  kind: d.kind,
  data: d.data ?? {},
  at: d.at.toISOString(),
});

export interface ActivityInput {
  projectId: string;
  cardId?: string | null;
  actor: Pick<AuthUser, 'id' | 'displayName'> | null;
  kind: ActivityKind;
  data?: Record<string, unknown>;
}

/**
 * The activity log of boards and cards. Callers have already authorised access to the project;
 * reads take the project id as their scope so a card id of another project returns nothing.
 */
@Injectable()
export class ActivityService {
  constructor(@InjectModel(ActivityDoc.name) private readonly model: Model<ActivityDoc>) {}

  async record(a: ActivityInput): Promise<void> {
    await this.model.create({
      projectId: oid(a.projectId),
      cardId: a.cardId ? oid(a.cardId) : null,
      actorId: a.actor ? oid(a.actor.id) : null,
      actorName: a.actor?.displayName ?? 'Klasteris',
      kind: a.kind,
      data: a.data ?? {},
      at: new Date(),
    });
  }

  async recordMany(items: ActivityInput[]): Promise<void> {
    if (items.length === 0) return;
    const at = new Date();
    await this.model.insertMany(
      items.map((a) => ({
        projectId: oid(a.projectId),
        cardId: a.cardId ? oid(a.cardId) : null,
        actorId: a.actor ? oid(a.actor.id) : null,
        actorName: a.actor?.displayName ?? 'Klasteris',
        kind: a.kind,
        data: a.data ?? {},
        at,
      })),
    );
  }

  async list(projectId: string, q: { cardId?: string; cursor?: string; limit: number }): Promise<Page<Activity>> {
    const filter: QueryFilter<ActivityDoc> = { projectId: oid(projectId) };
    if (q.cardId) filter.cardId = oid(q.cardId);
    const after = decodeCursor(q.cursor);
    if (after) {
      const at = new Date(Number(after.k));
      filter.$or = [{ at: { $lt: at } }, { at, _id: { $lt: oid(after.id) } }];
    }
    const rows = (
      await this.model
        .find(filter)
        .sort({ at: -1, _id: -1 })
        .limit(q.limit + 1)
        .lean<LeanActivity[]>()
    ).map(toActivity);
    return toPage(
      rows,
      q.limit,
      (r) => new Date(r.at).getTime(),
      (r) => r,
    );
  }
}
