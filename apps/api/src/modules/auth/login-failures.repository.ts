import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { LoginFailureDoc } from './login-failure.schema';

@Injectable()
export class LoginFailuresRepository {
  constructor(@InjectModel(LoginFailureDoc.name) private readonly model: Model<LoginFailureDoc>) {}

  /** The latest lock among these keys that is still running, if any (one round trip). */
  async lockedUntilAny(keys: string[], now: Date): Promise<Date | null> {
    const docs = await this.model.find({ _id: { $in: keys }, lockedUntil: { $gt: now } }).lean<LoginFailureDoc[]>();
    const ends = docs.map((d) => d.lockedUntil?.getTime() ?? 0);
    return ends.length > 0 ? new Date(Math.max(...ends)) : null;
  }

  /** Counts one failure in the window starting at the first failure; locks at `max`. */
  async recordFailure(key: string, now: Date, windowMs: number, max: number, lockMs: number): Promise<void> {
    await this.model.deleteOne({
      _id: key,
      firstAt: { $lt: new Date(now.getTime() - windowMs) },
      $or: [{ lockedUntil: null }, { lockedUntil: { $lt: now } }],
    });
    const d = await this.model
      .findOneAndUpdate(
        { _id: key },
        { $inc: { count: 1 }, $setOnInsert: { firstAt: now, lockedUntil: null } },
        { upsert: true, returnDocument: 'after' },
      )
      .lean<LoginFailureDoc>();
    if (d && d.count >= max && !(d.lockedUntil && d.lockedUntil > now)) {
      await this.model.updateOne({ _id: key }, { $set: { lockedUntil: new Date(now.getTime() + lockMs) } });
    }
  }

  async clear(key: string): Promise<void> {
    await this.model.deleteOne({ _id: key });
  }

  async purge(before: Date, now: Date): Promise<void> {
    await this.model.deleteMany({ firstAt: { $lt: before }, $or: [{ lockedUntil: null }, { lockedUntil: { $lt: now } }] });
  }
}
