import { ChangeDetectionStrategy, Component, effect, inject, input, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { EmptyStateComponent } from '../../../shared/ui/empty-state.component';
import { DirectoryFiltersComponent } from '../components/directory-filters.component';
import { OrgCardComponent } from '../components/org-card.component';
import { PersonCardComponent } from '../components/person-card.component';
import { DirectoryStore, type DirectoryFilters, type DirectoryTab } from '../directory.store';

@Component({
  selector: 'app-directory-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [DirectoryStore],
  imports: [
    RouterLink,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    MatTabsModule,
    TranslocoPipe,
    EmptyStateComponent,
    DirectoryFiltersComponent,
    OrgCardComponent,
    PersonCardComponent,
  ],
  template: `
    <section class="page">
      <h1 class="page-title">{{ 'directory.title' | transloco }}</h1>
      <p class="page-subtitle">{{ 'directory.subtitle' | transloco }}</p>

      <nav mat-tab-nav-bar [tabPanel]="panel" [attr.aria-label]="'directory.title' | transloco" class="tabs">
        <a
          mat-tab-link
          routerLink="."
          [queryParams]="{ tab: 'organisations' }"
          [active]="store.tab() === 'organisations'"
          data-testid="directory-tab-organisations"
        >
          <mat-icon aria-hidden="true" fontIcon="apartment" />&nbsp;{{ 'directory.organisations' | transloco }}
        </a>
        <a
          mat-tab-link
          routerLink="."
          [queryParams]="{ tab: 'people' }"
          [active]="store.tab() === 'people'"
          data-testid="directory-tab-people"
        >
          <mat-icon aria-hidden="true" fontIcon="person_search" />&nbsp;{{ 'directory.people' | transloco }}
        </a>
      </nav>
      <mat-tab-nav-panel #panel>
        <app-directory-filters [tab]="store.tab()" [initial]="store.filters()" (changed)="onFilters($event)" />
        @if (store.loading()) {
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
        }
        <p class="visually-hidden" aria-live="polite">
          @if (store.loaded()) {
            {{
              'directory.resultsCount'
                | transloco: { count: store.tab() === 'people' ? store.people().length : store.organisations().length }
            }}
          }
        </p>
        @if (store.errorKey(); as key) {
          <app-empty-state icon="cloud_off" [title]="key | transloco" />
        } @else if (store.tab() === 'organisations') {
          <div class="card-grid results">
            @for (o of store.organisations(); track o.id) {
              <app-org-card [org]="o" />
            }
          </div>
          @if (store.loaded() && store.organisations().length === 0) {
            <app-empty-state icon="search_off" [title]="'directory.noResults' | transloco" [text]="'directory.noResultsHint' | transloco" />
          }
        } @else {
          <div class="card-grid results">
            @for (p of store.people(); track p.id) {
              <app-person-card [person]="p" />
            }
          </div>
          @if (store.loaded() && store.people().length === 0) {
            <app-empty-state icon="search_off" [title]="'directory.noResults' | transloco" [text]="'directory.noResultsHint' | transloco" />
          }
        }
        @if (store.hasMore()) {
          <div class="load-more">
            <button mat-stroked-button type="button" (click)="store.loadMore()" [disabled]="store.loading()" data-testid="load-more">
              {{ 'common.loadMore' | transloco }}
            </button>
          </div>
        }
      </mat-tab-nav-panel>
    </section>
  `,
  styles: `
    .tabs {
      margin-bottom: 16px;
      background: transparent;
    }
    .results {
      margin-top: 8px;
    }
  `,
})
export default class DirectoryPage {
  protected readonly store = inject(DirectoryStore);
  /** ?tab=organisations|people */
  readonly tab = input<string | undefined>();

  constructor() {
    effect(() => {
      const t: DirectoryTab = this.tab() === 'people' ? 'people' : 'organisations';
      untracked(() => this.store.setTab(t));
    });
  }

  onFilters(patch: Partial<DirectoryFilters>): void {
    this.store.setFilters(patch);
  }
}
