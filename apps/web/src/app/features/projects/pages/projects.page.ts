import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ProjectStatuses, type ImportBoardResult, type Project, type ProjectStatus } from '@klasteris/contracts';
import { EmptyStateComponent } from '../../../shared/ui/empty-state.component';
import { ImportDialogComponent } from '../components/import-dialog.component';
import { NewProjectDialogComponent, type NewProjectDialogData } from '../components/new-project-dialog.component';
import { ProjectsStore } from '../projects.store';

@Component({
  selector: 'app-projects-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [ProjectsStore],
  imports: [
    RouterLink,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoPipe,
    EmptyStateComponent,
  ],
  template: `
    <section class="page">
      <header class="head">
        <div>
          <h1 class="page-title">{{ 'projects.title' | transloco }}</h1>
          <p class="page-subtitle">{{ 'projects.subtitle' | transloco }}</p>
        </div>
        <div class="head-actions">
          <button mat-stroked-button type="button" (click)="importBoard()" data-testid="import-board">
            <mat-icon aria-hidden="true" fontIcon="upload" />{{ 'projects.import.button' | transloco }}
          </button>
          <button mat-flat-button type="button" (click)="newProject()" data-testid="new-project">
            <mat-icon aria-hidden="true" fontIcon="add" />{{ 'projects.new.button' | transloco }}
          </button>
        </div>
      </header>

      <div class="filters">
        <mat-form-field class="grow">
          <mat-label>{{ 'projects.search' | transloco }}</mat-label>
          <mat-icon matPrefix aria-hidden="true" fontIcon="search" />
          <input
            matInput
            type="search"
            [value]="store.q()"
            (input)="store.setQuery($any($event.target).value)"
            data-testid="projects-search"
          />
        </mat-form-field>
        <mat-button-toggle-group
          [value]="store.status()"
          (change)="store.setStatus($event.value)"
          [attr.aria-label]="'projects.fields.status' | transloco"
          hideSingleSelectionIndicator
        >
          <mat-button-toggle value="">{{ 'common.all' | transloco }}</mat-button-toggle>
          @for (s of statuses; track s) {
            <mat-button-toggle [value]="s" [attr.data-testid]="'status-filter-' + s">{{
              'projects.status.' + s | transloco
            }}</mat-button-toggle>
          }
        </mat-button-toggle-group>
      </div>

      @if (store.loading() && !store.loaded()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
      }
      @if (store.errorKey(); as key) {
        <p class="form-error" role="alert">{{ key | transloco }}</p>
      }
      @if (store.loaded() && store.items().length === 0) {
        <app-empty-state icon="view_kanban" [title]="'projects.empty.title' | transloco" [text]="'projects.empty.text' | transloco" />
      }
      <ul class="grid" data-testid="project-list">
        @for (p of store.items(); track p.id) {
          <li class="k-card project" [attr.data-testid]="'project-' + p.id">
            <div class="top">
              <span class="status-pill status-{{ p.status }}">{{ 'projects.status.' + p.status | transloco }}</span>
              <span class="role">{{ 'projects.roles.' + p.myRole | transloco }}</span>
            </div>
            <h2 class="name">
              <a [routerLink]="['/projects', p.id, 'board']" data-testid="project-link">{{ p.name }}</a>
            </h2>
            @if (p.summary) {
              <p class="summary">{{ p.summary }}</p>
            }
            <p class="orgs">
              <mat-icon aria-hidden="true" fontIcon="domain" />
              <span>{{ orgNames(p) }}</span>
            </p>
            <div class="foot">
              <span class="muted">{{ 'projects.memberCount' | transloco: { count: p.memberCount } }}</span>
              <a mat-button [routerLink]="['/projects', p.id]">{{ 'projects.overview' | transloco }}</a>
            </div>
          </li>
        }
      </ul>
      @if (store.hasMore()) {
        <div class="load-more">
          <button mat-stroked-button type="button" (click)="store.load(true)" [disabled]="store.loading()">
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
      align-items: flex-start;
      justify-content: space-between;
      gap: 12px;
    }
    .head-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .grid {
      list-style: none;
      padding: 0;
      margin: 16px 0 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(300px, 1fr));
      gap: 16px;
    }
    .project {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .top {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 8px;
    }
    .role {
      color: var(--k-text-muted);
      font-size: 0.85rem;
    }
    .name {
      font: var(--mat-sys-title-medium);
      margin: 0;
    }
    .name a {
      color: var(--k-navy);
      text-decoration: none;
    }
    .name a:hover,
    .name a:focus-visible {
      text-decoration: underline;
    }
    .summary {
      margin: 0;
      color: var(--k-text-muted);
      display: -webkit-box;
      -webkit-line-clamp: 3;
      -webkit-box-orient: vertical;
      overflow: hidden;
    }
    .orgs {
      display: flex;
      gap: 6px;
      align-items: flex-start;
      margin: 0;
      font-size: 0.9rem;
    }
    .orgs mat-icon {
      font-size: 18px;
      width: 18px;
      height: 18px;
      color: var(--k-teal);
      flex: none;
    }
    .foot {
      margin-top: auto;
      display: flex;
      justify-content: space-between;
      align-items: center;
    }
    .status-pill.status-proposed {
      background: #e0e7ff;
      color: #312e81;
    }
    .status-pill.status-on_hold {
      background: #fff1cf;
      color: #5c3d00;
    }
    .status-pill.status-done {
      background: #e5e7eb;
      color: #1f2937;
    }
  `,
})
export default class ProjectsPage {
  protected readonly store = inject(ProjectsStore);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly snack = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  protected readonly statuses: readonly ProjectStatus[] = ProjectStatuses;

  constructor() {
    void this.store.load();
  }

  protected orgNames(p: Project): string {
    return p.organisations.map((o) => o.name).join(', ');
  }

  importBoard(): void {
    this.dialog
      .open<ImportDialogComponent, undefined, ImportBoardResult>(ImportDialogComponent, { width: '560px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((result) => {
        if (!result) return;
        this.snack.open(this.transloco.translate('projects.import.done', result.imported));
        void this.router.navigate(['/projects', result.project.id, 'board']);
      });
  }

  newProject(): void {
    const data: NewProjectDialogData = { create: (body) => this.store.create(body) };
    this.dialog
      .open<NewProjectDialogComponent, NewProjectDialogData, Project>(NewProjectDialogComponent, { data, width: '560px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((project) => {
        if (project) void this.router.navigate(['/projects', project.id, 'board']);
      });
  }
}
