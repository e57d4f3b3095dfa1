import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { oid } from '../../common/object-id';
import { CalendarFeedDoc } from './calendar-feed.schema';

@Injectable()
export class CalendarFeedRepository {
  constructor(@InjectModel(CalendarFeedDoc.name) private readonly model: Model<CalendarFeedDoc>) {}

  /** Replaces the user's feed token: the old URL stops working at once. */
  async rotate(userId: string, tokenHash: string): Promise<void> {
    await this.model.deleteMany({ userId: oid(userId) });
    await this.model.create({ userId: oid(userId), tokenHash, createdAt: new Date() });
  }

  async revoke(userId: string): Promise<void> {
    await this.model.deleteMany({ userId: oid(userId) });
  }

  async userIdByHash(tokenHash: string): Promise<string | null> {
    const d = await this.model.findOne({ tokenHash }).lean<{ userId: Types.ObjectId }>();
    return d ? d.userId.toHexString() : null;
  }
}
