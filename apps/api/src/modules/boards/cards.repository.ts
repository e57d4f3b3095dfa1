import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, QueryFilter, Types } from 'mongoose';
import type { Card, ChecklistItem } from '@klasteris/contracts';
import { oid } from '../../common/object-id';
import { decodeCursor } from '../../common/pagination';
import { toCard } from './board.mapper';
import { CardDoc, LeanCard } from './card.schema';
import type { ChangeEntry } from './merge';

/** A card with its change log, as the write paths need it. */
export type StoredCard = Card & { changes: ChangeEntry[] };

const toStored = (d: LeanCard): StoredCard => ({ ...toCard(d), changes: (d.changes ?? []).map((c) => ({ v: c.v, f: c.f })) });
const WITHOUT_LOG = { changes: 0 } as const;
/**
 * Whole boards are read in one reply per query: the embedded database otherwise hands a cursor's
 * rest out 250 documents per `getMore` (20 round trips for 5,000 cards), MongoDB up to 16 MB.
 */
const WHOLE = 100_000;

export interface NewCard {
  projectId: string;
  columnId: string;
  rank: string;
  title: string;
  description: string;
  assigneeIds: string[];
  labelIds: string[];
  startDate: string | null;
  dueDate: string | null;
  checklist?: ChecklistItem[];
  archived?: boolean;
  sourceMessage: { channelId: string; messageId: string } | null;
  createdBy: string;
}

/** Field values as a PATCH sets them (ids as strings). */
export interface CardFieldValues {
  title?: string;
  description?: string;
  assigneeIds?: string[];
  labelIds?: string[];
  startDate?: string | null;
  dueDate?: string | null;
  archived?: boolean;
  checklist?: ChecklistItem[];
}

function toSet(v: CardFieldValues): Record<string, unknown> {
  const $set: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(v)) {
    if (val === undefined) continue;
    $set[k] = k === 'assigneeIds' || k === 'labelIds' ? (val as string[]).map(oid) : val;
  }
  return $set;
}

/**
 * Cards. Every write that changes a card is conditional on the version it was based on; ranks are
 * unique per column (E11000 on a clash, which callers retry with a fresh rank).
 */
@Injectable()
export class CardsRepository {
  constructor(@InjectModel(CardDoc.name) private readonly model: Model<CardDoc>) {}

  /** Inserts a card at version 1; throws E11000 when the rank is taken. */
  async create(c: NewCard): Promise<Card> {
    const doc = await this.model.create({
      ...c,
      projectId: oid(c.projectId),
      columnId: oid(c.columnId),
      assigneeIds: c.assigneeIds.map(oid),
      labelIds: c.labelIds.map(oid),
      checklist: c.checklist ?? [],
      archived: c.archived ?? false,
      createdBy: oid(c.createdBy),
      version: 1,
      changes: [],
    });
    return toCard(doc.toObject() as LeanCard);
  }

  /** Bulk insert for imports (ranks chosen by the caller, unique per column); returns the new ids in order. */
  async insertMany(cards: (NewCard & { commentCount?: number; createdAt?: Date })[]): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < cards.length; i += 500) {
      const docs = await this.model.insertMany(
        cards.slice(i, i + 500).map((c) => ({
          ...c,
          projectId: oid(c.projectId),
          columnId: oid(c.columnId),
          assigneeIds: c.assigneeIds.map(oid),
          labelIds: c.labelIds.map(oid),
          checklist: c.checklist ?? [],
          archived: c.archived ?? false,
          commentCount: c.commentCount ?? 0,
          createdBy: oid(c.createdBy),
          bookingIds: [],
          version: 1,
          changes: [],
          createdAt: c.createdAt ?? new Date(),
          updatedAt: new Date(),
        })),
        { lean: true },
      );
      ids.push(...docs.map((d) => (d as unknown as { _id: Types.ObjectId })._id.toHexString()));
    }
    return ids;
  }

  /** Every card of the project (open and archived), for export. */
  async listAll(projectId: string): Promise<Card[]> {
    const docs = await this.model.find({ projectId: oid(projectId) }, WITHOUT_LOG).lean<LeanCard[]>();
    return docs.map(toCard).sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
  }

  /** The card if it belongs to the project (the scope is required). */
  async findInProject(projectId: string, id: string): Promise<StoredCard | null> {
    const d = await this.model.findOne({ _id: oid(id), projectId: oid(projectId) }).lean<LeanCard>();
    return d ? toStored(d) : null;
  }

  /**
   * A card by its id alone, for BoardAccessService.card, which checks the caller's access to the
   * card's project before anything of it is used: one read instead of `projectOf` + `findInProject`.
   */
  async findForAccessCheck(id: string): Promise<StoredCard | null> {
    const d = await this.model.findById(id).lean<LeanCard>();
    return d ? toStored(d) : null;
  }

  /** Which project a card belongs to (the caller then checks membership of that project). */
  async projectOf(id: string): Promise<string | null> {
    const d = await this.model.findById(id, { projectId: 1 }).lean<Pick<LeanCard, 'projectId'>>();
    return d ? d.projectId.toHexString() : null;
  }

  async listForBoard(projectId: string, archived: boolean): Promise<Card[]> {
    const docs = await this.model
      .find({ projectId: oid(projectId), archived }, WITHOUT_LOG)
      .batchSize(WHOLE)
      .lean<LeanCard[]>();
    return docs.map(toCard).sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
  }

  async countInColumn(columnId: string): Promise<number> {
    return this.model.countDocuments({ columnId: oid(columnId) });
  }

  /** Neighbour ranks in a column, ignoring `exceptId` (the card being moved). */
  async lastRank(columnId: string, exceptId?: string): Promise<string | null> {
    return this.rankWhere({ columnId: oid(columnId) }, -1, exceptId);
  }

  async nextRank(columnId: string, after: string, exceptId?: string): Promise<string | null> {
    return this.rankWhere({ columnId: oid(columnId), rank: { $gt: after } }, 1, exceptId);
  }

  async prevRank(columnId: string, before: string, exceptId?: string): Promise<string | null> {
    return this.rankWhere({ columnId: oid(columnId), rank: { $lt: before } }, -1, exceptId);
  }

  private async rankWhere(filter: QueryFilter<CardDoc>, dir: 1 | -1, exceptId?: string): Promise<string | null> {
    if (exceptId) filter._id = { $ne: oid(exceptId) };
    const d = await this.model.findOne(filter, { rank: 1 }).sort({ rank: dir }).lean<Pick<LeanCard, 'rank'>>();
    return d?.rank ?? null;
  }

  /**
   * Applies field values if the card is still at `expected` (the guard is in the write), bumping the
   * version and appending to the change log. Null when someone else changed the card meanwhile.
   */
  async updateIfVersion(
    current: StoredCard,
    expected: number,
    values: CardFieldValues,
    changes: ChangeEntry[],
  ): Promise<StoredCard | null> {
    const d = await this.model
      .findOneAndUpdate(
        { _id: oid(current.id), projectId: oid(current.projectId), version: expected },
        { $set: { ...toSet(values), changes }, $inc: { version: 1 } },
        { returnDocument: 'after' },
      )
      .lean<LeanCard>();
    return d ? toStored(d) : null;
  }

  /** Moves if still at `expected`; throws E11000 when another card took the rank meanwhile. */
  async moveIfVersion(
    current: StoredCard,
    expected: number,
    columnId: string,
    rank: string,
    changes: ChangeEntry[],
  ): Promise<StoredCard | null> {
    const d = await this.model
      .findOneAndUpdate(
        { _id: oid(current.id), projectId: oid(current.projectId), version: expected },
        { $set: { columnId: oid(columnId), rank, changes }, $inc: { version: 1 } },
        { returnDocument: 'after' },
      )
      .lean<LeanCard>();
    return d ? toStored(d) : null;
  }

  /** Comment counter; not a change of the card (no version bump). Returns the card as it is now. */
  async incComments(projectId: string, id: string, by: number): Promise<Card | null> {
    const d = await this.model
      .findOneAndUpdate(
        { _id: oid(id), projectId: oid(projectId) },
        { $inc: { commentCount: by } },
        { returnDocument: 'after', timestamps: false },
      )
      .lean<LeanCard>();
    return d ? toCard(d) : null;
  }

  /** Links bookings to a card of the project; not an edit of the card (no version bump). Null when no such card. */
  async addBookings(projectId: string, id: string, bookingIds: string[]): Promise<Card | null> {
    const d = await this.model
      .findOneAndUpdate(
        { _id: oid(id), projectId: oid(projectId) },
        { $addToSet: { bookingIds: { $each: bookingIds.map(oid) } } },
        { returnDocument: 'after', timestamps: false },
      )
      .lean<LeanCard>();
    return d ? toCard(d) : null;
  }

  /** Links a chat message to a card that has none yet (the guard is in the write); not an edit (no version bump). Null when it already has one. */
  async setSourceMessageOnce(projectId: string, id: string, source: { channelId: string; messageId: string }): Promise<Card | null> {
    const d = await this.model
      .findOneAndUpdate(
        { _id: oid(id), projectId: oid(projectId), sourceMessage: null },
        { $set: { sourceMessage: source } },
        { returnDocument: 'after', timestamps: false },
      )
      .lean<LeanCard>();
    return d ? toCard(d) : null;
  }

  /** Deletes the card, only at `version` when given. */
  async delete(projectId: string, id: string, version?: number): Promise<boolean> {
    const res = await this.model.deleteOne({ _id: oid(id), projectId: oid(projectId), ...(version !== undefined ? { version } : {}) });
    return res.deletedCount === 1;
  }

  /** All (id, rank) of a column in order, for re-spacing. */
  async ranksOfColumn(columnId: string): Promise<{ id: string; rank: string }[]> {
    const docs = await this.model.find({ columnId: oid(columnId) }, { rank: 1 }).lean<Pick<LeanCard, '_id' | 'rank'>[]>();
    return docs.map((d) => ({ id: d._id.toHexString(), rank: d.rank })).sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
  }

  /** Re-spacing write: only if the card still has the rank we read (a concurrent move wins). */
  async setRankIf(columnId: string, id: string, from: string, to: string): Promise<boolean> {
    try {
      const res = await this.model.updateOne(
        { _id: oid(id), columnId: oid(columnId), rank: from },
        { $set: { rank: to } },
        { timestamps: false },
      );
      return res.modifiedCount === 1;
    } catch {
      return false;
    }
  }

  /** Open cards with someone assigned, due on one of `dates` (YYYY-MM-DD): the morning mails' scan. */
  async assignedDueOn(dates: string[], limit = 5000): Promise<Card[]> {
    if (dates.length === 0) return [];
    const docs = await this.model
      .find({ dueDate: { $in: dates }, archived: false, 'assigneeIds.0': { $exists: true } }, WITHOUT_LOG)
      .limit(limit)
      .lean<LeanCard[]>();
    return docs.map(toCard);
  }

  /** Open cards assigned to a user in the given projects, newest change first. */
  async assignedTo(userId: string, projectIds: string[], q: { dueBefore?: string; cursor?: string; limit: number }): Promise<Card[]> {
    if (projectIds.length === 0) return [];
    const filter: QueryFilter<CardDoc> = { assigneeIds: oid(userId), archived: false, projectId: { $in: projectIds.map(oid) } };
    if (q.dueBefore) filter.dueDate = { $ne: null, $lte: q.dueBefore };
    const after = decodeCursor(q.cursor);
    if (after) {
      const at = new Date(Number(after.k));
      filter.$or = [{ updatedAt: { $lt: at } }, { updatedAt: at, _id: { $lt: oid(after.id) } }];
    }
    const docs = await this.model
      .find(filter, WITHOUT_LOG)
      .sort({ updatedAt: -1, _id: -1 })
      .limit(q.limit + 1)
      .lean<LeanCard[]>();
    return docs.map(toCard);
  }

  /** Open cards assigned to a user in the given projects, due between two dates (YYYY-MM-DD, inclusive): My calendar. */
  async assignedDueBetween(userId: string, projectIds: string[], from: string, to: string, limit = 1000): Promise<Card[]> {
    if (projectIds.length === 0) return [];
    const filter: QueryFilter<CardDoc> = {
      assigneeIds: oid(userId),
      archived: false,
      projectId: { $in: projectIds.map(oid) },
      dueDate: { $ne: null, $gte: from, $lte: to },
    };
    const docs = await this.model.find(filter, WITHOUT_LOG).sort({ dueDate: 1, _id: 1 }).limit(limit).lean<LeanCard[]>();
    return docs.map(toCard);
  }

  async countByColumn(projectId: string): Promise<Map<string, number>> {
    const rows = await this.model.aggregate<{ _id: Types.ObjectId; n: number }>([
      { $match: { projectId: oid(projectId), archived: false } },
      { $group: { _id: '$columnId', n: { $sum: 1 } } },
    ]);
    return new Map(rows.map((r) => [r._id.toHexString(), r.n]));
  }
}
