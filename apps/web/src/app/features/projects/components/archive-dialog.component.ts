import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { Card, Column } from '@klasteris/contracts';
import { firstValueFrom } from 'rxjs';
import { ErrorMessageService } from '../../../core/http/error-message.service';
import type { BoardStore } from '../board.store';
import { ProjectsApi } from '../projects.api';

export interface ArchiveDialogData {
  store: BoardStore;
  projectId: string;
}

/** Archived columns and cards of a board, each with "Restore". */
@Component({
  selector: 'app-archive-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatDialogModule, MatIconModule, TranslocoPipe],
  template: `
    <h2 mat-dialog-title>{{ 'projects.archive.title' | transloco }}</h2>
    <mat-dialog-content>
      @if (loaded()) {
        <h3 class="sub">{{ 'projects.archive.columns' | transloco }}</h3>
        <ul class="list" data-testid="archived-columns">
          @for (c of columns(); track c.id) {
            <li>
              <span>{{ c.name }}</span><button mat-stroked-button type="button" (click)="restoreColumn(c)">
                {{ 'projects.card.restore' | transloco }}
              </button>
            </li>
          } @empty {
            <li class="muted">{{ 'projects.archive.none' | transloco }}</li>
          }
        </ul>
        <h3 class="sub">{{ 'projects.archive.cards' | transloco }}</h3>
        <ul class="list" data-testid="archived-cards">
          @for (c of cards(); track c.id) {
            <li>
              <span>{{ c.title }}</span><button mat-stroked-button type="button" (click)="restoreCard(c)" data-testid="restore-card">
                {{ 'projects.card.restore' | transloco }}
              </button>
            </li>
          } @empty {
            <li class="muted">{{ 'projects.archive.none' | transloco }}</li>
          }
        </ul>
      } @else {
        <p class="muted">{{ 'common.loading' | transloco }}</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-flat-button type="button" mat-dialog-close>{{ 'common.close' | transloco }}</button>
    </mat-dialog-actions>
  `,
  styles: `
    .sub {
      font: var(--mat-sys-title-small);
      margin: 12px 0 4px;
    }
    .list {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .list li {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 12px;
      padding: 4px 0;
    }
    .list span {
      overflow-wrap: anywhere;
    }
  `,
})
export class ArchiveDialogComponent {
  private readonly data = inject<ArchiveDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(ProjectsApi);
  private readonly snack = inject(MatSnackBar);
  private readonly errors = inject(ErrorMessageService);
  private readonly transloco = inject(TranslocoService);
  protected readonly columns = signal<Column[]>([]);
  protected readonly cards = signal<Card[]>([]);
  protected readonly loaded = signal(false);

  constructor() {
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const a = await firstValueFrom(this.api.archive(this.data.projectId));
      this.columns.set(a.columns);
      this.cards.set(a.cards);
    } catch (err) {
      this.snack.open(this.errors.message(err));
    }
    this.loaded.set(true);
  }

  async restoreColumn(c: Column): Promise<void> {
    try {
      await this.data.store.restoreColumn(c.id);
      this.columns.update((list) => list.filter((x) => x.id !== c.id));
    } catch (err) {
      this.snack.open(this.errors.message(err));
    }
  }

  async restoreCard(c: Card): Promise<void> {
    const result = await this.data.store.save(c, { archived: false });
    if (result.kind === 'error') this.snack.open(this.transloco.translate(result.messageKey));
    else this.cards.update((list) => list.filter((x) => x.id !== c.id));
  }
}
