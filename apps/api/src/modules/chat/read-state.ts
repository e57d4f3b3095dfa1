/**
 * Unread and mention counts without counting messages (issue 15): O(1) per channel from what the
 * channel and the member keep.
 *
 * Every root message (not a thread reply) gets an `ord` when its seq is reserved: the channel's
 * `roots` counter, taken in the same atomic $inc as the seq, so ords follow seqs. The watermark step
 * carries the ord of the last committed seq into the channel's `committedRoots` (C). A member keeps
 * `readRoots` (r): the ord at their read position, moved with it — by `channel:read`, and by their own
 * send (the membership check of the send moves both, so one's own messages never count).
 *
 *   unread   = C − r − |holes in (r, C]|
 *   mentions = |{ o ∈ mentionOrds : r < o ≤ C, o not a hole }|
 *
 * Holes are reserved root ords that do not count: a deleted root message, a reservation given up as a
 * void (a resend of a stored message, a sender who is no member any more), a reservation whose writer
 * died (found by the watermark step: the ords it passes jump). They are few, kept per channel
 * (ChannelHoleDoc) and looked up only when the channel's `holeMax` is above the reader's r.
 * `mentionOrds` is filled when a root message mentions the member (rare; @channel: every member).
 */
export interface ReadPosition {
  readRoots: number;
  mentionOrds: readonly number[];
}

export interface Counts {
  unread: number;
  mentions: number;
}

/** Whether the holes of this channel may matter to this reader (else no lookup is needed). */
export function holesMatter(r: number, committedRoots: number, holeMax: number): boolean {
  return holeMax > r && committedRoots > r;
}

export function countsOf(me: ReadPosition, committedRoots: number, holes: readonly number[] = []): Counts {
  const r = me.readRoots;
  const C = committedRoots;
  if (C <= r) return { unread: 0, mentions: 0 };
  const skip = new Set(holes.filter((o) => o > r && o <= C));
  const mentioned = new Set(me.mentionOrds.filter((o) => o > r && o <= C && !skip.has(o)));
  return { unread: Math.max(0, C - r - skip.size), mentions: mentioned.size };
}

/**
 * The ords a watermark step reveals as holes: passing a seq whose reservation had `ord` (and counted
 * itself when `root`), with the channel at `before` until then, every ord in between was reserved by
 * writers that never wrote (their seqs were voided without an ord).
 */
export function skippedOrds(before: number, ord: number, root: boolean): number[] {
  const out: number[] = [];
  for (let o = before + 1; o <= ord - (root ? 1 : 0); o++) out.push(o);
  return out;
}
