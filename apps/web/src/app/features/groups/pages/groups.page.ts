import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatDialog } from '@angular/material/dialog';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { MyGroup } from '@klasteris/contracts';
import { AuthStore } from '../../../core/auth/auth.store';
import { ErrorMessageService } from '../../../core/http/error-message.service';
import { EmptyStateComponent } from '../../../shared/ui/empty-state.component';
import { GroupFormDialog, type GroupFormResult } from '../components/group-form.dialog';
import { GroupsApi } from '../groups.api';
import { GroupsStore } from '../groups.store';

@Component({
  selector: 'app-groups-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [GroupsStore],
  imports: [
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoPipe,
    EmptyStateComponent,
  ],
  template: `
    <section class="page">
      <h1 class="page-title">{{ 'groups.title' | transloco }}</h1>
      <p class="page-subtitle">{{ 'groups.subtitle' | transloco }}</p>
      @if (auth.isStaff()) {
        <button mat-flat-button type="button" (click)="create()" data-testid="group-new">
          <mat-icon aria-hidden="true" fontIcon="add" />{{ 'groups.form.new' | transloco }}
        </button>
      }
      <form class="search" role="search" (ngSubmit)="store.load(q)">
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'groups.search' | transloco }}</mat-label>
          <input matInput name="q" [(ngModel)]="q" (ngModelChange)="store.load($event)" data-testid="groups-search" />
          <mat-icon matSuffix aria-hidden="true" fontIcon="search" />
        </mat-form-field>
      </form>
      @if (store.loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
      }
      @if (!store.loading() && store.items().length === 0) {
        <app-empty-state icon="groups" [title]="'groups.none' | transloco" />
      }
      <ul class="grid" data-testid="groups-list">
        @for (g of store.items(); track g.id) {
          <li class="k-card group" [attr.data-testid]="'group-card-' + g.slug">
            <h2 class="name">
              <a [routerLink]="['/groups', g.id]">{{ g.name }}</a>
            </h2>
            <p class="meta">
              <span class="pill">{{ 'groups.visibility.' + g.visibility | transloco }}</span>
              <span>{{ 'groups.memberCount' | transloco: { count: g.memberCount } }}</span>
            </p>
            <p class="desc">{{ g.description }}</p>
            <ul class="tags" [attr.aria-label]="'groups.tags' | transloco">
              @for (t of g.tags; track t) {
                <li class="tag">{{ t }}</li>
              }
            </ul>
            <div class="actions">
              @if (g.myRole) {
                <span class="status">{{ 'groups.role.' + g.myRole | transloco }}</span>
              } @else if (g.requested) {
                <span class="status">{{ 'groups.requested' | transloco }}</span>
              } @else if (g.visibility === 'open' || g.invited) {
                <button mat-flat-button type="button" (click)="join(g)" data-testid="group-join">{{ 'groups.join' | transloco }}</button>
              } @else if (g.visibility === 'request') {
                <a mat-stroked-button [routerLink]="['/groups', g.id]" data-testid="group-request">{{ 'groups.request' | transloco }}</a>
              } @else {
                <span class="status">{{ 'groups.inviteOnly' | transloco }}</span>
              }
            </div>
          </li>
        }
      </ul>
      @if (store.nextCursor(); as cursor) {
        <button mat-stroked-button type="button" (click)="store.load(store.query(), cursor)">{{ 'common.loadMore' | transloco }}</button>
      }
    </section>
  `,
  styles: `
    .search mat-form-field {
      width: min(480px, 100%);
    }
    .grid {
      list-style: none;
      padding: 0;
      margin: 16px 0;
      display: grid;
      gap: 16px;
      grid-template-columns: repeat(auto-fill, minmax(300px, 1fr));
    }
    .group {
      display: flex;
      flex-direction: column;
      gap: 6px;
      padding: 16px;
    }
    .name {
      font: var(--mat-sys-title-medium);
      margin: 0;
    }
    .name a {
      color: var(--k-navy);
    }
    .meta {
      display: flex;
      gap: 12px;
      align-items: center;
      margin: 0;
      color: var(--k-text-muted);
    }
    .pill {
      border: 1px solid currentColor;
      border-radius: 12px;
      padding: 0 8px;
      font-size: 12px;
    }
    .desc {
      margin: 0;
      flex: 1;
    }
    .tags {
      list-style: none;
      padding: 0;
      margin: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
    }
    .tag {
      background: var(--k-surface-2, #eef3f6);
      border-radius: 12px;
      padding: 2px 10px;
      font-size: 12px;
    }
    .actions {
      margin-top: 8px;
    }
    .status {
      color: var(--k-text-muted);
      font-weight: 500;
    }
  `,
})
export default class GroupsPage {
  protected readonly store = inject(GroupsStore);
  private readonly api = inject(GroupsApi);
  private readonly snack = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly errors = inject(ErrorMessageService);
  protected readonly auth = inject(AuthStore);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  protected q = '';

  constructor() {
    this.store.load('');
  }

  create(): void {
    this.dialog
      .open<GroupFormDialog, MyGroup | null, GroupFormResult>(GroupFormDialog, { data: null, autoFocus: 'first-tabbable' })
      .afterClosed()
      .subscribe((result) => {
        if (!result) return;
        this.api
          .create({ name: result.name, description: result.description, tags: result.tags, visibility: result.visibility })
          .subscribe({
            next: ({ group }) => {
              this.snack.open(this.transloco.translate('groups.form.created', { name: group.name }), undefined, { duration: 3000 });
              void this.router.navigate(['/groups', group.id]);
            },
            error: (err: unknown) => this.snack.open(this.errors.message(err), this.transloco.translate('common.close')),
          });
      });
  }

  join(g: MyGroup): void {
    this.api.join(g.id).subscribe({
      next: ({ group }) => {
        this.store.replace(group);
        this.snack.open(this.transloco.translate('groups.joined', { name: group.name }), undefined, { duration: 3000 });
      },
      error: (err: unknown) => this.snack.open(this.errors.message(err), this.transloco.translate('common.close')),
    });
  }
}
