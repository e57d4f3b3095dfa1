import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { oid } from '../../common/object-id';
import { ClaimDoc, QuotaUsageDoc } from './claim.schema';

export interface ClaimRow {
  slot: number;
  unit: number;
  bookingId: string;
}

export const isDuplicateKey = (e: unknown): boolean => {
  if (typeof e !== 'object' || e === null) return false;
  const err = e as { code?: unknown; writeErrors?: { code?: unknown }[]; message?: unknown };
  return err.code === 11000 || (Array.isArray(err.writeErrors) && err.writeErrors.some((w) => w.code === 11000)) || (typeof err.message === 'string' && err.message.includes('E11000'));
};

@Injectable()
export class ClaimsRepository {
  constructor(
    @InjectModel(ClaimDoc.name) private readonly claims: Model<ClaimDoc>,
    @InjectModel(QuotaUsageDoc.name) private readonly quota: Model<QuotaUsageDoc>,
  ) {}

  /** Inserts claims in order; true when all went in, false on the first one already held (earlier ones stay: the caller releases them). */
  async insertOrdered(resourceId: string, bookingId: string, rows: { slot: number; unit: number }[]): Promise<boolean> {
    const r = oid(resourceId);
    const b = oid(bookingId);
    try {
      await this.claims.collection.insertMany(
        rows.map((c) => ({ resourceId: r, slot: new Date(c.slot), unit: c.unit, bookingId: b })),
        { ordered: true },
      );
      return true;
    } catch (e) {
      if (isDuplicateKey(e)) return false;
      throw e;
    }
  }

  async inRange(resourceId: string, start: number, end: number): Promise<ClaimRow[]> {
    const docs = await this.claims
      .find({ resourceId: oid(resourceId), slot: { $gte: new Date(start), $lt: new Date(end) } }, { slot: 1, unit: 1, bookingId: 1 })
      .lean<{ slot: Date; unit: number; bookingId: Types.ObjectId }[]>();
    return docs.map((d) => ({ slot: d.slot.getTime(), unit: d.unit, bookingId: d.bookingId.toHexString() }));
  }

  async releaseBooking(bookingId: string): Promise<void> {
    await this.claims.deleteMany({ bookingId: oid(bookingId) });
  }

  async countForBooking(bookingId: string): Promise<number> {
    return this.claims.countDocuments({ bookingId: oid(bookingId) });
  }

  /** Resources whose every unit is claimed at some step of [start, end) — not free for the whole range. */
  async fullyBookedResources(start: number, end: number, capacities: Map<string, number> | null): Promise<{ resourceId: string; maxUsed: number }[]> {
    const rows = await this.claims.aggregate<{ _id: Types.ObjectId; maxUsed: number }>([
      { $match: { slot: { $gte: new Date(start), $lt: new Date(end) } } },
      { $group: { _id: { r: '$resourceId', s: '$slot' }, n: { $sum: 1 } } },
      { $group: { _id: '$_id.r', maxUsed: { $max: '$n' } } },
    ]);
    return rows.map((r) => ({ resourceId: r._id.toHexString(), maxUsed: r.maxUsed })).filter((r) => !capacities || (capacities.get(r.resourceId) ?? 0) <= r.maxUsed);
  }

  /**
   * Charges unit-minutes to an organisation's monthly quota only while the total stays within the
   * limit: the condition is in the filter, so concurrent requests can never overshoot together.
   */
  async chargeQuota(resourceId: string, organisationKey: string, month: string, minutes: number, limitMinutes: number): Promise<boolean> {
    const filter = { resourceId: oid(resourceId), organisationKey, month, minutes: { $lte: limitMinutes - minutes } };
    try {
      const d = await this.quota.findOneAndUpdate(filter, { $inc: { minutes } }, { upsert: true, returnDocument: 'after' }).lean();
      return d !== null;
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
      // The row exists (created concurrently, or over the limit): retry as a plain conditional update.
      const d = await this.quota.findOneAndUpdate(filter, { $inc: { minutes } }, { returnDocument: 'after' }).lean();
      return d !== null;
    }
  }

  async refundQuota(resourceId: string, organisationKey: string, month: string, minutes: number): Promise<void> {
    await this.quota.updateOne({ resourceId: oid(resourceId), organisationKey, month }, { $inc: { minutes: -minutes } });
  }

  async quotaUsed(resourceId: string, organisationKey: string, month: string): Promise<number> {
    const d = await this.quota.findOne({ resourceId: oid(resourceId), organisationKey, month }).lean();
    return d?.minutes ?? 0;
  }
}
