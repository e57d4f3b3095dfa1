import type { BoardColumn, Card } from '@klasteris/contracts';
import {
  anchorsFor,
  applyRanks,
  conflictsOf,
  diffPatch,
  dueState,
  keyboardTarget,
  matchesFilters,
  moveLocally,
  NO_FILTERS,
  overWip,
  removeCard,
  resolvePatch,
  upsertCard,
  upsertColumn,
} from './board-logic';

const card = (id: string, columnId: string, rank: string, over: Partial<Card> = {}): Card => ({
  id,
  projectId: 'p',
  columnId,
  rank,
  title: `Card ${id}`,
  description: '',
  assigneeIds: [],
  labelIds: [],
  startDate: null,
  dueDate: null,
  checklist: [],
  commentCount: 0,
  archived: false,
  version: 1,
  sourceMessage: null,
  bookingIds: [],
  attachments: [],
  createdBy: 'u',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...over,
});
const column = (id: string, rank: string, cards: Card[] = [], wipLimit: number | null = null): BoardColumn => ({
  id,
  projectId: 'p',
  name: id,
  rank,
  wipLimit,
  archived: false,
  cards,
});
const ids = (cols: BoardColumn[]): string[][] => cols.map((c) => c.cards.map((x) => x.id));

describe('board logic', () => {
  const board = (): BoardColumn[] => [
    column('todo', 'a0', [card('1', 'todo', 'a0'), card('2', 'todo', 'a1'), card('3', 'todo', 'a2')]),
    column('done', 'a1', [card('4', 'done', 'a0')]),
  ];

  it('places upserted cards by column and rank, and ignores older versions', () => {
    let cols = upsertCard(board(), card('2', 'done', 'Zz', { version: 2 }));
    expect(ids(cols)).toEqual([
      ['1', '3'],
      ['2', '4'],
    ]);
    cols = upsertCard(cols, card('2', 'todo', 'a5', { version: 1 }));
    expect(ids(cols)).toEqual([
      ['1', '3'],
      ['2', '4'],
    ]);
    cols = upsertCard(cols, card('5', 'todo', 'a1V'));
    expect(ids(cols)).toEqual([
      ['1', '5', '3'],
      ['2', '4'],
    ]);
    expect(ids(upsertCard(cols, card('5', 'todo', 'a1V', { version: 2, archived: true })))).toEqual([
      ['1', '3'],
      ['2', '4'],
    ]);
    expect(ids(removeCard(cols, '1'))).toEqual([
      ['5', '3'],
      ['2', '4'],
    ]);
  });

  it('applies re-spaced ranks and column changes', () => {
    const cols = applyRanks(board(), 'todo', [
      { id: '1', rank: 'b2' },
      { id: '2', rank: 'b0' },
      { id: '3', rank: 'b1' },
    ]);
    expect(ids(cols)[0]).toEqual(['2', '3', '1']);
    const moved = upsertColumn(cols, { id: 'todo', projectId: 'p', name: 'Backlog', rank: 'a2', wipLimit: 2, archived: false });
    expect(moved.map((c) => [c.id, c.name, c.cards.length])).toEqual([
      ['done', 'done', 1],
      ['todo', 'Backlog', 3],
    ]);
    expect(upsertColumn(moved, { ...moved[1]!, archived: true }).map((c) => c.id)).toEqual(['done']);
    expect(overWip(moved[1]!)).toBe(true);
    expect(overWip(moved[0]!)).toBe(false);
  });

  it('moves optimistically and computes the anchors of a drop', () => {
    expect(ids(moveLocally(board(), '3', 'done', 0))).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(ids(moveLocally(board(), '1', 'todo', 2))).toEqual([['2', '3', '1'], ['4']]);
    const list = board()[0]!.cards;
    expect(anchorsFor(list, 0)).toEqual({ beforeCardId: '1' });
    expect(anchorsFor(list, 2)).toEqual({ beforeCardId: '3' });
    expect(anchorsFor(list, 3)).toEqual({ afterCardId: '3' });
    expect(anchorsFor([], 0)).toEqual({});
  });

  it('finds keyboard move targets', () => {
    expect(keyboardTarget(board(), '2', 'up')).toEqual({ toColumnId: 'todo', index: 0, beforeCardId: '1' });
    expect(keyboardTarget(board(), '2', 'down')).toEqual({ toColumnId: 'todo', index: 2, afterCardId: '3' });
    expect(keyboardTarget(board(), '1', 'up')).toBeNull();
    expect(keyboardTarget(board(), '2', 'right')).toEqual({ toColumnId: 'done', index: 1, afterCardId: '4' });
    expect(keyboardTarget(board(), '2', 'left')).toBeNull();
  });

  it('filters by text (diacritics ignored), assignee, label and due date', () => {
    const today = new Date(2026, 10, 27);
    const c = card('x', 'todo', 'a0', { title: 'Duomenų centras audit', assigneeIds: ['me'], labelIds: ['l1'], dueDate: '2026-11-30' });
    expect(matchesFilters(c, { ...NO_FILTERS, q: 'duomenu' }, 'me', today)).toBe(true);
    expect(matchesFilters(c, { ...NO_FILTERS, q: 'gpu' }, 'me', today)).toBe(false);
    expect(matchesFilters(c, { ...NO_FILTERS, assignee: 'me' }, 'me', today)).toBe(true);
    expect(matchesFilters(c, { ...NO_FILTERS, assignee: 'other' }, 'me', today)).toBe(false);
    expect(matchesFilters(c, { ...NO_FILTERS, labelId: 'l2' }, 'me', today)).toBe(false);
    expect(matchesFilters(c, { ...NO_FILTERS, due: 'week' }, 'me', today)).toBe(true);
    expect(matchesFilters(c, { ...NO_FILTERS, due: 'overdue' }, 'me', today)).toBe(false);
    expect(matchesFilters({ ...c, dueDate: '2026-11-26' }, { ...NO_FILTERS, due: 'overdue' }, 'me', today)).toBe(true);
    expect(matchesFilters({ ...c, dueDate: null }, { ...NO_FILTERS, due: 'none' }, 'me', today)).toBe(true);
    expect(dueState({ dueDate: '2026-11-26' }, today)).toBe('overdue');
    expect(dueState({ dueDate: '2026-11-29' }, today)).toBe('soon');
    expect(dueState({ dueDate: '2026-12-29' }, today)).toBe('later');
  });

  it('describes conflicts field by field and rebuilds the change from the choices', () => {
    const current = card('c', 'todo', 'a0', { title: 'Theirs', description: 'same', version: 5 });
    const mine = { title: 'Mine', description: 'same', dueDate: '2026-12-01' };
    const conflicts = conflictsOf(mine, current, ['title', 'description']);
    expect(conflicts).toEqual([{ field: 'title', mine: 'Mine', theirs: 'Theirs' }]);
    expect(resolvePatch(mine, new Set(), 5)).toEqual({ ...mine, version: 5 });
    expect(resolvePatch(mine, new Set(['title']), 5)).toEqual({ description: 'same', dueDate: '2026-12-01', version: 5 });
    expect(resolvePatch({ title: 'x' }, new Set(['title']), 5)).toBeNull();
    const draft = {
      title: 'Theirs',
      description: 'new',
      assigneeIds: [],
      labelIds: ['l'],
      startDate: null,
      dueDate: null,
      archived: false,
    };
    expect(diffPatch(current, draft)).toEqual({ description: 'new', labelIds: ['l'] });
  });
});
