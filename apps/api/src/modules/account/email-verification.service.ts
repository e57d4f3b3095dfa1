import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { EMAIL_VERIFY_TTL_HOURS, ErrorCode } from '@klasteris/contracts';
import { ApiException } from '../../common/api-exception';
import { OutboxService } from '../mail/outbox.service';
import { UserRegisteredEvent } from '../users/users.events';
import { UsersRepository } from '../users/users.repository';
import { AccountTokensRepository } from './account-tokens.repository';
import { hashToken } from './tokens';

/**
 * E-mail verification at registration (production mode): the new address gets a single-use link
 * (EMAIL_VERIFY_TTL_HOURS, stored hashed); following it marks the address proven, which the people
 * who approve pending registrations see (`emailVerified`).
 */
@Injectable()
export class EmailVerificationService {
  private readonly logger = new Logger('EmailVerification');

  constructor(
    private readonly users: UsersRepository,
    private readonly tokens: AccountTokensRepository,
    private readonly outbox: OutboxService,
  ) {}

  @OnEvent(UserRegisteredEvent.event, { async: true, promisify: true })
  async onRegistered(e: UserRegisteredEvent): Promise<void> {
    // never fails the registration: without the mail, the person asks for a password reset or an admin approves
    await this.sendLink(e.userId).catch((err: unknown) =>
      this.logger.warn(`No verification mail for user ${e.userId}: ${(err as Error).message}`),
    );
  }

  private async sendLink(userId: string): Promise<void> {
    const user = await this.users.findById(userId);
    if (!user || user.emailVerifiedAt) return;
    const { token, hash } = await this.tokens.issue('email_verify', user.id, EMAIL_VERIFY_TTL_HOURS * 3_600_000);
    await this.outbox.enqueue({
      kind: 'account.verify_email',
      key: hash,
      to: { email: user.email, name: user.displayName, userId: user.id },
      language: user.language,
      data: { token },
    });
  }

  async verify(token: string): Promise<void> {
    const outcome = await this.tokens.consume(hashToken(token), 'email_verify');
    if (outcome.kind !== 'ok') {
      const message =
        outcome.kind === 'expired'
          ? 'This verification link has expired'
          : outcome.kind === 'used'
            ? 'This verification link was already used'
            : 'This verification link is not valid';
      throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.MailTokenInvalid, message);
    }
    await this.users.markEmailVerified(outcome.token.userId);
  }
}
