import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, signal, untracked } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormsModule, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatChipsModule } from '@angular/material/chips';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTabsModule } from '@angular/material/tabs';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  CARD_DESCRIPTION_MAX,
  CARD_TITLE_MAX,
  COMMENT_MAX,
  type Activity,
  type Card,
  type CardComment,
  type CardEditableField,
} from '@klasteris/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthStore } from '../../../core/auth/auth.store';
import { ErrorMessageService } from '../../../core/http/error-message.service';
import { LanguageService } from '../../../core/i18n/language.service';
import { AvatarComponent } from '../../../shared/ui/avatar.component';
import { renderMarkdown } from '../../../shared/markdown';
import { activityParams, conflictsOf, diffPatch, resolvePatch, type CardPatch } from '../board-logic';
import type { BoardStore } from '../board.store';
import { ProjectsApi } from '../projects.api';
import { CardAttachmentsComponent } from './card-attachments.component';
import { CardBookingsComponent } from './card-bookings.component';
import { CardSourceComponent } from './card-source.component';
import { ConflictDialogComponent, type ConflictDialogData } from './conflict-dialog.component';

export interface CardDialogData {
  store: BoardStore;
  cardId: string;
}

const EDITING_RENEW_MS = 10_000;
const FORM_FIELDS = ['title', 'description', 'assigneeIds', 'labelIds', 'startDate', 'dueDate'] as const;

/**
 * One card: fields (saved together, based on the version the form started from), checklist and
 * comments (saved one by one), activity. Someone else's change of an untouched form is taken in;
 * of a touched form it is announced, and saving merges or asks field by field (theirs / mine).
 */
@Component({
  selector: 'app-card-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    CardAttachmentsComponent,
    CardSourceComponent,
    DatePipe,
    FormsModule,
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatChipsModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    MatTabsModule,
    TranslocoPipe,
    AvatarComponent,
    CardBookingsComponent,
  ],
  templateUrl: './card-dialog.component.html',
  styleUrl: './card-dialog.component.scss',
})
export class CardDialogComponent {
  protected readonly data = inject<CardDialogData>(MAT_DIALOG_DATA);
  protected readonly store = this.data.store;
  private readonly api = inject(ProjectsApi);
  private readonly dialog = inject(MatDialog);
  private readonly ref = inject(MatDialogRef<CardDialogComponent>);
  private readonly snack = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly errors = inject(ErrorMessageService);
  protected readonly language = inject(LanguageService);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly auth = inject(AuthStore);
  protected readonly me = computed(() => this.auth.user()?.id ?? null);
  protected readonly editingId = signal<string | null>(null);
  protected readonly editText = this.fb.control('', [Validators.required, Validators.maxLength(COMMENT_MAX)]);
  /** earlier versions of the comments whose history is open, by comment id */
  protected readonly history = signal<Record<string, { body: string; at: string }[]>>({});

  protected readonly titleMax = CARD_TITLE_MAX;
  protected readonly descriptionMax = CARD_DESCRIPTION_MAX;
  protected readonly commentMax = COMMENT_MAX;
  /** the card as the server has it now (live) */
  protected readonly live = computed(() => this.store.card(this.data.cardId));
  /** the version the form is based on */
  protected readonly base = signal<Card | null>(this.store.card(this.data.cardId) ?? null);
  protected readonly busy = signal(false);
  protected readonly preview = signal(false);
  protected readonly comments = signal<CardComment[]>([]);
  protected readonly activity = signal<Activity[] | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly editingBy = computed(() => {
    const mark = this.store.editing()[this.data.cardId];
    return mark && mark.userId !== this.store.myId() ? mark : null;
  });

  protected readonly form = this.fb.group({
    title: ['', [Validators.required, Validators.maxLength(CARD_TITLE_MAX)]],
    description: ['', [Validators.maxLength(CARD_DESCRIPTION_MAX)]],
    assigneeIds: [[] as string[]],
    labelIds: [[] as string[]],
    startDate: [''],
    dueDate: [''],
  });
  private readonly formValue = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  protected readonly rendered = computed(() => renderMarkdown(this.formValue().description ?? ''));
  /** someone else changed fields of the card after I started editing */
  protected readonly changedMeanwhile = computed(() => {
    const live = this.live();
    const base = this.base();
    return !!live && !!base && live.version > base.version && FORM_FIELDS.some((f) => JSON.stringify(live[f]) !== JSON.stringify(base[f]));
  });
  protected readonly commentText = this.fb.control('', [Validators.maxLength(COMMENT_MAX)]);
  protected readonly newItem = this.fb.control('', [Validators.maxLength(300)]);

  constructor() {
    const base = this.base();
    if (base) this.reset(base);
    if (!this.store.canWrite()) {
      this.form.disable();
      this.commentText.disable();
    }
    // Someone else changed the card: an untouched form follows; a touched one keeps my draft.
    effect(() => {
      const live = this.live();
      untracked(() => {
        const b = this.base();
        if (!live) return;
        if (b && live.version > b.version && !this.form.dirty) this.reset(live);
      });
    });
    void this.loadComments();
    const destroyRef = inject(DestroyRef);
    this.store.commentAdded.pipe(takeUntilDestroyed(destroyRef)).subscribe((p) => {
      if (p.comment.cardId === this.data.cardId)
        this.comments.update((list) => (list.some((c) => c.id === p.comment.id) ? list : [...list, p.comment]));
    });
    this.store.commentUpdated.pipe(takeUntilDestroyed(destroyRef)).subscribe((p) => {
      if (p.comment.cardId === this.data.cardId) this.replaceComment(p.comment);
    });
    this.store.setEditing(this.data.cardId, true);
    const renew = setInterval(() => this.store.setEditing(this.data.cardId, true), EDITING_RENEW_MS);
    destroyRef.onDestroy(() => {
      clearInterval(renew);
      this.store.setEditing(this.data.cardId, false);
    });
  }

  private reset(card: Card): void {
    this.base.set(card);
    this.form.reset({
      title: card.title,
      description: card.description,
      assigneeIds: card.assigneeIds,
      labelIds: card.labelIds,
      startDate: card.startDate ?? '',
      dueDate: card.dueDate ?? '',
    });
  }

  private draft(): Required<CardPatch> {
    const v = this.form.getRawValue();
    return {
      title: v.title.trim(),
      description: v.description,
      assigneeIds: v.assigneeIds,
      labelIds: v.labelIds,
      startDate: v.startDate || null,
      dueDate: v.dueDate || null,
      archived: this.base()?.archived ?? false,
    };
  }

  /** Takes in the card as it is now, dropping my unsaved changes. */
  takeTheirs(): void {
    const live = this.live();
    if (live) this.reset(live);
  }

  async save(): Promise<void> {
    const base = this.base();
    this.form.markAllAsTouched();
    if (!base || this.form.invalid || this.busy()) return;
    const patch = diffPatch(base, this.draft());
    if (Object.keys(patch).length === 0) {
      this.ref.close();
      return;
    }
    await this.send(base, patch, base.version, true);
  }

  /** Sends a change; on a conflict asks theirs/mine per field and sends the rest on the current version. */
  private async send(card: Card, patch: CardPatch, version: number, close: boolean): Promise<boolean> {
    this.busy.set(true);
    this.error.set(null);
    try {
      let result = await this.store.save(card, patch, version);
      while (result.kind === 'conflict') {
        const current = result.current;
        const conflicts = conflictsOf(patch, current, result.fields);
        let keepTheirs = new Set<CardEditableField>();
        if (conflicts.length > 0) {
          const data: ConflictDialogData = { conflicts, labels: this.store.labelMap(), members: this.store.memberMap() };
          const choice = await firstValueFrom(
            this.dialog
              .open<ConflictDialogComponent, ConflictDialogData, Set<CardEditableField>>(ConflictDialogComponent, {
                data,
                width: '640px',
                maxWidth: '95vw',
              })
              .afterClosed(),
          );
          if (!choice) {
            this.error.set(this.transloco.translate('projects.conflict.unsaved'));
            return false;
          }
          keepTheirs = choice;
        }
        const resolved = resolvePatch(patch, keepTheirs, current.version);
        if (!resolved) {
          this.reset(current);
          if (close) this.ref.close();
          return true;
        }
        const { version: v, ...rest } = resolved;
        patch = rest;
        result = await this.store.save(current, rest, v);
      }
      if (result.kind === 'error') {
        this.error.set(this.transloco.translate(result.messageKey));
        return false;
      }
      this.reset(result.card);
      this.snack.open(this.transloco.translate('projects.card.saved'));
      if (close) this.ref.close();
      return true;
    } finally {
      this.busy.set(false);
    }
  }

  async setArchived(archived: boolean): Promise<void> {
    const base = this.base();
    if (base) await this.send(base, { archived }, base.version, archived);
  }

  async remove(): Promise<void> {
    const live = this.live();
    if (!live || !confirm(this.transloco.translate('projects.card.confirmDelete', { title: live.title }))) return;
    try {
      await this.store.deleteCard(live);
      this.ref.close();
    } catch (err) {
      this.error.set(this.errors.message(err));
    }
  }

  // ---- checklist (saved item by item) ----

  protected async checklist(op: () => Promise<{ card: Card }>): Promise<void> {
    try {
      const { card } = await op();
      this.store.put(card);
    } catch (err) {
      this.snack.open(this.errors.message(err));
    }
  }

  addItem(): void {
    const text = this.newItem.value.trim();
    if (!text) return;
    this.newItem.setValue('');
    void this.checklist(() => firstValueFrom(this.api.addChecklistItem(this.data.cardId, text)));
  }

  toggleItem(itemId: string, done: boolean): void {
    void this.checklist(() => firstValueFrom(this.api.updateChecklistItem(this.data.cardId, itemId, { done })));
  }

  removeItem(itemId: string): void {
    void this.checklist(() => firstValueFrom(this.api.removeChecklistItem(this.data.cardId, itemId)));
  }

  // ---- comments and activity ----

  private async loadComments(): Promise<void> {
    try {
      this.comments.set((await firstValueFrom(this.api.comments(this.data.cardId))).items);
    } catch {
      this.comments.set([]);
    }
  }

  async addComment(): Promise<void> {
    const body = this.commentText.value.trim();
    if (!body) return;
    try {
      const { comment } = await firstValueFrom(this.api.addComment(this.data.cardId, body));
      this.commentText.setValue('');
      this.comments.update((list) => (list.some((c) => c.id === comment.id) ? list : [...list, comment]));
    } catch (err) {
      this.snack.open(this.errors.message(err));
    }
  }

  startEdit(c: CardComment): void {
    this.editText.setValue(c.body);
    this.editingId.set(c.id);
  }

  async saveEdit(c: CardComment): Promise<void> {
    const body = this.editText.value.trim();
    if (!body) return;
    try {
      const { comment } = await firstValueFrom(this.api.editComment(this.data.cardId, c.id, body));
      this.replaceComment(comment);
      this.editingId.set(null);
    } catch (err) {
      this.snack.open(this.errors.message(err));
    }
  }

  async deleteComment(c: CardComment): Promise<void> {
    if (!confirm(this.transloco.translate('projects.card.confirmDeleteComment'))) return;
    try {
      const { comment } = await firstValueFrom(this.api.deleteComment(this.data.cardId, c.id));
      this.replaceComment(comment);
    } catch (err) {
      this.snack.open(this.errors.message(err));
    }
  }

  async toggleHistory(c: CardComment): Promise<void> {
    if (this.history()[c.id]) {
      this.history.update(({ [c.id]: _open, ...rest }) => rest);
      return;
    }
    try {
      const { items } = await firstValueFrom(this.api.commentHistory(this.data.cardId, c.id));
      this.history.update((h) => ({ ...h, [c.id]: items }));
    } catch (err) {
      this.snack.open(this.errors.message(err));
    }
  }

  private replaceComment(comment: CardComment): void {
    this.comments.update((list) => list.map((x) => (x.id === comment.id ? comment : x)));
    if (this.history()[comment.id]) this.history.update(({ [comment.id]: _stale, ...rest }) => rest);
  }

  async loadActivity(): Promise<void> {
    if (this.activity()) return;
    try {
      this.activity.set((await firstValueFrom(this.api.cardActivity(this.data.cardId))).items);
    } catch {
      this.activity.set([]);
    }
  }

  protected member(id: string) {
    return this.store.memberMap().get(id);
  }

  protected activityText(a: Activity): string {
    const column = (id: unknown): string => this.store.columns().find((c) => c.id === id)?.name ?? '…';
    return this.transloco.translate(
      `projects.activity.${a.kind}`,
      activityParams(a, column, (f) => this.transloco.translate(`projects.fields.${f}`)),
    );
  }
}
