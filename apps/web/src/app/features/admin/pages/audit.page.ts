import { DatePipe, JsonPipe } from '@angular/common';
import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { AuditEntry, AuditQuery, Page } from '@klasteris/contracts';
import { ErrorMessageService } from '../../../core/http/error-message.service';
import { toParams } from '../../../core/http/http-params';
import { LanguageService } from '../../../core/i18n/language.service';

/** The whole audit log for admins (groups, organisations, users): filters, paging and a CSV of what is shown. */
@Component({
  selector: 'app-admin-audit-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, JsonPipe, FormsModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, TranslocoPipe],
  template: `
    <form class="filters" (ngSubmit)="reload()">
      <mat-form-field appearance="outline">
        <mat-label>{{ 'adminAudit.action' | transloco }}</mat-label>
        <input matInput name="action" maxlength="80" placeholder="group.update" [(ngModel)]="action" data-testid="audit-action" />
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'adminAudit.from' | transloco }}</mat-label>
        <input matInput type="date" name="from" [(ngModel)]="from" />
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'adminAudit.to' | transloco }}</mat-label>
        <input matInput type="date" name="to" [(ngModel)]="to" />
      </mat-form-field>
      <button mat-flat-button type="submit" data-testid="audit-filter">{{ 'adminAudit.filter' | transloco }}</button>
      <button mat-stroked-button type="button" (click)="csv()" data-testid="admin-audit-csv">
        <mat-icon aria-hidden="true" fontIcon="download" />CSV
      </button>
    </form>
    @if (error()) {
      <p class="form-error" role="alert">{{ error() }}</p>
    }
    <table class="list" data-testid="admin-audit-table">
      <thead>
        <tr>
          <th scope="col">{{ 'adminAudit.when' | transloco }}</th>
          <th scope="col">{{ 'adminAudit.action' | transloco }}</th>
          <th scope="col">{{ 'adminAudit.target' | transloco }}</th>
          <th scope="col">{{ 'adminAudit.reason' | transloco }}</th>
          <th scope="col">{{ 'adminAudit.change' | transloco }}</th>
        </tr>
      </thead>
      <tbody>
        @for (e of items(); track e.id) {
          <tr>
            <td>{{ e.at | date: 'short' : undefined : language.lang() }}</td>
            <td>
              <code>{{ e.action }}</code>
            </td>
            <td>
              {{ e.targetType }} <span class="muted">{{ e.targetId }}</span>
            </td>
            <td>{{ e.reason ?? '' }}</td>
            <td class="change">
              @if (e.before) {
                <div>
                  <span class="muted">{{ 'adminAudit.before' | transloco }}</span> <code>{{ e.before | json }}</code>
                </div>
              }
              @if (e.after) {
                <div>
                  <span class="muted">{{ 'adminAudit.after' | transloco }}</span> <code>{{ e.after | json }}</code>
                </div>
              }
            </td>
          </tr>
        } @empty {
          <tr>
            <td colspan="5" class="muted">{{ 'adminAudit.none' | transloco }}</td>
          </tr>
        }
      </tbody>
    </table>
    @if (nextCursor()) {
      <button mat-stroked-button type="button" class="more" (click)="more()">{{ 'common.loadMore' | transloco }}</button>
    }
  `,
  styles: `
    .filters {
      display: flex;
      gap: 12px;
      align-items: baseline;
      flex-wrap: wrap;
    }
    .list {
      width: 100%;
      border-collapse: collapse;
    }
    .list th,
    .list td {
      text-align: left;
      padding: 8px;
      border-bottom: 1px solid var(--k-border, #e3e7eb);
      vertical-align: top;
    }
    .muted {
      color: var(--k-text-muted);
    }
    .change code {
      font-size: 0.8125rem;
      word-break: break-word;
    }
    .more {
      margin-top: 12px;
    }
  `,
})
export default class AdminAuditPage {
  private readonly http = inject(HttpClient);
  private readonly snack = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly errors = inject(ErrorMessageService);
  protected readonly language = inject(LanguageService);

  protected action = '';
  protected from = '';
  protected to = '';
  protected readonly items = signal<AuditEntry[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);

  constructor() {
    this.reload();
  }

  reload(): void {
    this.load(undefined);
  }

  more(): void {
    this.load(this.nextCursor() ?? undefined);
  }

  csv(): void {
    this.http.get('/api/audit.csv', { params: toParams(this.query()), responseType: 'blob' }).subscribe({
      next: (blob) => {
        const url = URL.createObjectURL(blob);
        const a = document.createElement('a');
        a.href = url;
        a.download = 'audit.csv';
        a.click();
        URL.revokeObjectURL(url);
      },
      error: (err: unknown) => this.snack.open(this.errors.message(err), this.transloco.translate('common.close')),
    });
  }

  private query(): AuditQuery {
    return {
      action: this.action.trim() || undefined,
      from: this.from ? new Date(`${this.from}T00:00:00`).toISOString() : undefined,
      to: this.to ? new Date(`${this.to}T23:59:59`).toISOString() : undefined,
    };
  }

  private load(cursor: string | undefined): void {
    this.error.set(null);
    this.http.get<Page<AuditEntry>>('/api/audit', { params: toParams({ ...this.query(), cursor, limit: 50 }) }).subscribe({
      next: (page) => {
        this.items.update((list) => (cursor ? [...list, ...page.items] : page.items));
        this.nextCursor.set(page.nextCursor);
      },
      error: (err: unknown) => this.error.set(this.errors.message(err)),
    });
  }
}
