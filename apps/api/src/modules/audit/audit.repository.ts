import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, QueryFilter, Types } from 'mongoose';
import type { AuditEntry } from '@klasteris/contracts';
import { oid } from '../../common/object-id';
import { decodeCursor } from '../../common/pagination';
import { AuditEntryDoc } from './audit.schema';

type LeanEntry = AuditEntryDoc & { _id: Types.ObjectId };

export interface AuditFilter {
  actor?: string;
  action?: string;
  target?: string;
  /** required for everyone but admins (the caller's scope) */
  scopeId?: string;
  from?: Date;
  to?: Date;
}

const toEntry = (d: LeanEntry): AuditEntry => ({
  id: d._id.toHexString(),
  actorId: d.actorId ? d.actorId.toHexString() : null,
  action: d.action,
  targetType: d.targetType,
  targetId: d.targetId,
  // Mongoose drops empty objects (`after: {}`) on save, and older entries may lack a field: the
  // contract says null, never missing
  scopeId: d.scopeId ?? null,
  reason: d.reason ?? null,
  before: d.before ?? null,
  after: d.after ?? null,
  at: d.at.toISOString(),
});

/** Reads the audit log, newest first. There is deliberately no update or delete here. */
@Injectable()
export class AuditRepository {
  constructor(@InjectModel(AuditEntryDoc.name) private readonly model: Model<AuditEntryDoc>) {}

  async list(f: AuditFilter, cursor: string | undefined, limit: number): Promise<AuditEntry[]> {
    const q: QueryFilter<AuditEntryDoc> = {};
    if (f.actor) q.actorId = oid(f.actor);
    if (f.action) q.action = f.action;
    if (f.target) q.targetId = f.target;
    if (f.scopeId) q.scopeId = f.scopeId;
    if (f.from || f.to) q.at = { ...(f.from ? { $gte: f.from } : {}), ...(f.to ? { $lt: f.to } : {}) };
    const after = decodeCursor(cursor);
    if (after) {
      const at = new Date(Number(after.k));
      q.$and = [{ $or: [{ at: { $lt: at } }, { at, _id: { $lt: oid(after.id) } }] }];
    }
    const docs = await this.model
      .find(q)
      .sort({ at: -1, _id: -1 })
      .limit(limit + 1)
      .lean<LeanEntry[]>();
    return docs.map(toEntry);
  }
}
