import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { oid } from '../../common/object-id';
import { AuditEntryDoc } from './audit.schema';

export interface AuditInput {
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  scopeId?: string | null;
  reason?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** Records actions (append-only); reading is AuditQueryService. */
@Injectable()
export class AuditService {
  constructor(@InjectModel(AuditEntryDoc.name) private readonly model: Model<AuditEntryDoc>) {}

  async record(e: AuditInput): Promise<void> {
    await this.model.create({
      ...e,
      actorId: e.actorId ? oid(e.actorId) : null,
      scopeId: e.scopeId ?? null,
      reason: e.reason ?? null,
      before: e.before ?? null,
      after: e.after ?? null,
      at: new Date(),
    });
  }
}
