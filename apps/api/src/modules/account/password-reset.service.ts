import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import {
  ErrorCode,
  PASSWORD_RESET_PER_EMAIL,
  PASSWORD_RESET_PER_IP,
  PASSWORD_RESET_TTL_MINUTES,
  PASSWORD_RESET_WINDOW_MINUTES,
} from '@klasteris/contracts';
import { ApiException } from '../../common/api-exception';
import { hashPassword } from '../auth/passwords';
import { OutboxService } from '../mail/outbox.service';
import { SessionsService } from '../sessions/sessions.service';
import { UsersRepository } from '../users/users.repository';
import { AccountTokensRepository } from './account-tokens.repository';
import { hashToken } from './tokens';

const WINDOW_MS = PASSWORD_RESET_WINDOW_MINUTES * 60_000;
const keyOf = (s: string): string => createHash('sha256').update(s).digest('base64url').slice(0, 22);

/**
 * Password reset. A request answers the same for known and unknown addresses (both count against
 * the limits; only a known one gets a token and a mail). A token is stored hashed, works once
 * (one conditional update consumes it) and for PASSWORD_RESET_TTL_MINUTES; using it sets the
 * password, voids the person's other reset links and ends every session, which drops their sockets
 * (SessionsRevokedEvent → realtime).
 */
@Injectable()
export class PasswordResetService {
  private readonly logger = new Logger('PasswordReset');

  constructor(
    private readonly users: UsersRepository,
    private readonly tokens: AccountTokensRepository,
    private readonly sessions: SessionsService,
    private readonly outbox: OutboxService,
  ) {}

  async request(email: string, ip: string): Promise<void> {
    const perIp = await this.tokens.hit(`reset-ip:${keyOf(ip)}`, WINDOW_MS);
    if (perIp.count > PASSWORD_RESET_PER_IP) {
      const retryAfter = Math.max(1, Math.ceil((perIp.windowEnd.getTime() - Date.now()) / 1000));
      throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, ErrorCode.TooManyRequests, 'Too many password reset requests; try again later', {
        retryAfter,
      });
    }
    const perEmail = await this.tokens.hit(`reset-email:${keyOf(email)}`, WINDOW_MS);
    const user = await this.users.findByEmail(email);
    if (!user || user.status === 'disabled') return;
    if (perEmail.count > PASSWORD_RESET_PER_EMAIL) {
      this.logger.warn(
        `Password reset for user ${user.id}: more than ${PASSWORD_RESET_PER_EMAIL} requests in ${PASSWORD_RESET_WINDOW_MINUTES} min, no mail`,
      );
      return;
    }
    const { token, hash } = await this.tokens.issue('password_reset', user.id, PASSWORD_RESET_TTL_MINUTES * 60_000);
    await this.outbox.enqueue({
      kind: 'account.password_reset',
      key: hash,
      to: { email: user.email, name: user.displayName, userId: user.id },
      language: user.language,
      data: { token },
    });
  }

  async confirm(token: string, password: string): Promise<void> {
    const outcome = await this.tokens.consume(hashToken(token), 'password_reset');
    switch (outcome.kind) {
      case 'invalid':
        throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.ResetTokenInvalid, 'This password reset link is not valid');
      case 'used':
        throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.ResetTokenUsed, 'This password reset link was already used');
      case 'expired':
        throw new ApiException(
          HttpStatus.BAD_REQUEST,
          ErrorCode.ResetTokenExpired,
          'This password reset link has expired; ask for a new one',
        );
      case 'ok':
        break;
    }
    const userId = outcome.token.userId;
    await this.users.setPasswordHash(userId, await hashPassword(password));
    await this.tokens.voidOpen(userId, 'password_reset');
    await this.sessions.revokeAllForUser(userId, 'password-reset');
  }
}
