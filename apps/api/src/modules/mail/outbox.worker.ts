import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { ClusterLeaseService } from '../leases/cluster-lease.service';
import { afterFailure } from './delivery-policy';
import { MailTransportService } from './mail-transport.service';
import type { LeanOutboxMail } from './outbox-mail.schema';
import { OutboxRepository } from './outbox.repository';
import { OutboxWakeup } from './outbox-wakeup';

export const OUTBOX_LEASE = 'mail-outbox';
/** Mails claimed at once per SMTP connection (MAIL_CONCURRENCY). */
const BATCH_PER_CONNECTION = 8;

/**
 * Delivers the outbox. The promises, and where each is kept:
 * - **Once per cluster.** Only the node holding the `mail-outbox` cluster lease works the queue
 *   (ClusterLeaseService); another node takes over when the holder stops renewing it.
 * - **Each mail by one worker.** Mails are claimed in batches (up to 8 per SMTP connection) by one
 *   conditional update (`queued` and due, or `sending` with an expired lease → `sending` under this
 *   node's lease and this claim's token), atomic per mail; every later state change is conditional
 *   on still holding that lease, so a worker that lost it cannot overwrite. Three round trips claim
 *   a whole batch (OutboxRepository.claimBatch) where one claim per mail used to cost one each.
 * - **Leases outlive the send.** A mail whose lease has less than two thirds left when its turn in
 *   the batch comes is renewed first (conditionally; if that fails, another worker has it and this
 *   one leaves it alone), so a slow batch cannot let a lease run out under a send in progress.
 * - **Nothing lost.** A kill -9 between claim and send leaves the mail `sending` with a lease
 *   that runs out (MAIL_LEASE_SECONDS); it is then claimed and sent again. SMTP timeouts are a third
 *   of the lease, so a live worker finishes (or fails) a send before its lease can run out.
 * - **Not twice.** The mail carries its stable Message-ID on every attempt. The only way to send it
 *   twice is a crash in the instant between the SMTP server's "250 OK" and the write that marks it
 *   sent; receivers (and Mailpit) see the same Message-ID then.
 * - **Retries.** Temporary failures back off exponentially for 24 h; 5xx answers fail at once
 *   (delivery-policy.ts). Admins see the SMTP answer and can retry a failed mail.
 */
@Injectable()
export class OutboxWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Outbox');
  private timer: NodeJS.Timeout | null = null;
  private active: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private leaseRenewedAt = 0;

  constructor(
    private readonly repo: OutboxRepository,
    private readonly transport: MailTransportService,
    private readonly leases: ClusterLeaseService,
    private readonly config: AppConfig,
    wakeup: OutboxWakeup,
  ) {
    wakeup.onWake(() => this.kick());
  }

  private get leaseTtlMs(): number {
    return Math.max(5000, this.config.mail.pollMs * 5);
  }

  onApplicationBootstrap(): void {
    if (!this.transport.enabled) return;
    this.schedule(0);
  }

  /** Run a pass now (a mail was queued on this node). */
  kick(): void {
    if (this.stopped || !this.transport.enabled) return;
    if (this.active) {
      this.again = true;
      return;
    }
    this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.active = this.pass().finally(() => {
        this.active = null;
        const soon = this.again;
        this.again = false;
        this.schedule(soon ? 0 : this.config.mail.pollMs);
      });
    }, ms);
  }

  private async pass(): Promise<void> {
    try {
      if (!(await this.leases.hold(OUTBOX_LEASE, this.leaseTtlMs))) return;
      this.leaseRenewedAt = Date.now();
      await this.drain();
    } catch (err) {
      this.logger.warn(`Outbox pass failed (will retry): ${(err as Error).message}`);
    }
  }

  /** Keeps the cluster lease fresh; false when another node holds it now. */
  private async stillHolding(): Promise<boolean> {
    if (Date.now() - this.leaseRenewedAt <= this.leaseTtlMs / 2) return true;
    if (!(await this.leases.hold(OUTBOX_LEASE, this.leaseTtlMs))) return false;
    this.leaseRenewedAt = Date.now();
    return true;
  }

  /** Claims due mails a batch at a time and delivers each batch over `concurrency` connections, until none is due (or the node stops). */
  private async drain(): Promise<void> {
    const concurrency = this.config.mail.concurrency;
    const leaseMs = this.config.mail.leaseSeconds * 1000;
    while (!this.stopped) {
      if (!(await this.stillHolding())) return;
      const batch = await this.repo.claimBatch(this.leases.nodeId, leaseMs, concurrency * BATCH_PER_CONNECTION);
      if (batch.length === 0) return;
      let next = 0;
      let lost = false;
      await Promise.all(
        Array.from({ length: Math.min(concurrency, batch.length) }, async () => {
          for (let i = next++; i < batch.length && !this.stopped && !lost; i = next++) {
            if (!(await this.stillHolding())) {
              // another node works the queue now: what is left of the batch goes back when its leases run out
              lost = true;
              return;
            }
            await this.deliverLeased(batch[i]!, leaseMs);
          }
        }),
      );
      if (lost) return;
    }
  }

  /** Sends a claimed mail, first renewing its lease if its turn came late in the batch. */
  private async deliverLeased(mail: LeanOutboxMail, leaseMs: number): Promise<void> {
    const now = Date.now();
    if ((mail.leaseUntil?.getTime() ?? 0) - now < (leaseMs * 2) / 3) {
      if (!(await this.repo.renewLease(mail._id, this.leases.nodeId, new Date(now + leaseMs)))) return;
    }
    await this.deliver(mail);
  }

  private async deliver(mail: LeanOutboxMail): Promise<void> {
    const owner = this.leases.nodeId;
    const result = await this.transport.send(mail);
    if (result.ok) {
      await this.repo.markSent(mail._id, owner, result.response);
      return;
    }
    const outcome = afterFailure(result, mail.attempts, mail.giveUpAt, this.config.mail.retryBaseSeconds * 1000);
    if (outcome.state === 'failed') {
      this.logger.warn(`Mail ${mail._id.toHexString()} (${mail.kind}) to ${mail.toEmail} failed: ${outcome.response}`);
      await this.repo.markFailed(mail._id, owner, outcome.response);
    } else {
      await this.repo.markRetry(mail._id, owner, outcome.nextAttemptAt, outcome.response);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.active) await Promise.race([this.active, new Promise((ok) => setTimeout(ok, 10_000))]);
    await this.leases.release(OUTBOX_LEASE).catch(() => undefined);
  }
}
