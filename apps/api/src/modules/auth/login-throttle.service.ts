import { HttpStatus, Injectable } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { ErrorCode } from '@klasteris/contracts';
import { ApiException } from '../../common/api-exception';
import { AppConfig } from '../../config/app-config';
import { LoginFailuresRepository } from './login-failures.repository';

/**
 * Slows password guessing: after LOGIN_MAX_FAILURES failures for one e-mail from one address
 * within LOGIN_LOCK_SECONDS, sign-in answers 429 TOO_MANY_REQUESTS with `retryAfter` until the
 * lock passes. A success clears the count. Keyed per address so nobody can lock others out.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    private readonly repo: LoginFailuresRepository,
    private readonly config: AppConfig,
  ) {}

  private key(email: string, ip: string): string {
    return `${email.toLowerCase()}|${ip}`;
  }

  async assertAllowed(email: string, ip: string): Promise<void> {
    const now = new Date();
    const until = await this.repo.lockedUntil(this.key(email, ip), now);
    if (until) {
      const retryAfter = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
      throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, ErrorCode.TooManyRequests, 'Too many failed sign-in attempts; try again later', { retryAfter });
    }
  }

  recordFailure(email: string, ip: string): Promise<void> {
    const ms = this.config.loginLockSeconds * 1000;
    return this.repo.recordFailure(this.key(email, ip), new Date(), ms, this.config.loginMaxFailures, ms);
  }

  recordSuccess(email: string, ip: string): Promise<void> {
    return this.repo.clear(this.key(email, ip));
  }

  @Cron(CronExpression.EVERY_10_MINUTES)
  async purge(): Promise<void> {
    const now = new Date();
    await this.repo.purge(new Date(now.getTime() - this.config.loginLockSeconds * 1000), now);
  }
}
