import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { isDuplicateKeyError } from '../../common/duplicate-key';
import { LeaseDoc } from './lease.schema';

/**
 * "Once per cluster" for scheduled work. A job runs on the node that holds its lease, a document
 * `{ _id: job, owner, until }` in the shared database. Holding it is one conditional upsert:
 * it matches when this node already owns the lease or the lease has run out; when another node
 * holds a live lease the filter matches nothing, the upsert tries to insert `_id: job` again and
 * the unique `_id` refuses it — so at any moment at most one node wins. The holder renews it every
 * time it runs the job; if it dies, another node takes over once `until` has passed.
 */
@Injectable()
export class ClusterLeaseService {
  /** This process's identity in lease documents. */
  readonly nodeId = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;

  constructor(@InjectModel(LeaseDoc.name) private readonly model: Model<LeaseDoc>) {}

  /** Takes or renews the lease `job` for `ttlMs`; true when this node holds it now. */
  async hold(job: string, ttlMs: number): Promise<boolean> {
    const now = new Date();
    try {
      const doc = await this.model
        .findOneAndUpdate(
          { _id: job, $or: [{ owner: this.nodeId }, { until: { $lte: now } }] },
          { $set: { owner: this.nodeId, until: new Date(now.getTime() + ttlMs) } },
          { upsert: true, returnDocument: 'after' },
        )
        .lean<LeaseDoc>();
      return doc?.owner === this.nodeId;
    } catch (err) {
      if (isDuplicateKeyError(err)) return false;
      throw err;
    }
  }

  /** Gives the lease up (on shutdown), so another node need not wait for it to run out. */
  async release(job: string): Promise<void> {
    await this.model.updateOne({ _id: job, owner: this.nodeId }, { $set: { until: new Date(0) } });
  }

  /**
   * Runs `fn` only on the node holding `job`'s lease (renewed for `ttlMs`); elsewhere does nothing.
   * For @Cron/@Interval methods: `return this.leases.runExclusive('sessions-purge', 10 * 60_000, () => …)`.
   */
  async runExclusive(job: string, ttlMs: number, fn: () => Promise<void>): Promise<boolean> {
    if (!(await this.hold(job, ttlMs))) return false;
    await fn();
    return true;
  }

  async holder(job: string): Promise<{ owner: string; until: Date } | null> {
    const doc = await this.model.findById(job).lean<LeaseDoc>();
    return doc && doc.until > new Date() ? { owner: doc.owner, until: doc.until } : null;
  }
}
