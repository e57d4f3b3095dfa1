/**
 * The digest's timing rules as a pure function (unit-tested):
 * - it goes once the oldest unread, not yet reported item has stayed unread for the person's delay,
 *   and then reports every such item still unread (also the younger ones: one digest, not a trickle);
 * - at most one digest per delay window: never sooner than `delay` after the last one;
 * - quiet hours defer it to their end (the caller passes `quietEnd`).
 */
export interface PlanInput {
  now: Date;
  delayMs: number;
  lastSentAt: Date | null;
  /** when the quiet hours now in force end; null when not quiet */
  quietEnd: Date | null;
  /** creation times of the unread, not yet reported items the person wants by e-mail */
  items: Date[];
}

export type Plan = { send: false; nextDueAt: Date | null } | { send: true };

export function planDigest(p: PlanInput): Plan {
  if (p.items.length === 0) return { send: false, nextDueAt: null };
  const oldest = Math.min(...p.items.map((d) => d.getTime()));
  const windowOpens = p.lastSentAt ? p.lastSentAt.getTime() + p.delayMs : -Infinity;
  const earliest = Math.max(oldest + p.delayMs, windowOpens, p.quietEnd ? p.quietEnd.getTime() : -Infinity);
  return earliest > p.now.getTime() ? { send: false, nextDueAt: new Date(earliest) } : { send: true };
}
