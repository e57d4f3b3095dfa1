import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { PublicEvent } from '@klasteris/contracts';
import { EmptyStateComponent } from '../../../shared/ui/empty-state.component';
import { PublicEventCardComponent } from '../components/public-event-card.component';
import { PUBLIC_EVENTS_ICS, VisitApi } from '../visit.api';

/** Upcoming public events of the cluster, for visitors; a calendar app can subscribe to them all. */
@Component({
  selector: 'app-public-events-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatIconModule,
    MatProgressSpinnerModule,
    TranslocoPipe,
    EmptyStateComponent,
    PublicEventCardComponent,
  ],
  template: `
    <div class="page">
      <header class="head">
        <div>
          <h1 data-testid="visit-events-title">{{ 'visit.list.title' | transloco }}</h1>
          <p class="lead">{{ 'visit.list.lead' | transloco }}</p>
        </div>
        <div class="subscribe">
          <a mat-stroked-button [href]="ics" data-testid="visit-events-ics"
            ><mat-icon aria-hidden="true" fontIcon="event_repeat" />{{ 'visit.list.subscribe' | transloco }}</a
          >
          <p class="hint">{{ 'visit.list.subscribeHint' | transloco }}</p>
        </div>
      </header>

      @if (events(); as list) {
        @if (list.length === 0) {
          <app-empty-state icon="event_available" [title]="'visit.list.empty' | transloco" [text]="'visit.list.emptyText' | transloco">
            <a mat-flat-button routerLink="/apply">{{ 'home.apply' | transloco }}</a>
          </app-empty-state>
        } @else {
          <ul class="list" data-testid="visit-events-list">
            @for (e of list; track e.id) {
              <li><app-public-event-card [event]="e" /></li>
            }
          </ul>
          @if (nextCursor()) {
            <div class="more">
              <button mat-stroked-button type="button" (click)="more()" [disabled]="loading()" data-testid="visit-events-more">
                {{ 'visit.list.more' | transloco }}
              </button>
            </div>
          }
        }
      } @else if (failed()) {
        <p class="alert" role="alert"><mat-icon aria-hidden="true" fontIcon="error" />{{ 'visit.list.failed' | transloco }}</p>
      } @else {
        <div class="loading"><mat-spinner diameter="32" [attr.aria-label]="'common.loading' | transloco" /></div>
      }

      <section class="join" aria-labelledby="visit-join">
        <h2 id="visit-join">{{ 'visit.list.joinTitle' | transloco }}</h2>
        <p>{{ 'visit.list.joinText' | transloco }}</p>
        <a mat-button routerLink="/apply"
          >{{ 'home.apply' | transloco }}<mat-icon iconPositionEnd aria-hidden="true" fontIcon="arrow_forward"
        /></a>
      </section>
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .page {
      max-width: 1080px;
      margin: 0 auto;
      padding: 32px 24px 48px;
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      gap: 16px 32px;
      align-items: flex-end;
      justify-content: space-between;
      margin-bottom: 24px;
    }
    h1 {
      margin: 0 0 8px;
      color: var(--k-navy);
      font-size: clamp(26px, 4vw, 36px);
    }
    .lead {
      margin: 0;
      max-width: 640px;
      line-height: 1.55;
      color: var(--k-text-muted);
      font-size: 17px;
    }
    .subscribe {
      max-width: 300px;
    }
    .hint {
      margin: 6px 0 0;
      font-size: 13px;
      color: var(--k-text-muted);
    }
    .list {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      gap: 16px;
      grid-template-columns: repeat(auto-fill, minmax(320px, 1fr));
    }
    .more {
      display: flex;
      justify-content: center;
      margin-top: 20px;
    }
    .loading {
      display: flex;
      justify-content: center;
      padding: 48px;
    }
    .alert {
      display: flex;
      gap: 8px;
      align-items: center;
      color: #8c1d18;
    }
    .join {
      margin-top: 40px;
      padding-top: 24px;
      border-top: 1px solid var(--k-border);
    }
    .join h2 {
      margin: 0 0 6px;
      color: var(--k-navy);
      font-size: 20px;
    }
    .join p {
      margin: 0 0 8px;
      max-width: 720px;
      line-height: 1.55;
      color: var(--k-text);
    }
    @media (max-width: 599.98px) {
      .page {
        padding: 20px 12px 32px;
      }
      .list {
        grid-template-columns: 1fr;
      }
    }
  `,
})
export default class PublicEventsPage {
  private readonly api = inject(VisitApi);
  protected readonly ics = PUBLIC_EVENTS_ICS;
  protected readonly events = signal<PublicEvent[] | null>(null);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly failed = signal(false);
  protected readonly loading = signal(false);

  constructor() {
    this.load(null);
  }

  more(): void {
    this.load(this.nextCursor());
  }

  private load(cursor: string | null): void {
    this.loading.set(true);
    this.api.events({ limit: 24, cursor }).subscribe({
      next: (page) => {
        this.loading.set(false);
        this.events.set([...(cursor ? (this.events() ?? []) : []), ...page.items]);
        this.nextCursor.set(page.nextCursor);
      },
      error: () => {
        this.loading.set(false);
        if (!cursor) this.failed.set(true);
      },
    });
  }
}
