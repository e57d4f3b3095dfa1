import { DatePipe } from '@angular/common';
import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { MailStates, type MailState, type OutboxMail, type OutboxMailResponse, type OutboxPage } from '@klasteris/contracts';
import { ErrorMessageService } from '../../../core/http/error-message.service';
import { toParams } from '../../../core/http/http-params';
import { LanguageService } from '../../../core/i18n/language.service';

/** The outbox for admins: every mail with its state and the SMTP server's last answer; failed mails can be sent again. */
@Component({
  selector: 'app-admin-mail-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, FormsModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, MatSelectModule, TranslocoPipe],
  template: `
    <div class="counts" role="group" [attr.aria-label]="'adminMail.counts' | transloco">
      @for (s of states; track s) {
        <button
          type="button"
          class="count"
          [class.active]="state === s"
          (click)="filterState(s)"
          [attr.aria-pressed]="state === s"
          [attr.data-testid]="'mail-count-' + s"
        >
          <span class="n">{{ counts()[s] ?? 0 }}</span> {{ 'adminMail.state.' + s | transloco }}
        </button>
      }
    </div>
    <form class="filters" (ngSubmit)="reload()">
      <mat-form-field appearance="outline">
        <mat-label>{{ 'adminMail.recipient' | transloco }}</mat-label>
        <input matInput name="q" maxlength="254" [(ngModel)]="q" data-testid="mail-search" />
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'adminMail.stateLabel' | transloco }}</mat-label>
        <mat-select name="state" [(ngModel)]="state" (selectionChange)="reload()">
          <mat-option [value]="null">{{ 'adminMail.all' | transloco }}</mat-option>
          @for (s of states; track s) {
            <mat-option [value]="s">{{ 'adminMail.state.' + s | transloco }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <button mat-flat-button type="submit">{{ 'common.search' | transloco }}</button>
    </form>
    <table class="list" data-testid="mail-table">
      <thead>
        <tr>
          <th scope="col">{{ 'adminMail.created' | transloco }}</th>
          <th scope="col">{{ 'adminMail.recipient' | transloco }}</th>
          <th scope="col">{{ 'adminMail.subject' | transloco }}</th>
          <th scope="col">{{ 'adminMail.stateLabel' | transloco }}</th>
          <th scope="col">{{ 'adminMail.answer' | transloco }}</th>
          <th scope="col">
            <span class="visually-hidden">{{ 'adminMail.actions' | transloco }}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        @for (m of items(); track m.id) {
          <tr>
            <td>{{ m.createdAt | date: 'short' : undefined : language.lang() }}</td>
            <td>
              {{ m.to.name ? m.to.name + ' ' : '' }}<span class="muted">&lt;{{ m.to.email }}&gt;</span>
            </td>
            <td>
              {{ m.subject }} <span class="muted">({{ m.kind }}, {{ m.language }})</span>
            </td>
            <td>
              <span class="pill" [class]="'pill ' + m.state">{{ 'adminMail.state.' + m.state | transloco }}</span>
              @if (m.attempts > 1) {
                <span class="muted">×{{ m.attempts }}</span>
              }
            </td>
            <td class="answer">{{ m.lastResponse ?? '' }}</td>
            <td>
              @if (m.state === 'failed') {
                <button
                  mat-stroked-button
                  type="button"
                  (click)="retry(m)"
                  [attr.aria-label]="('adminMail.retry' | transloco) + ': ' + m.to.email"
                  data-testid="mail-retry"
                >
                  {{ 'adminMail.retry' | transloco }}
                </button>
              }
            </td>
          </tr>
        } @empty {
          <tr>
            <td colspan="6" class="muted">{{ 'adminMail.none' | transloco }}</td>
          </tr>
        }
      </tbody>
    </table>
    @if (nextCursor()) {
      <button mat-stroked-button type="button" class="more" (click)="more()">{{ 'common.loadMore' | transloco }}</button>
    }
  `,
  styles: `
    .counts {
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
      margin-bottom: 12px;
    }
    .count {
      border: 1px solid var(--k-border, #d0d7de);
      background: #fff;
      border-radius: 999px;
      padding: 6px 14px;
      cursor: pointer;
      font: inherit;
    }
    .count.active {
      border-color: var(--k-teal);
      background: #e6f3f2;
    }
    .count .n {
      font-weight: 600;
    }
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
    .answer {
      max-width: 320px;
      word-break: break-word;
      font-size: 0.875rem;
    }
    .pill {
      padding: 2px 8px;
      border-radius: 999px;
      background: #eef1f4;
      font-size: 0.8125rem;
    }
    .pill.sent {
      background: #e3f4e8;
      color: #1e5e33;
    }
    .pill.failed {
      background: #fde8e8;
      color: #8a1c1c;
    }
    .pill.suppressed {
      background: #f3eefc;
      color: #4b2a7a;
    }
    .more {
      margin-top: 12px;
    }
  `,
})
export default class AdminMailPage {
  private readonly http = inject(HttpClient);
  private readonly snack = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly errors = inject(ErrorMessageService);
  protected readonly language = inject(LanguageService);

  protected readonly states = MailStates;
  protected state: MailState | null = null;
  protected q = '';
  protected readonly items = signal<OutboxMail[]>([]);
  protected readonly counts = signal<Partial<Record<MailState, number>>>({});
  protected readonly nextCursor = signal<string | null>(null);

  constructor() {
    this.reload();
  }

  filterState(s: MailState): void {
    this.state = this.state === s ? null : s;
    this.reload();
  }

  reload(): void {
    this.load(undefined);
  }

  more(): void {
    this.load(this.nextCursor() ?? undefined);
  }

  retry(m: OutboxMail): void {
    this.http.post<OutboxMailResponse>(`/api/admin/mail/${encodeURIComponent(m.id)}/retry`, {}).subscribe({
      next: ({ mail }) => {
        this.items.update((list) => list.map((x) => (x.id === mail.id ? mail : x)));
        this.snack.open(this.transloco.translate('adminMail.retried'), undefined, { duration: 3000 });
      },
      error: (err: unknown) => this.snack.open(this.errors.message(err), this.transloco.translate('common.close')),
    });
  }

  private load(cursor: string | undefined): void {
    const query = { state: this.state ?? undefined, q: this.q.trim() || undefined, cursor, limit: 50 };
    this.http.get<OutboxPage>('/api/admin/mail', { params: toParams(query) }).subscribe({
      next: (page) => {
        this.items.update((list) => (cursor ? [...list, ...page.items] : page.items));
        this.counts.set(page.counts);
        this.nextCursor.set(page.nextCursor);
      },
      error: (err: unknown) => this.snack.open(this.errors.message(err), this.transloco.translate('common.close')),
    });
  }
}
