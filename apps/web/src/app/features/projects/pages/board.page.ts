import { LiveAnnouncer } from '@angular/cdk/a11y';
import { CdkDrag, CdkDragDrop, CdkDragHandle, CdkDropList } from '@angular/cdk/drag-drop';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTooltipModule } from '@angular/material/tooltip';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { COLUMN_NAME_MAX, type BoardColumn, type Card } from '@klasteris/contracts';
import { ErrorMessageService } from '../../../core/http/error-message.service';
import { AvatarComponent } from '../../../shared/ui/avatar.component';
import { EmptyStateComponent } from '../../../shared/ui/empty-state.component';
import { keyboardTarget, overWip, type KeyDirection } from '../board-logic';
import { BoardStore, type VisibleColumn } from '../board.store';
import { ArchiveDialogComponent, type ArchiveDialogData } from '../components/archive-dialog.component';
import { BoardCardComponent } from '../components/board-card.component';
import { CardDialogComponent, type CardDialogData } from '../components/card-dialog.component';
import { FilterBarComponent } from '../components/filter-bar.component';
import { PromptDialogComponent, type PromptDialogData } from '../components/prompt-dialog.component';

const KEYS: Record<string, KeyDirection> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };

@Component({
  selector: 'app-board-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [BoardStore],
  imports: [
    RouterLink,
    CdkDropList,
    CdkDrag,
    CdkDragHandle,
    MatButtonModule,
    MatIconModule,
    MatMenuModule,
    MatProgressBarModule,
    MatTooltipModule,
    TranslocoPipe,
    AvatarComponent,
    EmptyStateComponent,
    BoardCardComponent,
    FilterBarComponent,
  ],
  templateUrl: './board.page.html',
  styleUrl: './board.page.scss',
})
export default class BoardPage {
  protected readonly store = inject(BoardStore);
  private readonly dialog = inject(MatDialog);
  private readonly snack = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly errors = inject(ErrorMessageService);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);

  /** route parameter */
  readonly id = input.required<string>();
  /** query parameter: a card to open (links from notifications) */
  readonly card = input<string | undefined>(undefined);

  protected readonly overWip = overWip;
  protected readonly listIds = computed(() => this.store.columns().map((c) => `list-${c.id}`));
  protected readonly adding = signal<string | null>(null);
  private openedFromLink: string | null = null;

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => this.store.load(id));
    });
    effect(() => {
      const cardId = this.card();
      const loaded = this.store.cardCount() > 0;
      untracked(() => {
        if (cardId && loaded && this.openedFromLink !== cardId) {
          this.openedFromLink = cardId;
          const card = this.store.card(cardId);
          if (card) this.open(card);
        }
      });
    });
  }

  protected readonly viewerNames = computed(() =>
    this.store
      .otherViewers()
      .map((v) => v.displayName)
      .join(', '),
  );

  protected initialsOf(name: string): string {
    const parts = name.trim().split(/\s+/);
    return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')).toUpperCase() || '?';
  }

  open(card: Card): void {
    const data: CardDialogData = { store: this.store, cardId: card.id };
    this.dialog
      .open(CardDialogComponent, {
        data,
        width: '760px',
        maxWidth: '96vw',
        maxHeight: '92vh',
        autoFocus: 'first-heading',
        restoreFocus: true,
      })
      .afterClosed()
      .subscribe(() => {
        if (this.card()) void this.router.navigate([], { queryParams: { card: null }, queryParamsHandling: 'merge', replaceUrl: true });
      });
  }

  openArchive(): void {
    const data: ArchiveDialogData = { store: this.store, projectId: this.id() };
    this.dialog.open(ArchiveDialogComponent, { data, width: '560px', maxWidth: '95vw' });
  }

  async drop(event: CdkDragDrop<string>): Promise<void> {
    const cardId = event.item.data as string;
    const toColumnId = event.container.data;
    if (event.previousContainer === event.container && event.previousIndex === event.currentIndex) return;
    await this.moveCard(cardId, toColumnId, event.currentIndex, false);
  }

  async dropColumn(event: CdkDragDrop<unknown>): Promise<void> {
    if (event.previousIndex === event.currentIndex) return;
    await this.store.moveColumn(event.item.data as string, event.currentIndex);
  }

  /** Alt + arrow keys move the focused card (up/down in its column, left/right to the next column). */
  async onCardKey(event: KeyboardEvent, card: Card): Promise<void> {
    const dir = KEYS[event.key];
    if (!dir || !event.altKey || !this.store.canWrite()) return;
    event.preventDefault();
    await this.moveBy(card, dir);
  }

  async moveBy(card: Card, dir: KeyDirection): Promise<void> {
    const shown: BoardColumn[] = this.store.visibleColumns().map((c) => ({ ...c, cards: c.shown }));
    const target = keyboardTarget(shown, card.id, dir);
    if (!target) {
      void this.announcer.announce(this.transloco.translate('projects.board.cannotMove'), 'assertive');
      return;
    }
    await this.moveCard(card.id, target.toColumnId, target.index, true);
  }

  /** From the "Move to" menu: the end of another column. */
  async moveTo(card: Card, columnId: string): Promise<void> {
    const col = this.store.visibleColumns().find((c) => c.id === columnId);
    if (col) await this.moveCard(card.id, columnId, col.shown.filter((c) => c.id !== card.id).length, true);
  }

  private async moveCard(cardId: string, toColumnId: string, index: number, refocus: boolean): Promise<void> {
    const title = this.store.card(cardId)?.title ?? '';
    const pending = this.store.move(cardId, toColumnId, index);
    // The card's element moved with the optimistic update: keep the keyboard focus on it.
    if (refocus) afterNextRender(() => this.focusCard(cardId), { injector: this.injector });
    const result = await pending;
    if (!result.ok) {
      if (result.messageKey) this.snack.open(this.transloco.translate(result.messageKey));
      return;
    }
    const col = this.store.visibleColumns().find((c) => c.id === toColumnId);
    const position = (col?.shown.findIndex((c) => c.id === cardId) ?? 0) + 1;
    void this.announcer.announce(
      this.transloco.translate('projects.board.moved', { title, column: col?.name ?? '', position, total: col?.shown.length ?? 0 }),
      'polite',
    );
    if (refocus) afterNextRender(() => this.focusCard(cardId), { injector: this.injector });
  }

  private focusCard(cardId: string): void {
    const el = this.host.nativeElement.querySelector<HTMLElement>(`[data-card-id="${cardId}"] .open`);
    if (el && el.ownerDocument.activeElement !== el) el.focus();
  }

  startAdding(columnId: string): void {
    this.adding.set(columnId);
    setTimeout(() => this.host.nativeElement.querySelector<HTMLTextAreaElement>(`#new-card-${columnId}`)?.focus());
  }

  async addCard(columnId: string, input: HTMLTextAreaElement, keepOpen: boolean): Promise<void> {
    const title = input.value.trim();
    if (!title) {
      this.adding.set(null);
      return;
    }
    try {
      await this.store.create(columnId, title);
      input.value = '';
      void this.announcer.announce(this.transloco.translate('projects.board.cardAdded', { title }), 'polite');
      if (!keepOpen) this.adding.set(null);
    } catch (err) {
      this.snack.open(this.errors.message(err));
    }
  }

  onNewCardKey(event: KeyboardEvent, columnId: string, input: HTMLTextAreaElement): void {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      void this.addCard(columnId, input, true);
    } else if (event.key === 'Escape') {
      this.adding.set(null);
    }
  }

  addColumn(): void {
    this.prompt(
      {
        title: this.t('projects.board.addColumn'),
        label: this.t('projects.board.columnName'),
        value: '',
        confirmLabel: this.t('projects.board.add'),
        maxLength: COLUMN_NAME_MAX,
      },
      (name) => this.store.addColumn(name),
    );
  }

  renameColumn(col: VisibleColumn): void {
    this.prompt(
      {
        title: this.t('projects.board.renameColumn'),
        label: this.t('projects.board.columnName'),
        value: col.name,
        confirmLabel: this.t('common.save'),
        maxLength: COLUMN_NAME_MAX,
      },
      (name) => this.store.updateColumn(col.id, { name }),
    );
  }

  setWip(col: VisibleColumn): void {
    this.prompt(
      {
        title: this.t('projects.board.wipLimit'),
        label: this.t('projects.board.wipLimitLabel'),
        value: col.wipLimit ? String(col.wipLimit) : '',
        confirmLabel: this.t('common.save'),
        type: 'number',
        optional: true,
        hint: this.t('projects.board.wipHint'),
      },
      (value) => {
        const n = Number(value);
        return this.store.updateColumn(col.id, { wipLimit: value && Number.isInteger(n) && n > 0 ? n : null });
      },
    );
  }

  async archiveColumn(col: VisibleColumn): Promise<void> {
    try {
      await this.store.archiveColumn(col.id);
      this.snack.open(this.t('projects.board.columnArchived', { name: col.name }));
    } catch (err) {
      this.snack.open(this.errors.message(err));
    }
  }

  private prompt(data: PromptDialogData, then: (value: string) => Promise<unknown>): void {
    this.dialog
      .open<PromptDialogComponent, PromptDialogData, string>(PromptDialogComponent, { data, width: '420px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((value) => {
        if (value === undefined || (!value && !data.optional)) return;
        then(value).catch((err: unknown) => this.snack.open(this.errors.message(err)));
      });
  }

  private t(key: string, params?: Record<string, unknown>): string {
    return this.transloco.translate(key, params);
  }
}
