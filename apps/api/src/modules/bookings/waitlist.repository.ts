import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import type { WaitlistEntry, WaitlistStatus } from '@klasteris/contracts';
import { oid } from '../../common/object-id';
import { LeanWaitlist, WaitlistDoc } from './waitlist.schema';

export const toEntry = (d: LeanWaitlist): WaitlistEntry => ({
  id: d._id.toHexString(),
  resourceId: d.resourceId.toHexString(),
  start: d.start.toISOString(),
  end: d.end.toISOString(),
  units: d.units,
  purpose: d.purpose,
  status: d.status,
  offerBookingId: d.offerBookingId ? d.offerBookingId.toHexString() : null,
  offerExpiresAt: d.offerExpiresAt ? d.offerExpiresAt.toISOString() : null,
  createdAt: d.createdAt.toISOString(),
});

@Injectable()
export class WaitlistRepository {
  constructor(@InjectModel(WaitlistDoc.name) private readonly model: Model<WaitlistDoc>) {}

  async create(
    e: Omit<
      WaitlistDoc,
      'resourceId' | 'userId' | 'organisationId' | 'status' | 'version' | 'offerBookingId' | 'offerExpiresAt' | 'createdAt'
    > & { resourceId: string; userId: string; organisationId: string | null },
  ): Promise<LeanWaitlist> {
    const doc = await this.model.create({
      ...e,
      resourceId: oid(e.resourceId),
      userId: oid(e.userId),
      organisationId: e.organisationId ? oid(e.organisationId) : null,
      status: 'waiting',
      version: 0,
      createdAt: new Date(),
    });
    return doc.toObject() as LeanWaitlist;
  }

  findById(id: string): Promise<LeanWaitlist | null> {
    return this.model.findById(id).lean<LeanWaitlist>();
  }

  listForUser(userId: string, limit: number): Promise<LeanWaitlist[]> {
    return this.model
      .find({ userId: oid(userId), status: { $in: ['waiting', 'offered'] } })
      .sort({ createdAt: -1 })
      .limit(limit)
      .lean<LeanWaitlist[]>();
  }

  /** Waiting entries of a resource overlapping [start, end), first come first served. */
  waitingOverlapping(resourceId: string, start: Date, end: Date): Promise<LeanWaitlist[]> {
    return this.model
      .find({ resourceId: oid(resourceId), status: 'waiting', start: { $lt: end }, end: { $gt: start } })
      .sort({ createdAt: 1, _id: 1 })
      .limit(50)
      .lean<LeanWaitlist[]>();
  }

  /** Moves an entry between statuses: one conditional update, like BookingsRepository.transition. */
  transition(id: string, from: WaitlistStatus[], set: Partial<WaitlistDoc>): Promise<LeanWaitlist | null> {
    return this.model
      .findOneAndUpdate({ _id: oid(id), status: { $in: from } }, { $set: set, $inc: { version: 1 } }, { returnDocument: 'after' })
      .lean<LeanWaitlist>();
  }

  byOfferBooking(bookingId: Types.ObjectId): Promise<LeanWaitlist | null> {
    return this.model.findOne({ offerBookingId: bookingId }).lean<LeanWaitlist>();
  }
}
