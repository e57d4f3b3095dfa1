import { DestroyRef, Injectable, computed, effect, inject, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type {
  Board,
  BoardColumn,
  BoardViewer,
  Card,
  CardChangeField,
  Label,
  Project,
  ProjectMember,
  VersionConflictDetails,
} from '@klasteris/contracts';
import { filter, firstValueFrom, merge } from 'rxjs';
import { AuthStore } from '../../core/auth/auth.store';
import { toApiError } from '../../shared/api-error';
import { SocketService } from '../../core/socket.service';
import {
  NO_FILTERS,
  anchorsFor,
  applyRanks,
  hasFilters,
  matchesFilters,
  moveLocally,
  removeCard,
  upsertCard,
  upsertColumn,
  type BoardFilters,
  type CardPatch,
} from './board-logic';
import { ProjectsApi } from './projects.api';

/** Cards shown per column before "show more" (keeps 5,000-card boards responsive). */
export const COLUMN_PAGE = 50;
/** "X is editing" fades when not renewed within this time. */
export const EDITING_TTL_MS = 15_000;

export interface EditingMark {
  userId: string;
  displayName: string;
  until: number;
}

export type SaveResult =
  { kind: 'saved'; card: Card } | { kind: 'conflict'; current: Card; fields: CardChangeField[] } | { kind: 'error'; messageKey: string };

export interface VisibleColumn extends BoardColumn {
  /** cards passing the filters, limited to the column's page */
  shown: Card[];
  /** cards passing the filters in total */
  matching: number;
}

/**
 * One board: the columns and cards as the server last told us, live events from the board's room,
 * optimistic moves, filters, paging per column, viewers and "X is editing".
 */
@Injectable()
export class BoardStore {
  private readonly api = inject(ProjectsApi);
  private readonly socket = inject(SocketService);
  private readonly auth = inject(AuthStore);

  private readonly _projectId = signal<string | null>(null);
  private readonly _project = signal<Project | null>(null);
  private readonly _columns = signal<BoardColumn[]>([]);
  private readonly _labels = signal<Label[]>([]);
  private readonly _members = signal<ProjectMember[]>([]);
  private readonly _viewers = signal<BoardViewer[]>([]);
  private readonly _editing = signal<Record<string, EditingMark>>({});
  private readonly _filters = signal<BoardFilters>(NO_FILTERS);
  private readonly _pages = signal<Record<string, number>>({});
  private readonly _errorKey = signal<string | null>(null);
  private readonly _loading = signal(false);
  private readonly _now = signal(Date.now());
  private joinedId: string | null = null;
  /** per card: the chain of its moves in flight, their count, the last move asked for, the newest version seen */
  private readonly moveChain = new Map<string, Promise<void>>();
  private readonly pendingMoves = new Map<string, number>();
  private readonly moveSeq = new Map<string, number>();
  private readonly knownVersion = new Map<string, number>();

  readonly project = this._project.asReadonly();
  readonly columns = this._columns.asReadonly();
  readonly labels = this._labels.asReadonly();
  readonly members = this._members.asReadonly();
  readonly viewers = this._viewers.asReadonly();
  readonly filters = this._filters.asReadonly();
  readonly errorKey = this._errorKey.asReadonly();
  readonly loading = this._loading.asReadonly();
  readonly myId = computed(() => this.auth.user()?.id ?? '');
  readonly canWrite = computed(() => {
    const role = this._project()?.myRole;
    return role === 'owner' || role === 'member';
  });
  readonly isOwner = computed(() => this._project()?.myRole === 'owner');
  readonly filtering = computed(() => hasFilters(this._filters()));
  readonly labelMap = computed(() => new Map(this._labels().map((l) => [l.id, l])));
  readonly memberMap = computed(() => new Map(this._members().map((m) => [m.userId, m])));
  readonly cardCount = computed(() => this._columns().reduce((n, c) => n + c.cards.length, 0));
  /** Others editing a card now (by card id). */
  readonly editing = computed(() => {
    const now = this._now();
    return Object.fromEntries(Object.entries(this._editing()).filter(([, m]) => m.until > now));
  });
  readonly otherViewers = computed(() => this._viewers().filter((v) => v.userId !== this.myId()));
  /** Comments added on this board (the card dialog shows those of its card). */
  readonly commentAdded = this.socket.on('board:comment-added').pipe(filter((p) => p.projectId === this._projectId()));
  readonly commentUpdated = this.socket.on('board:comment-updated').pipe(filter((p) => p.projectId === this._projectId()));

  readonly visibleColumns = computed<VisibleColumn[]>(() => {
    const f = this._filters();
    const me = this.myId();
    const pages = this._pages();
    const active = hasFilters(f);
    return this._columns().map((col) => {
      const matching = active ? col.cards.filter((c) => matchesFilters(c, f, me)) : col.cards;
      return { ...col, shown: matching.slice(0, pages[col.id] ?? COLUMN_PAGE), matching: matching.length };
    });
  });

  constructor() {
    const destroyRef = inject(DestroyRef);
    const mine = <T extends { projectId: string }>(p: T): boolean => p.projectId === this._projectId();
    merge(this.socket.on('board:card-created'), this.socket.on('board:card-updated'), this.socket.on('board:card-moved'))
      .pipe(takeUntilDestroyed(destroyRef))
      .subscribe((p) => {
        if (!mine(p)) return;
        // While my own moves of this card are in flight, their answers place it (no flicker back).
        if (this.pendingMoves.has(p.card.id))
          this.knownVersion.set(p.card.id, Math.max(p.card.version, this.knownVersion.get(p.card.id) ?? 0));
        else this._columns.update((cols) => upsertCard(cols, p.card));
      });
    this.socket
      .on('board:card-deleted')
      .pipe(takeUntilDestroyed(destroyRef))
      .subscribe((p) => mine(p) && this._columns.update((cols) => removeCard(cols, p.cardId)));
    merge(this.socket.on('board:column-created'), this.socket.on('board:column-updated'))
      .pipe(takeUntilDestroyed(destroyRef))
      .subscribe((p) => mine(p) && this._columns.update((cols) => upsertColumn(cols, p.column)));
    this.socket
      .on('board:column-rebalanced')
      .pipe(takeUntilDestroyed(destroyRef))
      .subscribe((p) => mine(p) && this._columns.update((cols) => applyRanks(cols, p.columnId, p.ranks)));
    this.socket
      .on('board:label-changed')
      .pipe(takeUntilDestroyed(destroyRef))
      .subscribe(
        (p) =>
          mine(p) &&
          this._labels.update((ls) =>
            p.deleted ? ls.filter((l) => l.id !== p.label.id) : [...ls.filter((l) => l.id !== p.label.id), p.label],
          ),
      );
    this.socket
      .on('board:members-changed')
      .pipe(takeUntilDestroyed(destroyRef))
      .subscribe((p) => {
        if (!mine(p)) return;
        this._members.set(p.members);
        const me = p.members.find((m) => m.userId === this.myId());
        if (!me) this._errorKey.set('projects.errors.removed');
        else this._project.update((pr) => (pr ? { ...pr, myRole: me.role, memberCount: p.members.length } : pr));
      });
    this.socket
      .on('board:project-updated')
      .pipe(takeUntilDestroyed(destroyRef))
      .subscribe((p) => mine(p) && this._project.update((pr) => (pr ? { ...p.project, myRole: pr.myRole } : pr)));
    this.socket
      .on('board:viewers')
      .pipe(takeUntilDestroyed(destroyRef))
      .subscribe((p) => mine(p) && this._viewers.set(p.viewers));
    this.socket
      .on('board:editing')
      .pipe(takeUntilDestroyed(destroyRef))
      .subscribe((p) => {
        if (!mine(p)) return;
        this._editing.update((m) => {
          const next = { ...m };
          if (p.editing) next[p.cardId] = { userId: p.userId, displayName: p.displayName, until: Date.now() + EDITING_TTL_MS };
          else if (next[p.cardId]?.userId === p.userId) delete next[p.cardId];
          return next;
        });
      });
    // After a reconnect: join the room again and reload what we may have missed.
    this.socket.reconnected.pipe(takeUntilDestroyed(destroyRef)).subscribe(() => {
      const id = this._projectId();
      if (id) void this.refresh(id);
    });
    effect(() => {
      const id = this._projectId();
      const connected = this.socket.connected();
      untracked(() => {
        if (id && connected && this.joinedId !== id) void this.join(id);
        if (!connected) this.joinedId = null;
      });
    });
    const tick = setInterval(() => this._now.set(Date.now()), 5000);
    destroyRef.onDestroy(() => {
      clearInterval(tick);
      this.leave();
    });
  }

  load(projectId: string): void {
    if (this._projectId() !== projectId) {
      this.leave();
      this._columns.set([]);
      this._project.set(null);
      this._filters.set(NO_FILTERS);
      this._pages.set({});
    }
    this._projectId.set(projectId);
    void this.refresh(projectId);
  }

  private async refresh(projectId: string): Promise<void> {
    this._loading.set(true);
    this._errorKey.set(null);
    try {
      this.apply(await firstValueFrom(this.api.board(projectId)));
    } catch (err) {
      const info = toApiError(err);
      this._errorKey.set(info.status === 404 ? 'projects.errors.notFound' : info.messageKey);
    } finally {
      this._loading.set(false);
    }
  }

  private apply(board: Board): void {
    this._project.set(board.project);
    this._columns.set(board.columns);
    this._labels.set(board.labels);
    this._members.set(board.members);
  }

  private async join(projectId: string): Promise<void> {
    this.joinedId = projectId;
    try {
      const ack = await this.socket.request('board:join', { projectId });
      if (ack.ok) this._viewers.set(ack.viewers);
      else this.joinedId = null;
    } catch {
      this.joinedId = null;
    }
  }

  private leave(): void {
    const id = this.joinedId;
    this.joinedId = null;
    if (id && this.socket.connected()) this.socket.request('board:leave', { projectId: id }).catch(() => undefined);
  }

  setFilters(patch: Partial<BoardFilters>): void {
    this._filters.update((f) => ({ ...f, ...patch }));
  }

  clearFilters(): void {
    this._filters.set(NO_FILTERS);
  }

  showMore(columnId: string): void {
    this._pages.update((p) => ({ ...p, [columnId]: (p[columnId] ?? COLUMN_PAGE) + COLUMN_PAGE }));
  }

  card(cardId: string): Card | undefined {
    return this._columns()
      .flatMap((c) => c.cards)
      .find((c) => c.id === cardId);
  }

  /** Replaces a card with what the server said (after a save, a conflict, or opening the card). */
  put(card: Card): void {
    this._columns.update((cols) => upsertCard(cols, card));
  }

  /**
   * Moves a card to `index` of the target column as shown (filters and paging included): shown at
   * once, then confirmed by the server; a conflict or error puts the server's truth back. Moves of
   * one card are sent one after the other, each on the version the previous one produced, so quick
   * keyboard moves never conflict with each other.
   */
  async move(cardId: string, toColumnId: string, index: number): Promise<{ ok: boolean; messageKey?: string }> {
    const card = this.card(cardId);
    const target = this.visibleColumns().find((c) => c.id === toColumnId);
    if (!card || !target) return { ok: false };
    const anchors = anchorsFor(
      target.shown.filter((c) => c.id !== cardId),
      index,
    );
    const rest = target.cards.filter((c) => c.id !== cardId);
    const fullIndex = anchors.beforeCardId ? rest.findIndex((c) => c.id === anchors.beforeCardId) : rest.length;
    this._columns.update((cols) => moveLocally(cols, cardId, toColumnId, fullIndex));
    const seq = (this.moveSeq.get(cardId) ?? 0) + 1;
    this.moveSeq.set(cardId, seq);
    this.pendingMoves.set(cardId, (this.pendingMoves.get(cardId) ?? 0) + 1);
    const latest = (): boolean => this.moveSeq.get(cardId) === seq;
    const run = (this.moveChain.get(cardId) ?? Promise.resolve()).then(async (): Promise<{ ok: boolean; messageKey?: string }> => {
      const version = Math.max(this.card(cardId)?.version ?? 0, this.knownVersion.get(cardId) ?? 0);
      try {
        const { card: moved } = await firstValueFrom(this.api.moveCard(cardId, { version, toColumnId, ...anchors }));
        this.knownVersion.set(cardId, moved.version);
        if (latest()) this.put(moved);
        return { ok: true };
      } catch (err) {
        const info = toApiError(err);
        const current = (info.details as VersionConflictDetails | undefined)?.current;
        if (current) {
          this.knownVersion.set(cardId, current.version);
          if (latest()) this._columns.update((cols) => upsertCard(removeCard(cols, cardId), current));
        } else if (latest()) await this.refresh(this._projectId() ?? card.projectId);
        return { ok: false, messageKey: info.code === 'VERSION_CONFLICT' ? 'projects.board.moveConflict' : info.messageKey };
      } finally {
        const left = (this.pendingMoves.get(cardId) ?? 1) - 1;
        if (left > 0) this.pendingMoves.set(cardId, left);
        else this.pendingMoves.delete(cardId);
      }
    });
    this.moveChain.set(
      cardId,
      run.then(() => undefined),
    );
    return run;
  }

  async create(columnId: string, title: string): Promise<Card | null> {
    const projectId = this._projectId();
    if (!projectId) return null;
    const { card } = await firstValueFrom(this.api.createCard({ projectId, columnId, title }));
    this.put(card);
    return card;
  }

  /** Saves changed fields based on the card's version; a conflict returns the current card and the fields. */
  async save(card: Card, patch: CardPatch, version = card.version): Promise<SaveResult> {
    try {
      const { card: saved } = await firstValueFrom(this.api.updateCard(card.id, { ...patch, version }));
      this.put(saved);
      return { kind: 'saved', card: saved };
    } catch (err) {
      const info = toApiError(err);
      const details = info.details as VersionConflictDetails | undefined;
      if (info.code === 'VERSION_CONFLICT' && details?.current) {
        this.put(details.current);
        return { kind: 'conflict', current: details.current, fields: details.conflictingFields };
      }
      return { kind: 'error', messageKey: info.messageKey };
    }
  }

  async deleteCard(card: Card): Promise<void> {
    await firstValueFrom(this.api.deleteCard(card.id, card.version));
    this._columns.update((cols) => removeCard(cols, card.id));
  }

  async addColumn(name: string): Promise<void> {
    const projectId = this._projectId();
    if (!projectId) return;
    const { column } = await firstValueFrom(this.api.createColumn(projectId, { name }));
    this._columns.update((cols) => upsertColumn(cols, column));
  }

  async updateColumn(columnId: string, body: { name?: string; wipLimit?: number | null }): Promise<void> {
    const { column } = await firstValueFrom(this.api.updateColumn(columnId, body));
    this._columns.update((cols) => upsertColumn(cols, column));
  }

  async archiveColumn(columnId: string): Promise<void> {
    const { column } = await firstValueFrom(this.api.archiveColumn(columnId, true));
    this._columns.update((cols) => upsertColumn(cols, column));
  }

  async restoreColumn(columnId: string): Promise<void> {
    const { column } = await firstValueFrom(this.api.archiveColumn(columnId, false));
    this._columns.update((cols) => upsertColumn(cols, column));
  }

  /** Moves a column to `index` among the columns. */
  async moveColumn(columnId: string, index: number): Promise<void> {
    const others = this._columns().filter((c) => c.id !== columnId);
    const anchors =
      index < others.length ? { beforeColumnId: others[index]!.id } : others.length ? { afterColumnId: others[others.length - 1]!.id } : {};
    const moving = this._columns().find((c) => c.id === columnId);
    if (moving) this._columns.set([...others.slice(0, index), moving, ...others.slice(index)]);
    try {
      const { column } = await firstValueFrom(this.api.moveColumn(columnId, anchors));
      this._columns.update((cols) => upsertColumn(cols, column));
    } catch {
      const id = this._projectId();
      if (id) await this.refresh(id);
    }
  }

  async addLabel(name: string, color: string): Promise<Label | null> {
    const projectId = this._projectId();
    if (!projectId) return null;
    const { label } = await firstValueFrom(this.api.createLabel(projectId, { name, color }));
    this._labels.update((ls) => [...ls.filter((l) => l.id !== label.id), label]);
    return label;
  }

  /** Tells the others on the board that I am (no longer) editing a card. */
  setEditing(cardId: string, editing: boolean): void {
    if (!this.canWrite() || !this.socket.connected()) return;
    this.socket.request('board:editing', { cardId, editing }).catch(() => undefined);
  }
}
