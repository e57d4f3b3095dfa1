import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, QueryFilter } from 'mongoose';
import type { Column } from '@klasteris/contracts';
import { oid } from '../../common/object-id';
import { toColumn } from './board.mapper';
import { ColumnDoc, LeanColumn } from './column.schema';

const byRank = (a: Column, b: Column): number => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0);
const REBALANCE_CLAIM_MS = 30_000;

/** Board columns; every read and write is scoped by project. */
@Injectable()
export class ColumnsRepository {
  constructor(@InjectModel(ColumnDoc.name) private readonly model: Model<ColumnDoc>) {}

  /** Throws E11000 when the rank is taken (callers retry). */
  async create(projectId: string, c: { name: string; rank: string; wipLimit: number | null }): Promise<Column> {
    const doc = await this.model.create({ projectId: oid(projectId), name: c.name, rank: c.rank, wipLimit: c.wipLimit, archived: false });
    return toColumn(doc.toObject() as LeanColumn);
  }

  async findInProject(projectId: string, id: string): Promise<Column | null> {
    const d = await this.model.findOne({ _id: oid(id), projectId: oid(projectId) }).lean<LeanColumn>();
    return d ? toColumn(d) : null;
  }

  async projectOf(id: string): Promise<string | null> {
    const d = await this.model.findById(id, { projectId: 1 }).lean<Pick<LeanColumn, 'projectId'>>();
    return d ? d.projectId.toHexString() : null;
  }

  async list(projectId: string, archived?: boolean): Promise<Column[]> {
    const filter: QueryFilter<ColumnDoc> = { projectId: oid(projectId) };
    if (archived !== undefined) filter.archived = archived;
    return (await this.model.find(filter).lean<LeanColumn[]>()).map(toColumn).sort(byRank);
  }

  /** Column names by id, in one query (for lists of cards from many boards). */
  async namesByIds(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const docs = await this.model.find({ _id: { $in: ids.map(oid) } }, { name: 1 }).lean<Pick<LeanColumn, '_id' | 'name'>[]>();
    return new Map(docs.map((d) => [d._id.toHexString(), d.name]));
  }

  async update(
    projectId: string,
    id: string,
    patch: { name?: string; wipLimit?: number | null; archived?: boolean; rank?: string },
  ): Promise<Column | null> {
    const d = await this.model
      .findOneAndUpdate({ _id: oid(id), projectId: oid(projectId) }, { $set: patch }, { returnDocument: 'after' })
      .lean<LeanColumn>();
    return d ? toColumn(d) : null;
  }

  /** Throws E11000 when another column took the rank meanwhile. */
  async setRank(projectId: string, id: string, rank: string): Promise<Column | null> {
    return this.update(projectId, id, { rank });
  }

  /** Re-spacing write: only if the column still has the rank we read. */
  async setRankIf(projectId: string, id: string, from: string, to: string): Promise<Column | null> {
    try {
      const d = await this.model
        .findOneAndUpdate({ _id: oid(id), projectId: oid(projectId), rank: from }, { $set: { rank: to } }, { returnDocument: 'after' })
        .lean<LeanColumn>();
      return d ? toColumn(d) : null;
    } catch {
      return null;
    }
  }

  /** Claims the right to re-space the column's cards; false when someone else is doing it. */
  async claimRebalance(id: string): Promise<boolean> {
    const now = new Date();
    const res = await this.model.updateOne(
      { _id: oid(id), $or: [{ rebalancingAt: null }, { rebalancingAt: { $lt: new Date(now.getTime() - REBALANCE_CLAIM_MS) } }] },
      { $set: { rebalancingAt: now } },
      { timestamps: false },
    );
    return res.modifiedCount === 1;
  }

  async releaseRebalance(id: string): Promise<void> {
    await this.model.updateOne({ _id: oid(id) }, { $set: { rebalancingAt: null } }, { timestamps: false });
  }
}
