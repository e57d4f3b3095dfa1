import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { CARD_TITLE_MAX, type Card, type Column, type Message, type Project } from '@klasteris/contracts';
import { firstValueFrom } from 'rxjs';
import { ErrorMessageService } from '../../../core/http/error-message.service';
import { ProjectsApi } from '../../projects/projects.api';

export interface CreateCardDialogData {
  message: Message;
  /** the projects I may create cards in (at least one) */
  projects: Project[];
  /** prefilled: the message's first line, fitted to the title's maximum */
  title: string;
  /** the message's author and the message as plain text, for the quote */
  authorName: string;
  excerpt: string;
  /** preselected project (the project of a project channel) */
  projectId: string | null;
}

/** The card made, and the project it is in. */
export interface CreateCardResult {
  card: Card;
  project: Project;
}

/**
 * "Create card…" of a chat message: a project I may write in, one of its board's columns, the title
 * (prefilled from the message); the card remembers the message (`sourceMessage`) and the message
 * then shows the card.
 */
@Component({
  selector: 'app-create-card-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatSelectModule, TranslocoPipe],
  template: `
    <h2 mat-dialog-title>{{ 'chat.card.title' | transloco }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <blockquote class="quote" data-testid="card-from-quote">
          <span class="who">{{ data.authorName }}</span>
          <span class="text">{{ data.excerpt }}</span>
        </blockquote>
        <mat-form-field class="full-width">
          <mat-label>{{ 'chat.card.project' | transloco }}</mat-label>
          <mat-select formControlName="projectId" required data-testid="card-from-project">
            @for (p of data.projects; track p.id) {
              <mat-option [value]="p.id">{{ p.name }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field class="full-width">
          <mat-label>{{ 'chat.card.column' | transloco }}</mat-label>
          <mat-select formControlName="columnId" required data-testid="card-from-column">
            @for (c of columns(); track c.id) {
              <mat-option [value]="c.id">{{ c.name }}</mat-option>
            }
          </mat-select>
          @if (loadingColumns()) {
            <mat-hint>{{ 'chat.card.loadingColumns' | transloco }}</mat-hint>
          } @else if (form.controls.columnId.touched && form.controls.columnId.invalid) {
            <mat-error>{{ 'chat.card.columnRequired' | transloco }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field class="full-width">
          <mat-label>{{ 'chat.card.cardTitle' | transloco }}</mat-label>
          <input matInput formControlName="title" required [maxlength]="titleMax" cdkFocusInitial data-testid="card-from-title" />
          <mat-hint align="end">{{ form.controls.title.value.length }}/{{ titleMax }}</mat-hint>
          @if (form.controls.title.touched && form.controls.title.invalid) {
            <mat-error>{{ 'chat.card.titleRequired' | transloco }}</mat-error>
          }
        </mat-form-field>
        @if (error(); as e) {
          <p class="form-error" role="alert" data-testid="card-from-error">{{ e }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="card-from-create">
          {{ 'chat.card.create' | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .quote {
      margin: 0 0 16px;
      padding: 8px 12px;
      border-left: 3px solid var(--k-border, #c4ced6);
      background: var(--k-surface-alt, #f4f7f9);
      border-radius: 4px;
    }
    .quote .who {
      display: block;
      font-weight: 600;
      margin-bottom: 2px;
    }
    .quote .text {
      display: -webkit-box;
      -webkit-line-clamp: 3;
      line-clamp: 3;
      -webkit-box-orient: vertical;
      overflow: hidden;
      white-space: pre-line;
    }
    .full-width {
      width: 100%;
    }
  `,
})
export class CreateCardDialogComponent {
  protected readonly data = inject<CreateCardDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<CreateCardDialogComponent, CreateCardResult>>(MatDialogRef);
  private readonly api = inject(ProjectsApi);
  private readonly errors = inject(ErrorMessageService);

  protected readonly titleMax = CARD_TITLE_MAX;
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly columns = signal<Column[]>([]);
  protected readonly loadingColumns = signal(false);
  private columnsRequest = 0;

  protected readonly form = inject(NonNullableFormBuilder).group({
    projectId: [this.initialProject(), [Validators.required]],
    columnId: ['', [Validators.required]],
    title: [this.data.title, [Validators.required, Validators.maxLength(CARD_TITLE_MAX)]],
  });

  constructor() {
    this.form.controls.projectId.valueChanges.pipe(takeUntilDestroyed(inject(DestroyRef))).subscribe((id) => void this.loadColumns(id));
    void this.loadColumns(this.form.controls.projectId.value);
  }

  private initialProject(): string {
    const preferred = this.data.projectId;
    if (preferred && this.data.projects.some((p) => p.id === preferred)) return preferred;
    return this.data.projects.length === 1 ? this.data.projects[0]!.id : '';
  }

  /** The columns of the chosen project's board, in board order; the first one is preselected. */
  private async loadColumns(projectId: string): Promise<void> {
    const mine = ++this.columnsRequest;
    this.columns.set([]);
    this.form.controls.columnId.setValue('');
    if (!projectId) return;
    this.loadingColumns.set(true);
    try {
      const board = await firstValueFrom(this.api.board(projectId));
      if (mine !== this.columnsRequest) return;
      const open = board.columns.filter((c) => !c.archived);
      this.columns.set(open);
      if (open[0]) this.form.controls.columnId.setValue(open[0].id);
      this.error.set(null);
    } catch (err) {
      if (mine === this.columnsRequest) this.error.set(this.errors.message(err));
    } finally {
      if (mine === this.columnsRequest) this.loadingColumns.set(false);
    }
  }

  protected async submit(): Promise<void> {
    this.form.markAllAsTouched();
    const v = this.form.getRawValue();
    const title = v.title.trim();
    if (!title) this.form.controls.title.setErrors({ required: true });
    if (this.form.invalid || !title || this.busy()) return;
    const project = this.data.projects.find((p) => p.id === v.projectId);
    if (!project) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      const { card } = await firstValueFrom(
        this.api.createCard({
          projectId: project.id,
          columnId: v.columnId,
          title,
          sourceMessage: { channelId: this.data.message.channelId, messageId: this.data.message.id },
        }),
      );
      this.ref.close({ card, project });
    } catch (err) {
      this.error.set(this.errors.message(err));
      this.busy.set(false);
    }
  }
}
