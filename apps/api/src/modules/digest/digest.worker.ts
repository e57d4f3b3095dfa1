import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { ClusterLeaseService } from '../leases/cluster-lease.service';
import { DigestService } from './digest.service';

export const DIGEST_LEASE = 'chat-digest';

/** Runs the digest passes every DIGEST_POLL_MS on the one node holding the `chat-digest` lease. */
@Injectable()
export class DigestWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Digest');
  private timer: NodeJS.Timeout | null = null;
  private active: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly digests: DigestService,
    private readonly leases: ClusterLeaseService,
    private readonly config: AppConfig,
  ) {}

  private get pollMs(): number {
    return this.config.mail.digestPollMs;
  }

  onApplicationBootstrap(): void {
    this.schedule();
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.active = this.leases
        .runExclusive(DIGEST_LEASE, Math.max(10_000, this.pollMs * 5), () => this.digests.runDue())
        .then(() => undefined)
        .catch((err: unknown) => this.logger.warn(`Digest pass failed (will retry): ${(err as Error).message}`))
        .finally(() => {
          this.active = null;
          this.schedule();
        });
    }, this.pollMs);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.active) await Promise.race([this.active, new Promise((ok) => setTimeout(ok, 10_000))]);
    await this.leases.release(DIGEST_LEASE).catch(() => undefined);
  }
}
