import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { LanguageService } from '../../../core/i18n/language.service';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Message, MessageEdit } from '@klasteris/contracts';
import { ErrorMessageService } from '../../../core/http/error-message.service';
import { ChatApi } from '../chat.api';
import { ChatPeopleStore } from '../chat-people.store';
import { renderMarkdown } from '../../../shared/markdown';

/** Earlier versions of an edited message. */
@Component({
  selector: 'app-edit-history-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, MatDialogModule, MatButtonModule, TranslocoPipe],
  template: `
    <h2 mat-dialog-title>{{ 'chat.message.history' | transloco }}</h2>
    <mat-dialog-content>
      <ol class="versions">
        @for (e of edits(); track $index) {
          <li>
            <div class="when">
              {{ 'chat.history.before' | transloco: { time: (e.editedAt | date: 'medium' : undefined : language.lang()) } }}
            </div>
            <div class="body" [innerHTML]="html(e.body)"></div>
          </li>
        }
        <li>
          <div class="when">{{ 'chat.history.current' | transloco }}</div>
          <div class="body" [innerHTML]="html(data.body)"></div>
        </li>
      </ol>
      @if (error()) {
        <p role="alert" class="error">{{ error() }}</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>{{ 'common.close' | transloco }}</button>
    </mat-dialog-actions>
  `,
  styles: `
    .versions {
      padding-left: 20px;
      margin: 0;
    }
    li {
      margin-bottom: 12px;
    }
    .when {
      font-size: 12px;
      color: var(--k-text-muted);
    }
    .body {
      padding: 6px 10px;
      border-left: 3px solid var(--k-border);
      overflow-wrap: anywhere;
    }
    .error {
      color: #b3261e;
    }
  `,
})
export class EditHistoryDialogComponent {
  protected readonly language = inject(LanguageService);
  protected readonly data = inject<Message>(MAT_DIALOG_DATA);
  private readonly people = inject(ChatPeopleStore);
  protected readonly edits = signal<MessageEdit[]>([]);
  protected readonly error = signal<string | null>(null);

  constructor() {
    const errors = inject(ErrorMessageService);
    inject(ChatApi)
      .edits(this.data.id)
      .subscribe({ next: (r) => this.edits.set(r.items), error: (err: unknown) => this.error.set(errors.message(err)) });
  }

  protected html(body: string): string {
    return renderMarkdown(body, { nameOf: (id) => this.people.person(id)?.displayName ?? null });
  }
}
