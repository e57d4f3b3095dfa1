import type { CardChangeField } from '@klasteris/contracts';

/** One entry of a card's change log: the version a change produced and the fields it touched. */
export interface ChangeEntry {
  v: number;
  /** comma-separated CardChangeField names (a string, so the log is an array of flat documents) */
  f: string;
}

/** How many change entries a card keeps; a change based on an older version is a conflict. */
export const CHANGE_LOG_KEEP = 100;

export type MergeDecision = { kind: 'apply' } | { kind: 'conflict'; fields: CardChangeField[] };

/**
 * Taiga-style merge: a change based on `base` may be applied to the card at `current` when none of
 * the fields it changes were changed by the versions in between (known from the change log).
 */
export function decideMerge(base: number, current: number, log: readonly ChangeEntry[], mine: readonly CardChangeField[]): MergeDecision {
  if (base === current) return { kind: 'apply' };
  if (!Number.isInteger(base) || base < 1 || base > current) return { kind: 'conflict', fields: [...mine] };
  const since = new Map(log.filter((e) => e.v > base && e.v <= current).map((e) => [e.v, e.f]));
  if (since.size !== current - base) return { kind: 'conflict', fields: [...mine] }; // history trimmed: cannot tell
  const changed = new Set([...since.values()].flatMap((f) => f.split(',')));
  const overlap = mine.filter((f) => changed.has(f));
  return overlap.length === 0 ? { kind: 'apply' } : { kind: 'conflict', fields: overlap };
}

/** The log after a change producing `version`, keeping the newest CHANGE_LOG_KEEP entries. */
export function appendChange(log: readonly ChangeEntry[], version: number, fields: readonly CardChangeField[]): ChangeEntry[] {
  return [...log, { v: version, f: [...new Set(fields)].join(',') }].slice(-CHANGE_LOG_KEEP);
}
