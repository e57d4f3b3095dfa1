import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { isDuplicateKeyError } from '../../common/duplicate-key';
import { oid } from '../../common/object-id';
import { DigestState, DigestStateDoc } from './digest-state.schema';

type Lean = DigestStateDoc & { _id: Types.ObjectId };
const toState = (d: Lean): DigestState => ({
  userId: d.userId.toHexString(),
  dueAt: d.dueAt ?? null,
  lastSentAt: d.lastSentAt ?? null,
  round: d.round ?? 0,
  bumps: d.bumps ?? 0,
  reportedUpTo: d.reportedUpTo ?? null,
});

@Injectable()
export class DigestRepository {
  constructor(@InjectModel(DigestStateDoc.name) private readonly model: Model<DigestStateDoc>) {}

  /** Something waits for this person: due no later than `at`. */
  async schedule(userId: string, at: Date): Promise<void> {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await this.model.updateOne({ userId: oid(userId) }, { $min: { dueAt: at }, $inc: { bumps: 1 } }, { upsert: true });
        return;
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err; // two first messages at once: the other inserted it
      }
    }
  }

  async due(now: Date, limit: number): Promise<DigestState[]> {
    return (
      await this.model
        .find({ dueAt: { $lte: now } })
        .sort({ dueAt: 1 })
        .limit(limit)
        .lean<Lean[]>()
    ).map(toState);
  }

  async get(userId: string): Promise<DigestState | null> {
    const d = await this.model.findOne({ userId: oid(userId) }).lean<Lean>();
    return d ? toState(d) : null;
  }

  /**
   * Records the outcome of a pass over `s`: a digest sent (next round) and when to look again
   * (null: nothing waits). When a new message bumped the schedule meanwhile, the due time is left
   * as the new message set it, so the next pass looks at it again.
   */
  async settle(s: DigestState, outcome: { sentAt: Date | null; reportedUpTo?: Date; nextDueAt: Date | null }): Promise<void> {
    const sent = outcome.sentAt
      ? { lastSentAt: outcome.sentAt, round: s.round + 1, reportedUpTo: outcome.reportedUpTo ?? s.reportedUpTo }
      : {};
    const filter = { userId: oid(s.userId), round: s.round };
    const update = outcome.nextDueAt
      ? { $set: { ...sent, dueAt: outcome.nextDueAt } }
      : { ...(outcome.sentAt ? { $set: sent } : {}), $unset: { dueAt: 1 } };
    const res = await this.model.updateOne({ ...filter, bumps: s.bumps }, update);
    if (res.matchedCount === 0 && outcome.sentAt) await this.model.updateOne(filter, { $set: sent });
  }
}
