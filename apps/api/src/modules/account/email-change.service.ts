import { HttpStatus, Injectable } from '@nestjs/common';
import { EMAIL_CHANGE_TTL_HOURS, ErrorCode } from '@klasteris/contracts';
import { ApiException, notFound } from '../../common/api-exception';
import type { AuthUser } from '../../common/auth-user';
import { isDuplicateKeyError } from '../../common/duplicate-key';
import { verifyPassword } from '../auth/passwords';
import { OutboxService } from '../mail/outbox.service';
import { UsersRepository } from '../users/users.repository';
import { AccountTokensRepository } from './account-tokens.repository';
import { hashToken } from './tokens';

const emailTaken = (): ApiException =>
  new ApiException(HttpStatus.CONFLICT, ErrorCode.EmailTaken, 'An account with this e-mail already exists', {
    fields: [{ field: 'email', message: 'is already registered' }],
  });

/**
 * E-mail change: the person proves the password, the new address gets a single-use link
 * (EMAIL_CHANGE_TTL_HOURS); following it switches the address — unless another account took it
 * meanwhile (409, the unique index decides) — and the old address gets a notice.
 */
@Injectable()
export class EmailChangeService {
  constructor(
    private readonly users: UsersRepository,
    private readonly tokens: AccountTokensRepository,
    private readonly outbox: OutboxService,
  ) {}

  async request(me: AuthUser, email: string, password: string): Promise<void> {
    const user = await this.users.findById(me.id);
    if (!user) throw notFound('User');
    if (!(await verifyPassword(user.passwordHash, password))) {
      throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.WrongPassword, 'The password is not correct', {
        fields: [{ field: 'password', message: 'is not correct' }],
      });
    }
    if (email === user.email) {
      throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.ValidationFailed, 'This is already your address', {
        fields: [{ field: 'email', message: 'is your current address' }],
      });
    }
    if (await this.users.findByEmail(email)) throw emailTaken();
    const { token, hash } = await this.tokens.issue('email_change', user.id, EMAIL_CHANGE_TTL_HOURS * 3_600_000, email);
    await this.outbox.enqueue({
      kind: 'account.email_change',
      key: hash,
      to: { email, name: user.displayName, userId: user.id },
      language: user.language,
      data: { token, newEmail: email },
    });
  }

  async confirm(token: string): Promise<void> {
    const outcome = await this.tokens.consume(hashToken(token), 'email_change');
    if (outcome.kind !== 'ok' || !outcome.token.newEmail) {
      throw new ApiException(
        HttpStatus.BAD_REQUEST,
        ErrorCode.MailTokenInvalid,
        outcome.kind === 'expired'
          ? 'This confirmation link has expired'
          : outcome.kind === 'used'
            ? 'This confirmation link was already used'
            : 'This confirmation link is not valid',
      );
    }
    const before = await this.users.findById(outcome.token.userId);
    if (!before) throw notFound('User');
    const newEmail = outcome.token.newEmail;
    let after;
    try {
      after = await this.users.setEmail(before.id, newEmail);
    } catch (err) {
      if (isDuplicateKeyError(err)) throw emailTaken();
      throw err;
    }
    if (!after) throw notFound('User');
    await this.tokens.voidOpen(before.id, 'email_change');
    await this.outbox.enqueue({
      kind: 'account.email_changed_notice',
      key: hashToken(token),
      to: { email: before.email, name: before.displayName, userId: before.id },
      language: before.language,
      data: { newEmail },
    });
  }
}
