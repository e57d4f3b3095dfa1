import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { isDuplicateKeyError } from '../../common/duplicate-key';
import { oid } from '../../common/object-id';
import { AccountTokenDoc, RateCounterDoc, type AccountTokenKind } from './account-token.schema';
import { hashToken, newToken } from './tokens';

export interface AccountToken {
  hash: string;
  kind: AccountTokenKind;
  userId: string;
  newEmail: string | null;
  expiresAt: Date;
  usedAt: Date | null;
}

type LeanToken = Omit<AccountTokenDoc, 'userId'> & { userId: Types.ObjectId };
const toToken = (d: LeanToken): AccountToken => ({
  hash: d._id,
  kind: d.kind,
  userId: d.userId.toHexString(),
  newEmail: d.newEmail,
  expiresAt: d.expiresAt,
  usedAt: d.usedAt,
});

export type ConsumeOutcome = { kind: 'ok'; token: AccountToken } | { kind: 'invalid' } | { kind: 'used' } | { kind: 'expired' };

@Injectable()
export class AccountTokensRepository {
  constructor(
    @InjectModel(AccountTokenDoc.name) private readonly tokens: Model<AccountTokenDoc>,
    @InjectModel(RateCounterDoc.name) private readonly counters: Model<RateCounterDoc>,
  ) {}

  /** A new single-use link token for a person: stored as its hash, handed back once for the mail. */
  async issue(kind: AccountTokenKind, userId: string, ttlMs: number, newEmail?: string): Promise<{ token: string; hash: string }> {
    const token = newToken();
    const hash = hashToken(token);
    await this.create({ hash, kind, userId, newEmail, ttlMs });
    return { token, hash };
  }

  async create(t: { hash: string; kind: AccountTokenKind; userId: string; newEmail?: string; ttlMs: number }): Promise<void> {
    const now = new Date();
    await this.tokens.create({
      _id: t.hash,
      kind: t.kind,
      userId: oid(t.userId),
      newEmail: t.newEmail ?? null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + t.ttlMs),
      usedAt: null,
    });
  }

  /** Marks the token used in one conditional update; only one caller ever gets `ok`. */
  async consume(hash: string, kind: AccountTokenKind): Promise<ConsumeOutcome> {
    const now = new Date();
    const d = await this.tokens
      .findOneAndUpdate({ _id: hash, kind, usedAt: null, expiresAt: { $gt: now } }, { $set: { usedAt: now } }, { returnDocument: 'after' })
      .lean<LeanToken>();
    if (d) return { kind: 'ok', token: toToken(d) };
    const existing = await this.tokens.findOne({ _id: hash, kind }).lean<LeanToken>();
    if (!existing) return { kind: 'invalid' };
    return existing.usedAt ? { kind: 'used' } : { kind: 'expired' };
  }

  /** Every other open token of that kind stops working (a new password makes older reset links void). */
  async voidOpen(userId: string, kind: AccountTokenKind): Promise<void> {
    await this.tokens.updateMany({ userId: oid(userId), kind, usedAt: null }, { $set: { usedAt: new Date() } });
  }

  async purgeOld(): Promise<void> {
    const dayAgo = new Date(Date.now() - 86_400_000);
    await this.tokens.deleteMany({ expiresAt: { $lt: dayAgo } });
    await this.counters.deleteMany({ windowEnd: { $lt: new Date() } });
  }

  /** Counts one event in the fixed window of `windowMs` that contains now; returns the count and the window's end. */
  async hit(key: string, windowMs: number): Promise<{ count: number; windowEnd: Date }> {
    const start = Math.floor(Date.now() / windowMs) * windowMs;
    const windowEnd = new Date(start + windowMs);
    const _id = `${key}:${start}`;
    for (let attempt = 0; ; attempt++) {
      try {
        const d = await this.counters
          .findOneAndUpdate({ _id }, { $inc: { count: 1 }, $setOnInsert: { windowEnd } }, { upsert: true, returnDocument: 'after' })
          .lean<RateCounterDoc>();
        return { count: d?.count ?? 1, windowEnd };
      } catch (err) {
        // two first hits raced on the upsert: the loser increments the winner's document
        if (!isDuplicateKeyError(err) || attempt > 2) throw err;
      }
    }
  }
}
