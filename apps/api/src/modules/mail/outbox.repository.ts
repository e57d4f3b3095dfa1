import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, QueryFilter, Types } from 'mongoose';
import { MailStates, type MailKind, type MailState } from '@klasteris/contracts';
import { isDuplicateKeyError } from '../../common/duplicate-key';
import { oid } from '../../common/object-id';
import { decodeCursor } from '../../common/pagination';
import { LeanOutboxMail, MailSuppressionDoc, OutboxMailDoc } from './outbox-mail.schema';

export type NewOutboxMail = Omit<
  OutboxMailDoc,
  'attempts' | 'leaseOwner' | 'leaseUntil' | 'claim' | 'lastResponse' | 'sentAt' | 'createdAt' | 'updatedAt' | 'toUserId'
> & {
  _id: Types.ObjectId;
  toUserId: string | null;
  lastResponse?: string;
};

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The outbox collection. Every state change is conditional on the state (and lease) it starts from. */
@Injectable()
export class OutboxRepository {
  constructor(
    @InjectModel(OutboxMailDoc.name) private readonly model: Model<OutboxMailDoc>,
    @InjectModel(MailSuppressionDoc.name) private readonly suppressions: Model<MailSuppressionDoc>,
  ) {}

  /** Inserts the mail unless its key exists; returns the stored one and whether it is new. */
  async insertOnce(mail: NewOutboxMail): Promise<{ mail: LeanOutboxMail; created: boolean }> {
    try {
      const doc = await this.model.create({ ...mail, toUserId: mail.toUserId ? oid(mail.toUserId) : null });
      return { mail: doc.toObject() as LeanOutboxMail, created: true };
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      const existing = await this.model.findOne({ key: mail.key }).lean<LeanOutboxMail>();
      if (!existing) throw err;
      return { mail: existing, created: false };
    }
  }

  /**
   * Claims up to `limit` of the most overdue mails (due queued ones, or ones whose worker's lease ran
   * out) in three round trips whatever the limit: the candidates' ids; one conditional updateMany
   * that takes each of them only if it is still claimable (atomic per mail, so of two claimers each
   * mail goes to one) and stamps this claim's token; the mails that carry the token. A candidate
   * another worker took meanwhile is simply not among them.
   */
  async claimBatch(owner: string, leaseMs: number, limit: number, now = new Date()): Promise<LeanOutboxMail[]> {
    const claimable: QueryFilter<OutboxMailDoc> = {
      $or: [
        { state: 'queued', nextAttemptAt: { $lte: now } },
        { state: 'sending', leaseUntil: { $lte: now } },
      ],
    };
    const candidates = await this.model
      .find(claimable, { _id: 1 })
      .sort({ nextAttemptAt: 1 })
      .limit(limit)
      .lean<{ _id: Types.ObjectId }[]>();
    if (candidates.length === 0) return [];
    const ids = candidates.map((c) => c._id);
    const claim = `${owner}:${randomUUID()}`;
    const res = await this.model.updateMany(
      { _id: { $in: ids }, ...claimable },
      { $set: { state: 'sending', leaseOwner: owner, leaseUntil: new Date(now.getTime() + leaseMs), claim }, $inc: { attempts: 1 } },
    );
    if (res.modifiedCount === 0) return [];
    const won = await this.model.find({ _id: { $in: ids }, claim, state: 'sending' }).lean<LeanOutboxMail[]>();
    const order = new Map(ids.map((id, i) => [id.toHexString(), i]));
    return won.sort((a, b) => order.get(a._id.toHexString())! - order.get(b._id.toHexString())!);
  }

  /** Extends the lease of a claimed mail, only while this worker still holds it. */
  async renewLease(id: Types.ObjectId, owner: string, until: Date): Promise<boolean> {
    const res = await this.model.updateOne({ _id: id, state: 'sending', leaseOwner: owner }, { $set: { leaseUntil: until } });
    return res.modifiedCount === 1;
  }

  private async finish(id: Types.ObjectId, owner: string, set: Partial<OutboxMailDoc>): Promise<boolean> {
    const res = await this.model.updateOne(
      { _id: id, state: 'sending', leaseOwner: owner },
      { $set: { ...set, leaseOwner: null, leaseUntil: null, claim: null } },
    );
    return res.modifiedCount === 1;
  }

  markSent(id: Types.ObjectId, owner: string, response: string): Promise<boolean> {
    return this.finish(id, owner, { state: 'sent', sentAt: new Date(), lastResponse: response, nextAttemptAt: null });
  }

  markRetry(id: Types.ObjectId, owner: string, nextAttemptAt: Date, response: string): Promise<boolean> {
    return this.finish(id, owner, { state: 'queued', nextAttemptAt, lastResponse: response });
  }

  markFailed(id: Types.ObjectId, owner: string, response: string): Promise<boolean> {
    return this.finish(id, owner, { state: 'failed', nextAttemptAt: null, lastResponse: response });
  }

  /** A failed mail back to the queue, due now, with a fresh 24 h of retries. */
  async requeueFailed(id: string, giveUpAt: Date): Promise<LeanOutboxMail | null> {
    return this.model
      .findOneAndUpdate(
        { _id: oid(id), state: 'failed' },
        { $set: { state: 'queued', nextAttemptAt: new Date(), giveUpAt } },
        { returnDocument: 'after' },
      )
      .lean<LeanOutboxMail>();
  }

  findById(id: string): Promise<LeanOutboxMail | null> {
    return this.model.findById(oid(id)).lean<LeanOutboxMail>();
  }

  /** Newest first, keyset-paginated. */
  list(q: { state?: MailState; kind?: MailKind; q?: string; cursor?: string; limit: number }): Promise<LeanOutboxMail[]> {
    const filter: QueryFilter<OutboxMailDoc> = {};
    if (q.state) filter.state = q.state;
    if (q.kind) filter.kind = q.kind;
    if (q.q) filter.toEmail = { $regex: escapeRegex(q.q.toLowerCase()) };
    const after = decodeCursor(q.cursor);
    if (after) {
      const t = new Date(Number(after.k));
      filter.$or = [{ createdAt: { $lt: t } }, { createdAt: t, _id: { $lt: oid(after.id) } }];
    }
    return this.model
      .find(filter, { html: 0, attachments: 0 })
      .sort({ createdAt: -1, _id: -1 })
      .limit(q.limit + 1)
      .lean<LeanOutboxMail[]>();
  }

  async counts(): Promise<Record<MailState, number>> {
    const entries = await Promise.all(MailStates.map(async (s) => [s, await this.model.countDocuments({ state: s })] as const));
    return Object.fromEntries(entries) as Record<MailState, number>;
  }

  /** When the next queued mail is due (for the worker's sleep). */
  async nextDue(): Promise<Date | null> {
    const doc = await this.model
      .findOne({ state: 'queued' }, { nextAttemptAt: 1 })
      .sort({ nextAttemptAt: 1 })
      .lean<{ nextAttemptAt: Date | null }>();
    return doc?.nextAttemptAt ?? null;
  }

  async suppress(email: string, kind: MailKind): Promise<void> {
    await this.suppressions.updateOne({ email, kind }, { $setOnInsert: { email, kind } }, { upsert: true }).catch((err: unknown) => {
      if (!isDuplicateKeyError(err)) throw err;
    });
  }

  async unsuppress(email: string, kind: MailKind): Promise<void> {
    await this.suppressions.deleteOne({ email, kind });
  }

  async isSuppressed(email: string, kind: MailKind): Promise<boolean> {
    return (await this.suppressions.countDocuments({ email, kind })) > 0;
  }
}
