import { csvCell } from '../../common/csv';
import {
  BOARD_EXPORT_FORMAT,
  CARD_DESCRIPTION_MAX,
  CARD_TITLE_MAX,
  CHECKLIST_ITEM_MAX,
  CHECKLIST_MAX_ITEMS,
  COLUMN_NAME_MAX,
  COMMENT_MAX,
  IMPORT_MAX_CARDS,
  LABEL_COLORS,
  LABEL_NAME_MAX,
  PROJECT_NAME_MAX,
  PROJECT_SUMMARY_MAX,
  ProjectStatuses,
  type BoardExport,
  type ProjectStatus,
} from '@klasteris/contracts';

/** Pure conversions for board export and import: CSV, our JSON format, Trello's JSON export. */

export class ImportError extends Error {}

type Obj = Record<string, unknown>;
type ExportCard = BoardExport['cards'][number];

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown, max: number, fallback = ''): string => (typeof v === 'string' ? v.trim().slice(0, max) : fallback);
const id = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
const DATE = /^\d{4}-\d{2}-\d{2}/;
/** A date-only `YYYY-MM-DD` from an ISO date or date-time, or null. */
const dateOnly = (v: unknown): string | null =>
  typeof v === 'string' && DATE.test(v) && !Number.isNaN(Date.parse(v.slice(0, 10))) ? v.slice(0, 10) : null;
const isoOr = (v: unknown, fallback: string): string =>
  typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? new Date(v).toISOString() : fallback;

// ---- CSV ----

/** The board as CSV: one row per card, in board order; UTF-8 with BOM so spreadsheets read ą, ė, š. */
export function boardCsv(exp: BoardExport): string {
  const columns = new Map(exp.columns.map((c) => [c.id, c.name]));
  const labels = new Map(exp.labels.map((l) => [l.id, l.name]));
  const header = [
    'Column',
    'Title',
    'Description',
    'Labels',
    'Assignees',
    'Start date',
    'Due date',
    'Checklist done',
    'Checklist total',
    'Comments',
    'Archived',
    'Created',
  ];
  const rows = exp.cards.map((c) => [
    columns.get(c.columnId) ?? '',
    c.title,
    c.description,
    c.labelIds
      .map((l) => labels.get(l) ?? '')
      .filter(Boolean)
      .join('; '),
    c.assignees.map((a) => a.displayName).join('; '),
    c.startDate,
    c.dueDate,
    c.checklist.filter((i) => i.done).length,
    c.checklist.length,
    c.comments.length,
    c.archived ? 'yes' : 'no',
    c.createdAt,
  ]);
  return '\uFEFF' + [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

// ---- Klasteris JSON ----

/** Reads our own export back, best effort: unknown references are dropped, long texts cut, limits enforced. */
export function parseBoardExport(raw: unknown): BoardExport {
  if (!isObj(raw) || raw['format'] !== BOARD_EXPORT_FORMAT) throw new ImportError(`not a ${BOARD_EXPORT_FORMAT} file`);
  const project = isObj(raw['project']) ? raw['project'] : {};
  const columns = arr(raw['columns'])
    .filter(isObj)
    .map((c) => ({
      id: id(c['id']),
      name: str(c['name'], COLUMN_NAME_MAX),
      wipLimit: typeof c['wipLimit'] === 'number' && c['wipLimit'] > 0 ? Math.floor(c['wipLimit']) : null,
      archived: c['archived'] === true,
    }))
    .filter((c) => c.id && c.name);
  const labels = arr(raw['labels'])
    .filter(isObj)
    .map((l) => ({
      id: id(l['id']),
      name: str(l['name'], LABEL_NAME_MAX),
      color: (LABEL_COLORS as readonly string[]).includes(str(l['color'], 20)) ? str(l['color'], 20) : LABEL_COLORS[0],
    }))
    .filter((l) => l.id && l.name);
  const columnIds = new Set(columns.map((c) => c.id));
  const labelIds = new Set(labels.map((l) => l.id));
  const now = new Date().toISOString();
  const cards: ExportCard[] = arr(raw['cards'])
    .filter(isObj)
    .map((c) => ({
      id: id(c['id']),
      columnId: id(c['columnId']),
      title: str(c['title'], CARD_TITLE_MAX),
      description: str(c['description'], CARD_DESCRIPTION_MAX),
      labelIds: arr(c['labelIds'])
        .map(id)
        .filter((l) => labelIds.has(l)),
      assignees: arr(c['assignees'])
        .filter(isObj)
        .map((a) => ({ userId: id(a['userId']), displayName: str(a['displayName'], 120) })),
      startDate: dateOnly(c['startDate']),
      dueDate: dateOnly(c['dueDate']),
      checklist: arr(c['checklist'])
        .filter(isObj)
        .map((i) => ({ text: str(i['text'], CHECKLIST_ITEM_MAX), done: i['done'] === true }))
        .filter((i) => i.text)
        .slice(0, CHECKLIST_MAX_ITEMS),
      archived: c['archived'] === true,
      comments: arr(c['comments'])
        .filter(isObj)
        .map((m) => ({
          authorName: str(m['authorName'], 120, '?') || '?',
          body: str(m['body'], COMMENT_MAX),
          createdAt: isoOr(m['createdAt'], now),
        }))
        .filter((m) => m.body),
      createdAt: isoOr(c['createdAt'], now),
    }))
    .filter((c) => c.title && columnIds.has(c.columnId));
  return finish({
    format: BOARD_EXPORT_FORMAT,
    version: 1,
    exportedAt: isoOr(raw['exportedAt'], now),
    project: {
      name: str(project['name'], PROJECT_NAME_MAX),
      summary: str(project['summary'], PROJECT_SUMMARY_MAX) || null,
      status: status(project['status']),
    },
    columns,
    labels,
    cards,
  });
}

const status = (v: unknown): ProjectStatus => ((ProjectStatuses as readonly unknown[]).includes(v) ? (v as ProjectStatus) : 'active');

function finish(exp: BoardExport): BoardExport {
  if (exp.columns.length === 0) throw new ImportError('the board has no columns');
  if (exp.columns.length > 200) throw new ImportError('a board holds at most 200 columns');
  if (exp.cards.length > IMPORT_MAX_CARDS) throw new ImportError(`a board holds at most ${IMPORT_MAX_CARDS} cards`);
  return exp;
}

// ---- Trello JSON (best effort) ----

/** Trello label colours → our palette (all readable with white text). */
const TRELLO_COLORS: Record<string, string> = {
  green: '#2e7d32',
  lime: '#00695c',
  yellow: '#b34700',
  orange: '#b34700',
  red: '#c62828',
  pink: '#ad1457',
  purple: '#6a1b9a',
  blue: '#1f5f8b',
  sky: '#1f5f8b',
  black: '#37474f',
};
const trelloColor = (c: unknown): string => TRELLO_COLORS[str(c, 30).replace(/_(dark|light)$/, '')] ?? LABEL_COLORS[7];
const byPos = (a: Obj, b: Obj): number => (Number(a['pos']) || 0) - (Number(b['pos']) || 0);

/** Converts a Trello board export (lists, cards, labels, checklists, comments) into our format. */
export function fromTrello(raw: unknown): BoardExport {
  if (!isObj(raw) || !Array.isArray(raw['lists']) || !Array.isArray(raw['cards']))
    throw new ImportError('not a Trello board export (no lists and cards)');
  const now = new Date().toISOString();
  const lists = arr(raw['lists']).filter(isObj).sort(byPos);
  const columns = lists
    .map((l) => ({ id: id(l['id']), name: str(l['name'], COLUMN_NAME_MAX) || 'Untitled', wipLimit: null, archived: l['closed'] === true }))
    .filter((c) => c.id);
  const labels = arr(raw['labels'])
    .filter(isObj)
    .map((l) => ({
      id: id(l['id']),
      name: str(l['name'], LABEL_NAME_MAX) || str(l['color'], LABEL_NAME_MAX) || 'Label',
      color: trelloColor(l['color']),
    }))
    .filter((l) => l.id);
  const checklists = new Map<string, { text: string; done: boolean }[]>();
  for (const cl of arr(raw['checklists']).filter(isObj)) {
    const items = arr(cl['checkItems'])
      .filter(isObj)
      .sort(byPos)
      .map((i) => ({ text: str(i['name'], CHECKLIST_ITEM_MAX), done: i['state'] === 'complete' }))
      .filter((i) => i.text);
    const cardId = id(cl['idCard']);
    checklists.set(cardId, [...(checklists.get(cardId) ?? []), ...items].slice(0, CHECKLIST_MAX_ITEMS));
  }
  const comments = new Map<string, ExportCard['comments']>();
  for (const a of arr(raw['actions']).filter(isObj)) {
    const data = isObj(a['data']) ? a['data'] : {};
    const card = isObj(data['card']) ? data['card'] : {};
    if (a['type'] !== 'commentCard' || !id(card['id'])) continue;
    const author = isObj(a['memberCreator']) ? str(a['memberCreator']['fullName'], 120) : '';
    const body = str(data['text'], COMMENT_MAX);
    if (!body) continue;
    const list = comments.get(id(card['id'])) ?? [];
    list.push({ authorName: author || 'Trello', body, createdAt: isoOr(a['date'], now) });
    comments.set(id(card['id']), list);
  }
  const columnIndex = new Map(columns.map((c, i) => [c.id, i]));
  const labelIds = new Set(labels.map((l) => l.id));
  // Board order: by list, then by position within the list.
  const cards: ExportCard[] = arr(raw['cards'])
    .filter(isObj)
    .sort((a, b) => (columnIndex.get(id(a['idList'])) ?? 0) - (columnIndex.get(id(b['idList'])) ?? 0) || byPos(a, b))
    .map((c) => ({
      id: id(c['id']),
      columnId: id(c['idList']),
      title: str(c['name'], CARD_TITLE_MAX),
      description: str(c['desc'], CARD_DESCRIPTION_MAX),
      labelIds: arr(c['idLabels'])
        .map(id)
        .filter((l) => labelIds.has(l)),
      assignees: [],
      startDate: dateOnly(c['start']),
      dueDate: dateOnly(c['due']),
      checklist: checklists.get(id(c['id'])) ?? [],
      archived: c['closed'] === true,
      comments: (comments.get(id(c['id'])) ?? []).sort((x, y) => x.createdAt.localeCompare(y.createdAt)),
      createdAt: now,
    }))
    .filter((c) => c.title && columnIndex.has(c.columnId));
  return finish({
    format: BOARD_EXPORT_FORMAT,
    version: 1,
    exportedAt: now,
    project: {
      name: str(raw['name'], PROJECT_NAME_MAX) || 'Trello board',
      summary: str(raw['desc'], PROJECT_SUMMARY_MAX) || null,
      status: raw['closed'] === true ? 'done' : 'active',
    },
    columns,
    labels,
    cards,
  });
}
