/**
 * Per-user token bucket: `burst` messages at once, refilled at `perSecond`. Pure and clock-injected
 * so it can be unit-tested. One instance per API node (a user's sockets on several nodes each get
 * their own bucket; shared limits arrive with the Redis work).
 */
export class SendRateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes a token; returns 0 when allowed, else the seconds to wait. */
  take(key: string): number {
    const t = this.now();
    const b = this.buckets.get(key) ?? { tokens: this.burst, at: t };
    const tokens = Math.min(this.burst, b.tokens + ((t - b.at) / 1000) * this.perSecond);
    if (tokens >= 1) {
      this.buckets.set(key, { tokens: tokens - 1, at: t });
      if (this.buckets.size > 10_000) this.sweep(t);
      return 0;
    }
    this.buckets.set(key, { tokens, at: t });
    return Math.max(0.001, (1 - tokens) / this.perSecond);
  }

  private sweep(t: number): void {
    for (const [k, b] of this.buckets) if (t - b.at > (this.burst / this.perSecond) * 1000) this.buckets.delete(k);
  }
}
