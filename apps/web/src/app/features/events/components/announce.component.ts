import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { MESSAGE_MAX_LENGTH, type ClusterEvent, type EventAnnouncementResponse } from '@klasteris/contracts';
import { ErrorMessageService } from '../../../core/http/error-message.service';
import { newClientMsgId } from '../../chat/chat-logic';
import { EventsApi } from '../events.api';

/** Organisers: a post to everyone going, in the event's chat (pinned), notified, and mailed when asked. */
@Component({
  selector: 'app-event-announce',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatIconModule, MatInputModule, TranslocoPipe],
  template: `
    <section class="k-card" aria-labelledby="announce-h" data-testid="event-announce">
      <h2 id="announce-h" class="section-title">{{ 'eventChat.announce.title' | transloco }}</h2>
      <p class="muted hint">{{ 'eventChat.announce.hint' | transloco }}</p>
      <form (ngSubmit)="post()">
        <mat-form-field class="body" subscriptSizing="dynamic">
          <mat-label>{{ 'eventChat.announce.body' | transloco }}</mat-label>
          <textarea
            [ngModel]="body()"
            (ngModelChange)="body.set($event)"
            matInput
            name="body"
            data-testid="announce-body"
            rows="3"
            [maxlength]="max"
          ></textarea>
        </mat-form-field>
        <div class="row">
          <mat-checkbox name="email" [ngModel]="email()" (ngModelChange)="email.set($event)" data-testid="announce-email">
            {{ 'eventChat.announce.email' | transloco }}
          </mat-checkbox>
          <button mat-flat-button type="submit" [disabled]="busy() || !body().trim()" data-testid="announce-post">
            <mat-icon aria-hidden="true" fontIcon="campaign" />{{ 'eventChat.announce.post' | transloco }}
          </button>
        </div>
        @if (error(); as text) {
          <p class="form-error" role="alert" data-testid="announce-error">{{ text }}</p>
        }
        <p class="muted done" role="status" data-testid="announce-done">
          @if (done(); as r) {
            {{ 'eventChat.announce.done' | transloco: { count: r.notified, mailed: r.mailed } }}
          }
        </p>
      </form>
    </section>
  `,
  styles: `
    .hint {
      margin: 0 0 12px;
    }
    .body {
      width: 100%;
    }
    .done {
      margin: 8px 0 0;
    }
    .row {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 12px;
      flex-wrap: wrap;
      margin-top: 8px;
    }
  `,
})
export class EventAnnounceComponent {
  private readonly api = inject(EventsApi);
  private readonly errors = inject(ErrorMessageService);
  readonly event = input.required<ClusterEvent>();
  protected readonly max = MESSAGE_MAX_LENGTH;
  protected readonly body = signal('');
  protected readonly email = signal(false);
  protected readonly busy = signal(false);
  protected readonly done = signal<EventAnnouncementResponse | null>(null);
  protected readonly error = signal<string | null>(null);
  /** one id per text being sent: a retry after a failure cannot post it twice */
  private clientMsgId = newClientMsgId();

  protected post(): void {
    const body = this.body().trim();
    if (!body || this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    this.api.announce(this.event().id, { body, clientMsgId: this.clientMsgId, email: this.email() }).subscribe({
      next: (r) => {
        this.clientMsgId = newClientMsgId();
        this.body.set('');
        this.email.set(false);
        this.done.set(r);
        this.busy.set(false);
      },
      error: (err: unknown) => {
        this.error.set(this.errors.message(err));
        this.busy.set(false);
      },
    });
  }
}
