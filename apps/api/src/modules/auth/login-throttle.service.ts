import { HttpStatus, Injectable } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { ErrorCode } from '@klasteris/contracts';
import { ApiException } from '../../common/api-exception';
import { AppConfig } from '../../config/app-config';
import { LoginFailuresRepository } from './login-failures.repository';

interface Counter {
  key: string;
  max: number;
}

/**
 * Slows password guessing. Failed sign-ins are counted in three ways within LOGIN_LOCK_SECONDS:
 * for one e-mail from one address (LOGIN_MAX_FAILURES), for one account from every address
 * together (LOGIN_MAX_FAILURES_PER_ACCOUNT: a guesser spread over many addresses) and from one
 * address over every account (LOGIN_MAX_FAILURES_PER_ADDRESS: password spraying). Reaching any of
 * them answers 429 TOO_MANY_REQUESTS with `retryAfter` until that lock passes — a pause, never a
 * permanent lockout, and the owner can always reset the password by mail. A success clears the
 * first two counts, never the address count (an attacker's own account must not reset it). The
 * address is the connection's, or the proxy's X-Forwarded-For only where TRUST_PROXY says so.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    private readonly repo: LoginFailuresRepository,
    private readonly config: AppConfig,
  ) {}

  private counters(email: string, ip: string): { pair: Counter; account: Counter; address: Counter } {
    const e = email.toLowerCase();
    return {
      pair: { key: `${e}|${ip}`, max: this.config.loginMaxFailures },
      account: { key: `account|${e}`, max: this.config.loginMaxFailuresPerAccount },
      address: { key: `address|${ip}`, max: this.config.loginMaxFailuresPerAddress },
    };
  }

  async assertAllowed(email: string, ip: string): Promise<void> {
    const now = new Date();
    const c = this.counters(email, ip);
    const until = await this.repo.lockedUntilAny([c.pair.key, c.account.key, c.address.key], now);
    if (until) {
      const retryAfter = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
      throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, ErrorCode.TooManyRequests, 'Too many failed sign-in attempts; try again later', {
        retryAfter,
      });
    }
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    const ms = this.config.loginLockSeconds * 1000;
    const now = new Date();
    const c = this.counters(email, ip);
    await Promise.all([c.pair, c.account, c.address].map((x) => this.repo.recordFailure(x.key, now, ms, x.max, ms)));
  }

  async recordSuccess(email: string, ip: string): Promise<void> {
    const c = this.counters(email, ip);
    await Promise.all([this.repo.clear(c.pair.key), this.repo.clear(c.account.key)]);
  }

  @Cron(CronExpression.EVERY_10_MINUTES)
  async purge(): Promise<void> {
    const now = new Date();
    await this.repo.purge(new Date(now.getTime() - this.config.loginLockSeconds * 1000), now);
  }
}
