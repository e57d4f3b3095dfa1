import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

/**
 * Ordering keys for cards and columns: fractional-indexing strings (base 62) that sort with plain
 * string comparison, so a move writes only the moved item. Repeated inserts at one spot make keys
 * longer (about one character per six inserts); past REBALANCE_LENGTH the column is re-spaced.
 */
export const REBALANCE_LENGTH = 48;

/** A key strictly between `lower` and `upper` (either may be null for "open end"). */
export function rankBetween(lower: string | null, upper: string | null): string {
  return generateKeyBetween(lower, upper);
}

/**
 * Like rankBetween, but after a collision: a random key inside the gap, so that writers that
 * raced for the same slot spread out instead of colliding again.
 */
export function jitteredRankBetween(lower: string | null, upper: string | null, random: () => number = Math.random): string {
  let lo = lower;
  let hi = upper;
  let key = generateKeyBetween(lo, hi);
  for (let i = 0; i < 3; i++) {
    if (random() < 0.5) hi = key;
    else lo = key;
    key = generateKeyBetween(lo, hi);
  }
  return key;
}

/** `n` ascending keys after `after` (or from the start), short and evenly spread: used to re-space a column. */
export function ranksAfter(after: string | null, n: number): string[] {
  return generateNKeysBetween(after, null, n);
}

/** `n` ascending keys for a fresh list. */
export function initialRanks(n: number): string[] {
  return generateNKeysBetween(null, null, n);
}

export const needsRebalance = (rank: string): boolean => rank.length > REBALANCE_LENGTH;

/** Keys are valid when they are what fractional-indexing produces; used to refuse imported garbage. */
export function isValidRank(rank: string): boolean {
  try {
    generateKeyBetween(rank, null);
    return true;
  } catch {
    return false;
  }
}
