import type { Activity, BoardColumn, Card, CardChangeField, CardEditableField, Column, UpdateCardRequest } from '@klasteris/contracts';

/**
 * Pure board state changes, shared by the store (server events, optimistic moves) and its tests.
 * Columns hold their cards in rank order; every function returns new arrays (signals compare by reference).
 */

export const byRank = (a: { rank: string }, b: { rank: string }): number => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0);

/** Inserts or replaces a card where its column and rank say; an older version than the one shown is ignored. */
export function upsertCard(columns: BoardColumn[], card: Card): BoardColumn[] {
  const existing = columns.flatMap((c) => c.cards).find((c) => c.id === card.id);
  if (existing && existing.version > card.version) return columns;
  return columns.map((col) => {
    const others = col.cards.filter((c) => c.id !== card.id);
    if (col.id !== card.columnId || card.archived) return others.length === col.cards.length ? col : { ...col, cards: others };
    return { ...col, cards: [...others, card].sort(byRank) };
  });
}

export function removeCard(columns: BoardColumn[], cardId: string): BoardColumn[] {
  return columns.map((col) => (col.cards.some((c) => c.id === cardId) ? { ...col, cards: col.cards.filter((c) => c.id !== cardId) } : col));
}

/** The server re-spaced a column: same order, new keys. */
export function applyRanks(columns: BoardColumn[], columnId: string, ranks: { id: string; rank: string }[]): BoardColumn[] {
  const map = new Map(ranks.map((r) => [r.id, r.rank]));
  return columns.map((col) =>
    col.id !== columnId ? col : { ...col, cards: col.cards.map((c) => (map.has(c.id) ? { ...c, rank: map.get(c.id)! } : c)).sort(byRank) },
  );
}

/** Adds, renames or re-orders a column (archived ones leave the board; their cards go with them). */
export function upsertColumn(columns: BoardColumn[], column: Column): BoardColumn[] {
  const existing = columns.find((c) => c.id === column.id);
  const rest = columns.filter((c) => c.id !== column.id);
  if (column.archived) return rest;
  return [...rest, { ...column, cards: existing?.cards ?? [] }].sort(byRank);
}

/** Optimistic local move: the card leaves its column and appears at `index` of the target (before the server answers). */
export function moveLocally(columns: BoardColumn[], cardId: string, toColumnId: string, index: number): BoardColumn[] {
  const card = columns.flatMap((c) => c.cards).find((c) => c.id === cardId);
  if (!card) return columns;
  return removeCard(columns, cardId).map((col) => {
    if (col.id !== toColumnId) return col;
    const cards = [...col.cards];
    cards.splice(Math.max(0, Math.min(index, cards.length)), 0, { ...card, columnId: toColumnId });
    return { ...col, cards };
  });
}

export interface MoveAnchors {
  beforeCardId?: string;
  afterCardId?: string;
}

/** Anchors for dropping at `index` of `list` (the target's cards as shown, without the moved card). */
export function anchorsFor(list: readonly Card[], index: number): MoveAnchors {
  if (index < list.length) return { beforeCardId: list[index]!.id };
  if (list.length > 0) return { afterCardId: list[list.length - 1]!.id };
  return {};
}

export type KeyDirection = 'up' | 'down' | 'left' | 'right';

export interface KeyboardMove extends MoveAnchors {
  toColumnId: string;
  index: number;
}

/** Where a keyboard move takes a card: one up/down in its column, or to the end of the previous/next column. */
export function keyboardTarget(columns: readonly BoardColumn[], cardId: string, dir: KeyDirection): KeyboardMove | null {
  const ci = columns.findIndex((c) => c.cards.some((x) => x.id === cardId));
  if (ci < 0) return null;
  const col = columns[ci]!;
  const i = col.cards.findIndex((x) => x.id === cardId);
  if (dir === 'up' || dir === 'down') {
    const j = dir === 'up' ? i - 1 : i + 1;
    if (j < 0 || j >= col.cards.length) return null;
    return dir === 'up'
      ? { toColumnId: col.id, index: j, beforeCardId: col.cards[j]!.id }
      : { toColumnId: col.id, index: j, afterCardId: col.cards[j]!.id };
  }
  const target = columns[dir === 'left' ? ci - 1 : ci + 1];
  if (!target) return null;
  return { toColumnId: target.id, index: target.cards.length, ...anchorsFor(target.cards, target.cards.length) };
}

export const overWip = (col: Pick<BoardColumn, 'wipLimit' | 'cards'>): boolean => col.wipLimit !== null && col.cards.length > col.wipLimit;

// ---- Filters ----

export type DueFilter = '' | 'overdue' | 'week' | 'none';

export interface BoardFilters {
  q: string;
  /** '' = anyone, a user id, or 'me' */
  assignee: string;
  labelId: string;
  due: DueFilter;
}

export const NO_FILTERS: BoardFilters = { q: '', assignee: '', labelId: '', due: '' };

export const isoDate = (d: Date): string =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();

export const hasFilters = (f: BoardFilters): boolean => !!(f.q.trim() || f.assignee || f.labelId || f.due);

/** Whether a card passes the filter bar (dates compared as local calendar days). */
export function matchesFilters(card: Card, f: BoardFilters, meId: string, today = new Date()): boolean {
  if (f.q.trim() && !fold(`${card.title} ${card.description}`).includes(fold(f.q.trim()))) return false;
  if (f.assignee && !card.assigneeIds.includes(f.assignee === 'me' ? meId : f.assignee)) return false;
  if (f.labelId && !card.labelIds.includes(f.labelId)) return false;
  const todayIso = isoDate(today);
  const weekEnd = isoDate(new Date(today.getFullYear(), today.getMonth(), today.getDate() + 7));
  switch (f.due) {
    case '':
      return true;
    case 'none':
      return card.dueDate === null;
    case 'overdue':
      return card.dueDate !== null && card.dueDate < todayIso;
    case 'week':
      return card.dueDate !== null && card.dueDate >= todayIso && card.dueDate <= weekEnd;
  }
}

export type DueState = 'overdue' | 'soon' | 'later' | null;

export function dueState(card: Pick<Card, 'dueDate'>, today = new Date()): DueState {
  if (!card.dueDate) return null;
  const t = isoDate(today);
  if (card.dueDate < t) return 'overdue';
  return card.dueDate <= isoDate(new Date(today.getFullYear(), today.getMonth(), today.getDate() + 3)) ? 'soon' : 'later';
}

// ---- Conflicts ----

export type CardPatch = Omit<UpdateCardRequest, 'version'>;

export interface FieldConflict {
  field: CardEditableField;
  mine: unknown;
  theirs: unknown;
}

const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The fields of my refused change that someone else changed, with both values (equal values are not conflicts). */
export function conflictsOf(mine: CardPatch, current: Card, fields: readonly CardChangeField[]): FieldConflict[] {
  return (Object.keys(mine) as CardEditableField[])
    .filter((f) => fields.includes(f) && !sameValue(mine[f], current[f]))
    .map((f) => ({ field: f, mine: mine[f], theirs: current[f] }));
}

/** The change to send again: every field of mine except those where the person kept theirs, on the current version. */
export function resolvePatch(
  mine: CardPatch,
  keepTheirs: ReadonlySet<CardEditableField>,
  currentVersion: number,
): UpdateCardRequest | null {
  const entries = Object.entries(mine).filter(([k]) => !keepTheirs.has(k as CardEditableField));
  return entries.length === 0 ? null : ({ ...Object.fromEntries(entries), version: currentVersion } as UpdateCardRequest);
}

/** The fields of `draft` that differ from `card` (what a save sends). */
export function diffPatch(card: Card, draft: Required<CardPatch>): CardPatch {
  const patch: CardPatch = {};
  for (const f of Object.keys(draft) as CardEditableField[]) {
    if (!sameValue(draft[f], card[f])) (patch as Record<string, unknown>)[f] = draft[f];
  }
  return patch;
}

// ---- Activity ----

/** Parameters of an activity line's translation (`projects.activity.<kind>`). */
export function activityParams(a: Activity, columnName: (id: unknown) => string, fieldName: (f: string) => string): Record<string, string> {
  const fields = Array.isArray(a.data['fields']) ? (a.data['fields'] as string[]).map(fieldName).join(', ') : '';
  const title =
    typeof a.data['title'] === 'string'
      ? a.data['title']
      : typeof a.data['displayName'] === 'string'
        ? a.data['displayName']
        : typeof a.data['name'] === 'string'
          ? a.data['name']
          : '';
  return { name: a.actorName, fields, title, from: columnName(a.data['fromColumnId']), to: columnName(a.data['toColumnId']) };
}
