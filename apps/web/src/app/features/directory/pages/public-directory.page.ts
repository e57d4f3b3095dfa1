import { ChangeDetectionStrategy, Component, OnInit, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AuthStore } from '../../../core/auth/auth.store';
import { EmptyStateComponent } from '../../../shared/ui/empty-state.component';
import { DirectoryFiltersComponent } from '../components/directory-filters.component';
import { OrgCardComponent } from '../components/org-card.component';
import { DirectoryStore, type DirectoryFilters } from '../directory.store';

/** The member directory as anyone sees it, without signing in (organisations only). */
@Component({
  selector: 'app-public-directory-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [DirectoryStore],
  imports: [
    RouterLink,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    TranslocoPipe,
    EmptyStateComponent,
    DirectoryFiltersComponent,
    OrgCardComponent,
  ],
  template: `
    <section class="page">
      <div class="head">
        <div>
          <h1 class="page-title">{{ 'directory.publicTitle' | transloco }}</h1>
          <p class="page-subtitle">{{ 'directory.publicSubtitle' | transloco }}</p>
        </div>
        <a mat-flat-button routerLink="/apply"><mat-icon aria-hidden="true" fontIcon="add_business" />{{ 'auth.applyLink' | transloco }}</a>
      </div>
      <app-directory-filters tab="organisations" [initial]="store.filters()" (changed)="onFilters($event)" />
      @if (store.loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
      }
      @if (store.errorKey(); as key) {
        <app-empty-state icon="cloud_off" [title]="key | transloco" />
      } @else {
        <div class="card-grid">
          @for (o of store.organisations(); track o.id) {
            <app-org-card [org]="o" [link]="auth.isLoggedIn()" />
          }
        </div>
        @if (store.loaded() && store.organisations().length === 0) {
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
    </section>
  `,
  styles: `
    .head {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      align-items: flex-start;
      justify-content: space-between;
    }
  `,
})
export default class PublicDirectoryPage implements OnInit {
  protected readonly store = inject(DirectoryStore);
  protected readonly auth = inject(AuthStore);

  ngOnInit(): void {
    this.store.init();
  }

  onFilters(patch: Partial<DirectoryFilters>): void {
    this.store.setFilters(patch);
  }
}
