import type { IsoDateTime, Language, PageQuery } from './common';

/**
 * Joint project boards: projects of several organisations, each with one kanban board.
 * Cards carry an integer `version`; every change sends the version it was based on.
 */

export const ProjectStatuses = ['proposed', 'active', 'on_hold', 'done'] as const;
export type ProjectStatus = (typeof ProjectStatuses)[number];

/** owner: everything incl. members and settings; member: cards, columns, labels; observer: read only. */
export const ProjectRoles = ['owner', 'member', 'observer'] as const;
export type ProjectRole = (typeof ProjectRoles)[number];

/** A calendar date without time, `YYYY-MM-DD`. */
export type IsoDate = string;

export const PROJECT_NAME_MAX = 120;
export const PROJECT_SUMMARY_MAX = 2000;
export const CARD_TITLE_MAX = 300;
export const CARD_DESCRIPTION_MAX = 20_000;
export const COLUMN_NAME_MAX = 60;
export const LABEL_NAME_MAX = 40;
export const COMMENT_MAX = 5000;
export const CHECKLIST_ITEM_MAX = 300;
export const CHECKLIST_MAX_ITEMS = 100;
export const CARD_ATTACHMENTS_MAX = 50;
export const LABEL_COLORS = ['#1f5f8b', '#00695c', '#2e7d32', '#b34700', '#c62828', '#ad1457', '#6a1b9a', '#37474f'] as const;
export const DEFAULT_COLUMNS = ['To do', 'In progress', 'Review', 'Done'] as const;
/** The default columns in the creator's language. */
export const DEFAULT_COLUMNS_BY_LANGUAGE: Record<Language, readonly string[]> = {
  en: DEFAULT_COLUMNS,
  lt: ['Reikia atlikti', 'Vykdoma', 'Peržiūra', 'Atlikta'],
};

export interface ProjectOrganisation {
  id: string;
  name: string;
  country: string;
}

export interface ProjectMember {
  userId: string;
  displayName: string;
  initials: string;
  avatarColor: string;
  organisationId: string | null;
  organisationName: string | null;
  role: ProjectRole;
  joinedAt: IsoDateTime;
}

export interface Project {
  id: string;
  name: string;
  summary: string | null;
  status: ProjectStatus;
  /** participating organisations (explicit, plus the organisations of members added) */
  organisations: ProjectOrganisation[];
  /** the project's chat channel (set by the chat module), null until it exists */
  channelId: string | null;
  /** an optional working group the project belongs to */
  groupId: string | null;
  createdBy: string;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
  memberCount: number;
  /** the caller's role in the project */
  myRole: ProjectRole;
}

export interface ProjectListQuery extends PageQuery {
  status?: ProjectStatus;
  q?: string;
}

export interface CreateProjectRequest {
  name: string;
  summary?: string;
  status?: ProjectStatus;
  organisationIds?: string[];
  groupId?: string;
}

export interface UpdateProjectRequest {
  name?: string;
  summary?: string;
  status?: ProjectStatus;
  organisationIds?: string[];
}

export interface AddProjectMemberRequest {
  userId: string;
  role: ProjectRole;
}

export interface UpdateProjectMemberRequest {
  role: ProjectRole;
}

export interface Label {
  id: string;
  projectId: string;
  name: string;
  color: string;
}

export interface CreateLabelRequest {
  name: string;
  color: string;
}
export type UpdateLabelRequest = Partial<CreateLabelRequest>;

export interface Column {
  id: string;
  projectId: string;
  name: string;
  /** opaque ordering key; columns sort by it ascending */
  rank: string;
  /** warned (not enforced) when the column holds more cards */
  wipLimit: number | null;
  archived: boolean;
}

export interface CreateColumnRequest {
  name: string;
  wipLimit?: number | null;
  /** place the new column right before / after this column (default: last) */
  beforeColumnId?: string;
  afterColumnId?: string;
}

export interface UpdateColumnRequest {
  name?: string;
  wipLimit?: number | null;
}

export interface MoveColumnRequest {
  beforeColumnId?: string;
  afterColumnId?: string;
}

export interface ChecklistItem {
  id: string;
  text: string;
  done: boolean;
}

/** Fields a PATCH may change (each merges independently of the others). */
export const CardEditableFields = ['title', 'description', 'assigneeIds', 'labelIds', 'startDate', 'dueDate', 'archived'] as const;
export type CardEditableField = (typeof CardEditableFields)[number];
/** Names recorded in a card's change log besides the editable fields. */
export type CardChangeField = CardEditableField | 'position' | 'checklist' | 'attachments';

/**
 * A file attached to a card (the bytes live in the chat attachment store). Upload:
 * `POST /api/cards/:id/attachments` (multipart field `file`, same types and size limit as chat) →
 * 201 `{ card, attachment }`; download: `GET` `url` (project members only, bearer token);
 * delete: `DELETE /api/cards/:id/attachments/:attachmentId` → 200 `{ card }` (the uploader,
 * project owners and staff). Observers may download but not upload or delete.
 */
export interface CardAttachment {
  id: string;
  name: string;
  size: number;
  contentType: string;
  isImage: boolean;
  /** download URL (needs the bearer token) */
  url: string;
  uploadedBy: string;
  uploadedByName: string;
  uploadedAt: IsoDateTime;
}

export interface Card {
  id: string;
  projectId: string;
  columnId: string;
  /** opaque ordering key within the column; cards sort by it ascending */
  rank: string;
  title: string;
  /** Markdown */
  description: string;
  assigneeIds: string[];
  labelIds: string[];
  startDate: IsoDate | null;
  dueDate: IsoDate | null;
  checklist: ChecklistItem[];
  commentCount: number;
  archived: boolean;
  /** increases by one with every change of the card */
  version: number;
  /** the chat message the card was created from (chat issue) */
  sourceMessage: { channelId: string; messageId: string } | null;
  /** bookings linked to the card (bookings issue) */
  bookingIds: string[];
  /** files attached to the card, oldest first */
  attachments: CardAttachment[];
  createdBy: string;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

export interface BoardColumn extends Column {
  cards: Card[];
}

export interface Board {
  project: Project;
  columns: BoardColumn[];
  labels: Label[];
  members: ProjectMember[];
}

export interface CreateCardRequest {
  projectId: string;
  columnId: string;
  title: string;
  description?: string;
  assigneeIds?: string[];
  labelIds?: string[];
  startDate?: IsoDate | null;
  dueDate?: IsoDate | null;
  /** place the card right before / after this card of the column (default: at the bottom) */
  beforeCardId?: string;
  afterCardId?: string;
  sourceMessage?: { channelId: string; messageId: string };
}

/**
 * `POST /api/cards/:id/source-message`: links an existing card to a chat message (project owners,
 * who may read the message). Once on each side: 409 CARD_ALREADY_LINKED / MESSAGE_ALREADY_LINKED.
 */
export interface LinkCardMessageRequest {
  channelId: string;
  messageId: string;
}

export interface UpdateCardRequest {
  /** the version the change is based on */
  version: number;
  title?: string;
  description?: string;
  assigneeIds?: string[];
  labelIds?: string[];
  startDate?: IsoDate | null;
  dueDate?: IsoDate | null;
  archived?: boolean;
}

/**
 * `beforeCardId`: the moved card goes right before that card; `afterCardId`: right after it.
 * Both must be cards of the target column. Neither: the card goes to the bottom of the column.
 */
export interface MoveCardRequest {
  version: number;
  toColumnId: string;
  beforeCardId?: string;
  afterCardId?: string;
}

/** Body of 409 VERSION_CONFLICT: `details` of the error. */
export interface VersionConflictDetails {
  current: Card;
  /** fields the caller changed that someone else changed since the caller's version */
  conflictingFields: CardChangeField[];
}

export interface AddChecklistItemRequest {
  text: string;
}
export interface UpdateChecklistItemRequest {
  text?: string;
  done?: boolean;
}

export interface CardComment {
  id: string;
  cardId: string;
  projectId: string;
  authorId: string;
  authorName: string;
  body: string;
  mentions: string[];
  createdAt: IsoDateTime;
  editedAt: IsoDateTime | null;
  /** how many earlier versions GET …/comments/:commentId/history returns */
  editCount?: number;
  /** a deleted comment stays as a tombstone (empty body) so the thread keeps its shape */
  deletedAt?: IsoDateTime | null;
  deletedBy?: 'author' | 'moderator' | null;
}

/** PATCH /api/cards/:id/comments/:commentId (the author) → 200 { comment } */
export interface UpdateCommentRequest {
  body: string;
}

/** GET /api/cards/:id/comments/:commentId/history → 200: earlier versions, oldest first */
export interface CommentHistory {
  items: { body: string; at: IsoDateTime }[];
}

export interface CreateCommentRequest {
  body: string;
}

export const ActivityKinds = [
  'project.created',
  'project.updated',
  'member.added',
  'member.updated',
  'member.removed',
  'column.created',
  'column.updated',
  'column.moved',
  'column.archived',
  'column.restored',
  'card.created',
  'card.updated',
  'card.moved',
  'card.archived',
  'card.restored',
  'card.deleted',
  'card.linked',
  'checklist.updated',
  'comment.added',
  'comment.edited',
  'comment.deleted',
  'attachment.added',
  'attachment.removed',
  'board.imported',
] as const;
export type ActivityKind = (typeof ActivityKinds)[number];

export interface Activity {
  id: string;
  projectId: string;
  cardId: string | null;
  actorId: string | null;
  actorName: string;
  kind: ActivityKind;
  /** small, kind-specific facts: { fields }, { fromColumnId, toColumnId }, { title }, ... */
  data: Record<string, unknown>;
  at: IsoDateTime;
}

export interface MyCardsQuery extends PageQuery {
  due?: 'overdue' | 'week';
}

/** A card with where it lives, for "my cards" across projects. */
export interface CardWithContext extends Card {
  projectName: string;
  columnName: string;
}

// ---- Export and import ----

export const BOARD_EXPORT_FORMAT = 'klasteris-board';
export const ImportFormats = ['klasteris', 'trello'] as const;
export type ImportFormat = (typeof ImportFormats)[number];
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
export const IMPORT_MAX_CARDS = 10_000;

/**
 * A board as `GET /api/projects/:id/export?format=json` writes it and `POST /api/projects/import`
 * (format `klasteris`) reads it: columns in board order, cards in column order.
 */
export interface BoardExport {
  format: typeof BOARD_EXPORT_FORMAT;
  version: 1;
  exportedAt: IsoDateTime;
  project: { name: string; summary: string | null; status: ProjectStatus };
  columns: { id: string; name: string; wipLimit: number | null; archived: boolean }[];
  labels: { id: string; name: string; color: string }[];
  cards: {
    id: string;
    columnId: string;
    title: string;
    description: string;
    labelIds: string[];
    assignees: { userId: string; displayName: string }[];
    startDate: IsoDate | null;
    dueDate: IsoDate | null;
    checklist: { text: string; done: boolean }[];
    archived: boolean;
    comments: { authorName: string; body: string; createdAt: IsoDateTime }[];
    createdAt: IsoDateTime;
  }[];
}

/** `POST /api/projects/import` (multipart: `file`, `format`, optional `name`) → 201. */
export interface ImportBoardResult {
  project: Project;
  imported: { columns: number; cards: number; labels: number; checklistItems: number; comments: number };
}

// ---- Realtime ----

export const boardRoom = (projectId: string): string => `board:${projectId}`;

export interface BoardViewer {
  userId: string;
  displayName: string;
}

/** Server → client events in the room `board:<projectId>`. */
export interface BoardServerEvents {
  'board:card-created': (p: { projectId: string; card: Card }) => void;
  'board:card-updated': (p: { projectId: string; card: Card; fields: CardChangeField[] }) => void;
  'board:card-moved': (p: { projectId: string; card: Card; fromColumnId: string }) => void;
  'board:card-deleted': (p: { projectId: string; cardId: string; columnId: string }) => void;
  'board:column-created': (p: { projectId: string; column: Column }) => void;
  'board:column-updated': (p: { projectId: string; column: Column }) => void;
  /** the server re-spaced the ranks of a column's cards (same order, new keys) */
  'board:column-rebalanced': (p: { projectId: string; columnId: string; ranks: { id: string; rank: string }[] }) => void;
  'board:label-changed': (p: { projectId: string; label: Label; deleted: boolean }) => void;
  'board:project-updated': (p: { projectId: string; project: Omit<Project, 'myRole'> }) => void;
  'board:members-changed': (p: { projectId: string; members: ProjectMember[] }) => void;
  'board:comment-added': (p: { projectId: string; comment: CardComment }) => void;
  /** edited or deleted (then a tombstone) */
  'board:comment-updated': (p: { projectId: string; comment: CardComment }) => void;
  'board:viewers': (p: { projectId: string; viewers: BoardViewer[] }) => void;
  'board:editing': (p: { projectId: string; cardId: string; userId: string; displayName: string; editing: boolean }) => void;
}

export type BoardServerEventName = keyof BoardServerEvents;
export type BoardServerPayload<E extends BoardServerEventName> = Parameters<BoardServerEvents[E]>[0];

/** Client → server board events (ack `{ ok: true }` or `{ ok: false, error }`). */
export interface BoardJoinRequest {
  projectId: string;
}
export interface BoardEditingRequest {
  cardId: string;
  /** false when the user stops editing; default true */
  editing?: boolean;
}
