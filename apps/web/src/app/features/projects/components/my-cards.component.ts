import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { CardWithContext } from '@klasteris/contracts';
import { firstValueFrom } from 'rxjs';
import { dueState } from '../board-logic';
import { ProjectsApi } from '../projects.api';

type Due = '' | 'overdue' | 'week';

/** "My cards": open cards assigned to me across my projects (for the dashboard). */
@Component({
  selector: 'app-my-cards',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonToggleModule, MatIconModule, TranslocoPipe],
  template: `
    <section class="k-card" aria-labelledby="my-cards-h" data-testid="my-cards">
      <div class="head">
        <h2 id="my-cards-h" class="section-title">{{ 'projects.myCards.title' | transloco }}</h2>
        <mat-button-toggle-group
          [value]="due()"
          (change)="load($event.value)"
          [attr.aria-label]="'projects.filters.due' | transloco"
          hideSingleSelectionIndicator
        >
          <mat-button-toggle value="">{{ 'common.all' | transloco }}</mat-button-toggle>
          <mat-button-toggle value="overdue">{{ 'projects.filters.dues.overdue' | transloco }}</mat-button-toggle>
          <mat-button-toggle value="week">{{ 'projects.myCards.week' | transloco }}</mat-button-toggle>
        </mat-button-toggle-group>
      </div>
      <ul class="list">
        @for (c of cards(); track c.id) {
          <li>
            <a [routerLink]="['/projects', c.projectId, 'board']" [queryParams]="{ card: c.id }" class="card-link">
              <span class="title">{{ c.title }}</span>
              <span class="where muted">{{ c.projectName }} · {{ c.columnName }}</span>
            </a>
            @if (c.dueDate) {
              <span class="due due-{{ state(c) }}">{{ c.dueDate }}</span>
            }
          </li>
        } @empty {
          <li class="muted">{{ (loaded() ? 'projects.myCards.none' : 'common.loading') | transloco }}</li>
        }
      </ul>
    </section>
  `,
  styles: `
    .head {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      align-items: center;
      gap: 8px;
    }
    .list {
      list-style: none;
      margin: 8px 0 0;
      padding: 0;
    }
    li {
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 6px 0;
      border-bottom: 1px solid var(--k-border);
    }
    li:last-child {
      border-bottom: 0;
    }
    .card-link {
      flex: 1;
      display: flex;
      flex-direction: column;
      text-decoration: none;
      color: inherit;
      min-width: 0;
    }
    .card-link:hover .title,
    .card-link:focus-visible .title {
      text-decoration: underline;
    }
    .title {
      font-weight: 500;
      overflow-wrap: anywhere;
    }
    .where {
      font-size: 0.85rem;
    }
    .due {
      font-size: 12px;
      border-radius: 4px;
      padding: 0 6px;
      white-space: nowrap;
    }
    .due-overdue {
      background: #fde2e1;
      color: #7f1d1d;
    }
    .due-soon {
      background: #fff1cf;
      color: #5c3d00;
    }
  `,
})
export class MyCardsComponent {
  private readonly api = inject(ProjectsApi);
  protected readonly cards = signal<CardWithContext[]>([]);
  protected readonly loaded = signal(false);
  protected readonly due = signal<Due>('');

  constructor() {
    void this.load('');
  }

  async load(due: Due): Promise<void> {
    this.due.set(due);
    try {
      this.cards.set((await firstValueFrom(this.api.myCards({ due: due || undefined, limit: 8 }))).items);
    } catch {
      this.cards.set([]);
    }
    this.loaded.set(true);
  }

  protected state(c: CardWithContext): string {
    return dueState(c) ?? 'later';
  }
}
