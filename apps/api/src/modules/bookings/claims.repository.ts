import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { isDuplicateKeyError } from '../../common/duplicate-key';
import { oid } from '../../common/object-id';
import { ClaimDoc, QuotaTokenDoc } from './claim.schema';

export interface ClaimRow {
  slot: number;
  unit: number;
  bookingId: string;
}

/** A space of (slot, unit) pairs under a unique index: resource time, or an organisation's monthly quota. */
export interface UnitSpace {
  held(): Promise<ClaimRow[]>;
  /** Inserts in order; false on the first pair already held (earlier ones stay: release them). */
  insert(bookingId: string, rows: { slot: number; unit: number }[]): Promise<boolean>;
  release(bookingId: string): Promise<void>;
}

async function insertOrdered(model: Model<unknown>, docs: object[]): Promise<boolean> {
  try {
    await model.collection.insertMany(docs, { ordered: true });
    return true;
  } catch (e) {
    if (isDuplicateKeyError(e)) return false;
    throw e;
  }
}

@Injectable()
export class ClaimsRepository {
  constructor(
    @InjectModel(ClaimDoc.name) private readonly claims: Model<ClaimDoc>,
    @InjectModel(QuotaTokenDoc.name) private readonly tokens: Model<QuotaTokenDoc>,
  ) {}

  /** The resource's time in [start, end): slot = step start, unit = unit number. */
  timeSpace(resourceId: string, start: number, end: number): UnitSpace {
    const r = oid(resourceId);
    return {
      held: async () => {
        const docs = await this.claims
          .find({ resourceId: r, slot: { $gte: new Date(start), $lt: new Date(end) } }, { slot: 1, unit: 1, bookingId: 1 })
          .lean<{ slot: Date; unit: number; bookingId: Types.ObjectId }[]>();
        return docs.map((d) => ({ slot: d.slot.getTime(), unit: d.unit, bookingId: d.bookingId.toHexString() }));
      },
      insert: (bookingId, rows) =>
        insertOrdered(
          this.claims as unknown as Model<unknown>,
          rows.map((c) => ({ resourceId: r, slot: new Date(c.slot), unit: c.unit, bookingId: oid(bookingId) })),
        ),
      release: (bookingId) => this.releaseTime(bookingId),
    };
  }

  /** An organisation's fair share of a resource in one month: a single slot (0) of quota tokens. */
  quotaSpace(resourceId: string, organisationKey: string, month: string): UnitSpace {
    const key = { resourceId: oid(resourceId), organisationKey, month };
    return {
      held: async () => {
        const docs = await this.tokens.find(key, { token: 1, bookingId: 1 }).lean<{ token: number; bookingId: Types.ObjectId }[]>();
        return docs.map((d) => ({ slot: 0, unit: d.token, bookingId: d.bookingId.toHexString() }));
      },
      insert: (bookingId, rows) =>
        insertOrdered(
          this.tokens as unknown as Model<unknown>,
          rows.map((c) => ({ ...key, token: c.unit, bookingId: oid(bookingId) })),
        ),
      release: (bookingId) => this.releaseQuota(bookingId),
    };
  }

  async releaseTime(bookingId: string): Promise<void> {
    await this.claims.deleteMany({ bookingId: oid(bookingId) });
  }

  async releaseQuota(bookingId: string): Promise<void> {
    await this.tokens.deleteMany({ bookingId: oid(bookingId) });
  }

  /** Quarter unit-hours used of an organisation's share in a month. */
  quotaUsed(resourceId: string, organisationKey: string, month: string): Promise<number> {
    return this.tokens.countDocuments({ resourceId: oid(resourceId), organisationKey, month });
  }

  /** For each resource with claims in [start, end): the most units claimed at any one step. */
  async maxUsage(start: number, end: number): Promise<{ resourceId: string; maxUsed: number }[]> {
    const rows = await this.claims.aggregate<{ _id: Types.ObjectId; maxUsed: number }>([
      { $match: { slot: { $gte: new Date(start), $lt: new Date(end) } } },
      { $group: { _id: { r: '$resourceId', s: '$slot' }, n: { $sum: 1 } } },
      { $group: { _id: '$_id.r', maxUsed: { $max: '$n' } } },
    ]);
    return rows.map((r) => ({ resourceId: r._id.toHexString(), maxUsed: r.maxUsed }));
  }
}
