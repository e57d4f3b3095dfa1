import { Controller, Get, HttpStatus, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckResult,
  HealthCheckService,
  HealthIndicatorResult,
  HealthIndicatorService,
  MongooseHealthIndicator,
} from '@nestjs/terminus';
import { ErrorCode } from '@klasteris/contracts';
import { ApiException } from '../../common/api-exception';
import { ApiErrors } from '../../common/api-docs';
import { Public } from '../../common/auth.decorators';
import { RedisStatus } from '../../realtime/redis-health';
import { OutboxService } from '../mail/outbox.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly mongo: MongooseHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly redis: RedisStatus,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * 200 `{ status: "ok" }` when the database (and Redis, if used) answers within 1.5 s; otherwise 503
   * in the error shape, naming what is down (`details.checks`: each check with its status).
   */
  @Public()
  @Get()
  // terminus documents its own 503 shape; ours is the error body (details.checks)
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiErrors(503)
  async check(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([
        () => this.mongo.pingCheck('database', { timeout: 1500 }),
        ...(this.redis.enabled ? [() => this.redisCheck()] : []),
        () => this.mailCheck(),
      ]);
    } catch (err) {
      if (!(err instanceof ServiceUnavailableException)) throw err;
      const checks = (err.getResponse() as Partial<HealthCheckResult>).details ?? {};
      const down = Object.entries(checks)
        .filter(([, c]) => c.status !== 'up')
        .map(([name, c]) => (typeof c['message'] === 'string' ? `${name}: ${c['message']}` : `${name} is down`));
      throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.ServiceUnavailable, down.join('; ') || 'Service unavailable', {
        checks,
      });
    }
  }

  /**
   * The mailer: its mode (smtp, mailpit, disabled), where mail goes and the outbox's backlog. Down
   * only when mail should be sent and cannot be (no transport); an SMTP server that is away for a
   * while is the outbox's business (mails wait and go later), not a reason to take the node out.
   */
  private async mailCheck(): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check('mail');
    const s = await this.outbox.health();
    return s.up ? indicator.up(s) : indicator.down(s);
  }

  private async redisCheck(): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check('redis');
    return (await this.redis.up())
      ? indicator.up()
      : indicator.down({ message: 'Redis does not answer: realtime events reach only this node' });
  }
}
