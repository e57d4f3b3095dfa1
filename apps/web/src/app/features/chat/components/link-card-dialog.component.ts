import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatListModule, type MatSelectionListChange } from '@angular/material/list';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { Message, Project } from '@klasteris/contracts';
import { firstValueFrom } from 'rxjs';
import { ErrorMessageService } from '../../../core/http/error-message.service';
import { ProjectsApi } from '../../projects/projects.api';
import { pickableCards, type PickableCard } from '../card-from-message';
import type { CreateCardResult } from './create-card-dialog.component';

export interface LinkCardDialogData {
  message: Message;
  /** the projects I own (at least one) */
  projects: Project[];
  authorName: string;
  excerpt: string;
  /** preselected project (the project of a project channel) */
  projectId: string | null;
}

const SHOWN = 50;

/**
 * "Link to a card…" of a chat message (project owners): a project I own, then one of its board's
 * cards, found by title; the card then links back to the message and the message shows the card.
 * Cards already linked to a message are listed but cannot be chosen.
 */
@Component({
  selector: 'app-link-card-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatListModule,
    MatSelectModule,
    TranslocoPipe,
  ],
  template: `
    <h2 mat-dialog-title>{{ 'chat.card.link.title' | transloco }}</h2>
    <form (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <blockquote class="quote" data-testid="link-card-quote">
          <span class="who">{{ data.authorName }}</span>
          <span class="text">{{ data.excerpt }}</span>
        </blockquote>
        <mat-form-field class="full-width">
          <mat-label>{{ 'chat.card.project' | transloco }}</mat-label>
          <mat-select
            [ngModel]="projectId()"
            (ngModelChange)="chooseProject($event)"
            name="projectId"
            required
            data-testid="link-card-project"
          >
            @for (p of data.projects; track p.id) {
              <mat-option [value]="p.id">{{ p.name }}</mat-option>
            }
          </mat-select>
          <mat-hint>{{ 'chat.card.link.ownersOnly' | transloco }}</mat-hint>
        </mat-form-field>
        <mat-form-field class="full-width">
          <mat-label>{{ 'chat.card.link.search' | transloco }}</mat-label>
          <mat-icon matPrefix aria-hidden="true" fontIcon="search" />
          <input
            matInput
            type="search"
            name="query"
            [ngModel]="query()"
            (ngModelChange)="query.set($event)"
            cdkFocusInitial
            autocomplete="off"
            data-testid="link-card-search"
          />
        </mat-form-field>

        @if (loading()) {
          <p class="status" role="status">{{ 'chat.card.link.loading' | transloco }}</p>
        } @else if (projectId() && all().length === 0) {
          <p class="status" role="status">{{ 'chat.card.link.empty' | transloco }}</p>
        } @else if (projectId() && matches().length === 0) {
          <p class="status" role="status" data-testid="link-card-none">
            {{ 'chat.card.link.none' | transloco: { query: query().trim() } }}
          </p>
        }
        @if (shown().length) {
          <mat-selection-list
            [multiple]="false"
            class="cards"
            [attr.aria-label]="'chat.card.link.cards' | transloco: { project: projectName() }"
            (selectionChange)="pick($event)"
            data-testid="link-card-list"
          >
            @for (c of shown(); track c.card.id) {
              <mat-list-option
                [value]="c.card.id"
                [selected]="c.card.id === selectedId()"
                [disabled]="c.linked"
                data-testid="link-card-option"
              >
                <span matListItemTitle>{{ c.card.title }}</span>
                <span matListItemLine class="where"
                  >{{ c.columnName }}
                  @if (c.linked) {
                    · {{ 'chat.card.link.linked' | transloco }}
                  }
                </span>
              </mat-list-option>
            }
          </mat-selection-list>
          @if (matches().length > shown().length) {
            <p class="status">{{ 'chat.card.link.more' | transloco: { count: matches().length - shown().length } }}</p>
          }
        }
        @if (error(); as e) {
          <p class="form-error" role="alert" data-testid="link-card-error">{{ e }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="link-card-submit">
          {{ 'chat.card.link.submit' | transloco }}
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
    .cards {
      max-height: 280px;
      overflow-y: auto;
      border: 1px solid var(--k-border, #c4ced6);
      border-radius: 4px;
      padding: 0;
    }
    .where {
      color: var(--k-text-muted, #5f6b76);
    }
    .status {
      color: var(--k-text-muted, #5f6b76);
      margin: 4px 0 8px;
    }
  `,
})
export class LinkCardDialogComponent {
  protected readonly data = inject<LinkCardDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<LinkCardDialogComponent, CreateCardResult>>(MatDialogRef);
  private readonly api = inject(ProjectsApi);
  private readonly errors = inject(ErrorMessageService);
  private readonly transloco = inject(TranslocoService);

  protected readonly projectId = signal(this.initialProject());
  protected readonly query = signal('');
  protected readonly selectedId = signal<string | null>(null);
  protected readonly all = signal<PickableCard[]>([]);
  protected readonly loading = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  private request = 0;

  protected readonly projectName = computed(() => this.data.projects.find((p) => p.id === this.projectId())?.name ?? '');
  protected readonly matches = computed(() => pickableCards(this.all(), this.query()));
  protected readonly shown = computed(() => this.matches().slice(0, SHOWN));

  constructor() {
    void this.load(this.projectId());
  }

  private initialProject(): string {
    const preferred = this.data.projectId;
    if (preferred && this.data.projects.some((p) => p.id === preferred)) return preferred;
    return this.data.projects.length === 1 ? this.data.projects[0]!.id : '';
  }

  protected chooseProject(id: string): void {
    this.projectId.set(id);
    void this.load(id);
  }

  protected pick(e: MatSelectionListChange): void {
    const id = e.options.find((o) => o.selected)?.value as string | undefined;
    this.selectedId.set(id ?? null);
    this.error.set(null);
  }

  /** The cards of the chosen project's open columns, in board order. */
  private async load(projectId: string): Promise<void> {
    const mine = ++this.request;
    this.all.set([]);
    this.selectedId.set(null);
    if (!projectId) return;
    this.loading.set(true);
    try {
      const board = await firstValueFrom(this.api.board(projectId));
      if (mine !== this.request) return;
      this.all.set(
        board.columns
          .filter((c) => !c.archived)
          .flatMap((c) =>
            c.cards.filter((card) => !card.archived).map((card) => ({ card, columnName: c.name, linked: !!card.sourceMessage })),
          ),
      );
      this.error.set(null);
    } catch (err) {
      if (mine === this.request) this.error.set(this.errors.message(err));
    } finally {
      if (mine === this.request) this.loading.set(false);
    }
  }

  protected async submit(): Promise<void> {
    const project = this.data.projects.find((p) => p.id === this.projectId());
    const cardId = this.selectedId();
    if (this.busy()) return;
    if (!project || !cardId) {
      this.error.set(this.transloco.translate('chat.card.link.pick'));
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    try {
      const { card } = await firstValueFrom(
        this.api.linkCardToMessage(cardId, { channelId: this.data.message.channelId, messageId: this.data.message.id }),
      );
      this.ref.close({ card, project });
    } catch (err) {
      this.error.set(this.errors.message(err));
      this.busy.set(false);
    }
  }
}
