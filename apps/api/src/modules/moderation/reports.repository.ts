import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, QueryFilter, Types } from 'mongoose';
import type { Report, ReportStatus } from '@klasteris/contracts';
import { isDuplicateKeyError } from '../../common/duplicate-key';
import { oid } from '../../common/object-id';
import { decodeCursor } from '../../common/pagination';
import { ReportDoc } from './moderation.schema';

type LeanReport = ReportDoc & { _id: Types.ObjectId };

export const FILTER_REPORTER = 'filter';

const toReport = (d: LeanReport): Report => ({
  id: d._id.toHexString(),
  groupId: d.groupId,
  channelId: d.channelId,
  messageId: d.messageId,
  messageBody: d.messageBody,
  messageSeq: d.messageSeq ?? null,
  authorId: d.authorId,
  reporterId: d.reporterKey === FILTER_REPORTER ? null : d.reporterKey,
  reason: d.reason,
  status: d.status,
  resolvedBy: d.resolvedBy,
  resolutionNote: d.resolutionNote,
  createdAt: d.createdAt.toISOString(),
});

export interface NewReport {
  groupId: string;
  channelId: string;
  messageId: string;
  messageBody: string;
  messageSeq: number;
  authorId: string | null;
  reporterId: string | null;
  reason: string;
}

@Injectable()
export class ReportsRepository {
  constructor(@InjectModel(ReportDoc.name) private readonly model: Model<ReportDoc>) {}

  /** Files a report once per (message, reporter); a repeat returns the existing one. */
  async file(r: NewReport): Promise<{ report: Report; created: boolean }> {
    const reporterKey = r.reporterId ?? FILTER_REPORTER;
    try {
      const doc = await this.model.create({
        groupId: r.groupId,
        channelId: r.channelId,
        messageId: r.messageId,
        messageBody: r.messageBody,
        messageSeq: r.messageSeq,
        authorId: r.authorId,
        reporterKey,
        reason: r.reason,
        status: 'open',
        resolvedBy: null,
        resolutionNote: null,
        createdAt: new Date(),
      });
      return { report: toReport(doc.toObject()), created: true };
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      const existing = await this.model.findOne({ messageId: r.messageId, reporterKey }).lean<LeanReport>();
      if (!existing) throw err;
      return { report: toReport(existing), created: false };
    }
  }

  async findInGroup(groupId: string, id: string): Promise<Report | null> {
    const d = await this.model.findOne({ _id: oid(id), groupId }).lean<LeanReport>();
    return d ? toReport(d) : null;
  }

  /** Resolves an open report exactly once (status in the filter); also closes the message's other open reports. */
  async resolve(
    groupId: string,
    id: string,
    status: Exclude<ReportStatus, 'open'>,
    by: string,
    note: string | null,
  ): Promise<{ report: Report; others: Report[] } | null> {
    const d = await this.model
      .findOneAndUpdate(
        { _id: oid(id), groupId, status: 'open' },
        { $set: { status, resolvedBy: by, resolutionNote: note } },
        { returnDocument: 'after' },
      )
      .lean<LeanReport>();
    if (!d) return null;
    const others = await this.model.find({ groupId, messageId: d.messageId, status: 'open' }).lean<LeanReport[]>();
    if (others.length)
      await this.model.updateMany(
        { _id: { $in: others.map((o) => o._id) }, status: 'open' },
        { $set: { status, resolvedBy: by, resolutionNote: note } },
      );
    return { report: toReport(d), others: others.map(toReport) };
  }

  async list(groupId: string, status: ReportStatus | undefined, cursor: string | undefined, limit: number): Promise<Report[]> {
    const q: QueryFilter<ReportDoc> = { groupId };
    if (status) q.status = status;
    const after = decodeCursor(cursor);
    if (after) {
      const at = new Date(Number(after.k));
      q.$or = [{ createdAt: { $lt: at } }, { createdAt: at, _id: { $lt: oid(after.id) } }];
    }
    const docs = await this.model
      .find(q)
      .sort({ createdAt: -1, _id: -1 })
      .limit(limit + 1)
      .lean<LeanReport[]>();
    return docs.map(toReport);
  }

  async countOpen(groupId: string): Promise<number> {
    return this.model.countDocuments({ groupId, status: 'open' });
  }
}
