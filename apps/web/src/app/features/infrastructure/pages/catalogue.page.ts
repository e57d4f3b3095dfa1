import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { Router } from '@angular/router';
import { AuthStore } from '../../../core/auth/auth.store';
import { DirectoryApi } from '../../directory/directory.api';
import { ResourceFormDialogComponent, type ResourceFormData } from '../components/resource-form-dialog.component';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ResourceTypes, type Resource, type ResourceListQuery, type ResourceType } from '@klasteris/contracts';
import { DateTime } from 'luxon';
import { toApiError } from '../../../shared/api-error';
import { EmptyStateComponent } from '../../../shared/ui/empty-state.component';
import { CardTargetBannerComponent } from '../components/card-target-banner.component';
import { InfraNavComponent } from '../components/infra-nav.component';
import { InfrastructureApi } from '../infrastructure.api';

export const TYPE_ICONS: Record<ResourceType, string> = {
  rack: 'view_agenda',
  server: 'dns',
  gpu_pool: 'memory',
  lab: 'science',
  test_equipment: 'speed',
  meeting_room: 'groups',
  event_hall: 'stadium',
  other: 'category',
};

/** The infrastructure catalogue: search, type, attribute and "free between" filters; cursor paging. */
@Component({
  selector: 'app-infrastructure-catalogue',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
    EmptyStateComponent,
    InfraNavComponent,
    CardTargetBannerComponent,
  ],
  template: `
    <section class="page">
      <h1 class="page-title">{{ 'infrastructure.title' | transloco }}</h1>
      <p class="page-subtitle">{{ 'infrastructure.subtitle' | transloco }}</p>
      <app-infra-nav />
      <app-card-target-banner />
      @if (canCreate()) {
        <div class="actions">
          <button mat-stroked-button type="button" (click)="create()" data-testid="resource-new">
            <mat-icon fontIcon="add" aria-hidden="true" />{{ 'infrastructure.manage.new' | transloco }}
          </button>
        </div>
      }
      <form class="filters" (ngSubmit)="search()" role="search">
        <mat-form-field>
          <mat-label>{{ 'infrastructure.filters.q' | transloco }}</mat-label>
          <input matInput name="q" [(ngModel)]="q" data-testid="infra-search" />
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'infrastructure.filters.type' | transloco }}</mat-label>
          <mat-select name="type" [(ngModel)]="type" (selectionChange)="search()" data-testid="infra-type">
            <mat-option value="">{{ 'common.all' | transloco }}</mat-option>
            @for (t of types; track t) {
              <mat-option [value]="t">{{ 'infrastructure.types.' + t | transloco }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'infrastructure.filters.attribute' | transloco }}</mat-label>
          <input matInput name="attribute" [(ngModel)]="attribute" placeholder="GPU:NVIDIA A100 80GB" />
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'infrastructure.filters.freeFrom' | transloco }}</mat-label>
          <input matInput type="datetime-local" name="freeFrom" [(ngModel)]="freeFrom" />
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'infrastructure.filters.freeTo' | transloco }}</mat-label>
          <input matInput type="datetime-local" name="freeTo" [(ngModel)]="freeTo" />
        </mat-form-field>
        <button mat-flat-button type="submit" data-testid="infra-search-submit">{{ 'infrastructure.filters.search' | transloco }}</button>
      </form>
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
      }
      @if (errorKey(); as key) {
        <app-empty-state icon="cloud_off" [title]="key | transloco" />
      } @else {
        <div class="card-grid">
          @for (r of items(); track r.id) {
            <mat-card appearance="outlined" class="resource" [attr.data-testid]="'resource-card'">
              <mat-card-header>
                <mat-icon mat-card-avatar aria-hidden="true" [fontIcon]="icons[r.type]" class="type-icon" />
                <mat-card-title
                  ><a [routerLink]="['/infrastructure/resources', r.id]">{{ r.name }}</a></mat-card-title
                >
                <mat-card-subtitle>{{ 'infrastructure.types.' + r.type | transloco }} · {{ r.organisationName }}</mat-card-subtitle>
              </mat-card-header>
              <mat-card-content>
                <p class="meta">
                  @if (r.capacity > 1) {
                    <span class="chip">{{ 'infrastructure.capacity' | transloco: { n: r.capacity } }}</span>
                  }
                  <span class="chip" [class.warn]="r.policy.approval.required">{{
                    (r.policy.approval.required ? 'infrastructure.needsApproval' : 'infrastructure.instant') | transloco
                  }}</span>
                  @if (r.status === 'maintenance') {
                    <span class="chip warn">{{ 'infrastructure.maintenance' | transloco }}</span>
                  }
                  @if (!r.canBook && r.status === 'available') {
                    <span class="chip">{{ 'infrastructure.notForYou' | transloco }}</span>
                  }
                </p>
                @if (r.location) {
                  <p class="loc"><mat-icon aria-hidden="true" fontIcon="place" inline />{{ r.location }}</p>
                }
                <ul class="attrs">
                  @for (a of r.attributes.slice(0, 3); track a.key) {
                    <li>
                      <strong>{{ a.key }}:</strong> {{ a.value }}
                    </li>
                  }
                </ul>
              </mat-card-content>
            </mat-card>
          }
        </div>
        @if (loaded() && items().length === 0) {
          <app-empty-state icon="search_off" [title]="'infrastructure.noResults' | transloco" />
        }
        @if (next()) {
          <div class="load-more">
            <button mat-stroked-button type="button" (click)="load(true)" [disabled]="loading()">
              {{ 'common.loadMore' | transloco }}
            </button>
          </div>
        }
      }
    </section>
  `,
  styles: `
    .actions {
      display: flex;
      justify-content: flex-end;
      margin-bottom: 8px;
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 12px;
      align-items: baseline;
    }
    .filters mat-form-field {
      flex: 1 1 180px;
    }
    .type-icon {
      display: grid;
      place-items: center;
      background: #e0f2ef;
      color: var(--k-teal);
      border-radius: 50%;
    }
    .meta {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
      margin: 8px 0;
    }
    .chip {
      padding: 2px 8px;
      border-radius: 10px;
      background: #e8eef7;
      color: var(--k-navy);
      font: var(--mat-sys-label-small);
    }
    .chip.warn {
      background: #fff1c9;
      color: #6b4b00;
    }
    .loc {
      color: var(--k-text-muted);
      margin: 4px 0;
    }
    .attrs {
      margin: 4px 0 0;
      padding-left: 18px;
      color: var(--k-text-muted);
    }
    .load-more {
      display: flex;
      justify-content: center;
      margin: 16px 0;
    }
    mat-card-title a {
      color: inherit;
    }
  `,
})
export default class CataloguePage {
  private readonly api = inject(InfrastructureApi);
  private readonly auth = inject(AuthStore);
  private readonly directory = inject(DirectoryApi);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  protected readonly canCreate = computed(() =>
    (this.auth.user()?.roles ?? []).some((r) => r === 'admin' || r === 'coordinator' || r === 'org_admin'),
  );
  protected readonly types = ResourceTypes;
  protected readonly icons = TYPE_ICONS;
  protected q = '';
  protected type: ResourceType | '' = '';
  protected attribute = '';
  protected freeFrom = '';
  protected freeTo = '';
  protected readonly items = signal<Resource[]>([]);
  protected readonly next = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly loaded = signal(false);
  protected readonly errorKey = signal<string | null>(null);

  constructor() {
    this.load();
  }

  protected create(): void {
    const me = this.auth.user();
    if (!me) return;
    const staff = me.roles.includes('admin') || me.roles.includes('coordinator');
    const own = me.organisationId ? [{ id: me.organisationId, name: me.organisationName ?? '' }] : [];
    const open = (organisations: { id: string; name: string }[]): void => {
      this.dialog
        .open<ResourceFormDialogComponent, ResourceFormData, Resource>(ResourceFormDialogComponent, {
          data: { resource: null, organisations },
          width: '720px',
        })
        .afterClosed()
        .subscribe((r) => r && void this.router.navigate(['/infrastructure/resources', r.id]));
    };
    if (!staff) return open(own);
    this.directory
      .organisations({ limit: 100 })
      .subscribe({ next: (p) => open([...own, ...p.items.filter((o) => o.id !== me.organisationId)]), error: () => open(own) });
  }

  protected search(): void {
    this.load();
  }

  protected load(more = false): void {
    const query: ResourceListQuery = { limit: 24 };
    if (this.q.trim()) query.q = this.q.trim();
    if (this.type) query.type = this.type;
    if (this.attribute.includes(':')) query.attribute = this.attribute.trim();
    if (this.freeFrom && this.freeTo) {
      query.freeFrom = DateTime.fromISO(this.freeFrom).toISO()!;
      query.freeTo = DateTime.fromISO(this.freeTo).toISO()!;
    }
    if (more && this.next()) query.cursor = this.next()!;
    this.loading.set(true);
    this.errorKey.set(null);
    this.api.resources(query).subscribe({
      next: (page) => {
        this.items.update((items) => (more ? [...items, ...page.items] : page.items));
        this.next.set(page.nextCursor);
        this.loading.set(false);
        this.loaded.set(true);
      },
      error: (e: unknown) => {
        this.errorKey.set(toApiError(e).messageKey);
        this.loading.set(false);
      },
    });
  }
}
