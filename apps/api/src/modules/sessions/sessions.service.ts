import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { Cron, CronExpression } from '@nestjs/schedule';
import { createHash, randomBytes } from 'node:crypto';
import { Types } from 'mongoose';
import { AppConfig } from '../../config/app-config';
import { isObjectId } from '../../common/object-id';
import type { SessionRecord } from './session.schema';
import { SessionsRepository } from './sessions.repository';
import { SessionsRevokedEvent } from './sessions.events';

const ROTATION_GRACE_MS = 10_000;
const sha256 = (s: string): string => createHash('sha256').update(s).digest('base64url');

export type RefreshOutcome =
  | { kind: 'rotated'; session: SessionRecord; refreshToken: string }
  | { kind: 'invalid' }
  | { kind: 'raced' }
  | { kind: 'reused'; sessionId: string };

@Injectable()
export class SessionsService {
  private readonly logger = new Logger('Sessions');

  constructor(
    private readonly repo: SessionsRepository,
    private readonly config: AppConfig,
    private readonly events: EventEmitter2,
  ) {}

  private expiry(): Date {
    return new Date(Date.now() + this.config.refreshTokenTtlDays * 86_400_000);
  }

  async open(
    userId: string,
    meta: { userAgent: string | null; ip: string | null },
  ): Promise<{ session: SessionRecord; refreshToken: string }> {
    const id = new Types.ObjectId().toHexString();
    const secret = randomBytes(32).toString('base64url');
    const session = await this.repo.create({ id, userId, refreshHash: sha256(secret), expiresAt: this.expiry(), ...meta });
    return { session, refreshToken: `${id}.${secret}` };
  }

  findLive(id: string): Promise<SessionRecord | null> {
    return this.repo.findLive(id);
  }

  /**
   * Rotates a refresh token. A token whose session exists but whose secret is not the current one
   * is a replay of an already-used token: the whole session is revoked (unless it was rotated a
   * moment ago by a concurrent request of the same client, which is refused without revoking).
   */
  async refresh(token: string): Promise<RefreshOutcome> {
    const [id, secret, ...rest] = token.split('.');
    if (!id || !secret || rest.length > 0 || !isObjectId(id) || secret.length > 100) return { kind: 'invalid' };
    const presented = sha256(secret);
    const nextSecret = randomBytes(32).toString('base64url');
    const session = await this.repo.rotate(id, presented, sha256(nextSecret), this.expiry());
    if (session) return { kind: 'rotated', session, refreshToken: `${id}.${nextSecret}` };
    if (!(await this.repo.exists(id))) return { kind: 'invalid' };
    if (await this.repo.isRecentlyRotated(id, presented, ROTATION_GRACE_MS)) return { kind: 'raced' };
    const revoked = await this.repo.revoke(id, 'refresh-token-reuse');
    if (revoked) {
      this.logger.warn(`Refresh token reuse on session ${id}: session revoked`);
      this.events.emit(SessionsRevokedEvent.event, new SessionsRevokedEvent(revoked.userId, [id], 'refresh-token-reuse'));
    }
    return { kind: 'reused', sessionId: id };
  }

  async revoke(id: string, reason: string): Promise<void> {
    const s = await this.repo.revoke(id, reason);
    if (s) this.events.emit(SessionsRevokedEvent.event, new SessionsRevokedEvent(s.userId, [id], reason));
  }

  async revokeAllForUser(userId: string, reason: string, keepId?: string): Promise<void> {
    const ids = await this.repo.revokeAllForUser(userId, reason, keepId);
    if (ids.length > 0) this.events.emit(SessionsRevokedEvent.event, new SessionsRevokedEvent(userId, ids, reason));
  }

  @Cron(CronExpression.EVERY_HOUR)
  async purgeOld(): Promise<void> {
    const n = await this.repo.purge(new Date(Date.now() - 7 * 86_400_000));
    if (n > 0) this.logger.log(`Purged ${n} old sessions`);
  }
}
