import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService, HealthIndicatorResult, HealthIndicatorService, MongooseHealthIndicator } from '@nestjs/terminus';
import { Public } from '../../common/auth.decorators';
import { RedisStatus } from '../../realtime/redis-health';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly mongo: MongooseHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly redis: RedisStatus,
  ) {}

  /** 200 `{ status: "ok" }` when the database (and Redis, if used) answers within 1.5 s; 503 otherwise. */
  @Public()
  @Get()
  @HealthCheck()
  check(): Promise<HealthCheckResult> {
    return this.health.check([() => this.mongo.pingCheck('database', { timeout: 1500 }), ...(this.redis.enabled ? [() => this.redisCheck()] : [])]);
  }

  private async redisCheck(): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check('redis');
    return (await this.redis.up()) ? indicator.up() : indicator.down({ message: 'Redis does not answer: realtime events reach only this node' });
  }
}
