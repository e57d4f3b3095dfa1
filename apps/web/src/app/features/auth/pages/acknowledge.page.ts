import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, OnInit, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { AcknowledgeByLinkResponse } from '@klasteris/contracts';
import { ErrorMessageService } from '../../../core/http/error-message.service';

/** The link of an announcement mail (`/acknowledge?token=…`): acknowledges on opening, no sign-in needed. */
@Component({
  selector: 'app-acknowledge-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, MatIconModule, MatProgressSpinnerModule, TranslocoPipe],
  template: `
    <div class="auth single">
      <section class="card" aria-labelledby="ack-title">
        @if (state() === 'busy') {
          <div class="center"><mat-spinner diameter="36" [attr.aria-label]="'common.loading' | transloco" /></div>
        } @else if (done(); as d) {
          <div class="success" role="status" data-testid="ack-done">
            <mat-icon class="big" aria-hidden="true" fontIcon="task_alt" />
            <h2 id="ack-title">{{ 'account.ackDoneTitle' | transloco }}</h2>
            <p class="lead">{{ 'account.ackDoneText' | transloco: { group: d.groupName } }}</p>
            <a mat-flat-button [routerLink]="['/groups', d.groupId]">{{ 'account.openGroup' | transloco }}</a>
          </div>
        } @else {
          <div class="success" role="alert" data-testid="ack-failed">
            <mat-icon class="big" aria-hidden="true" fontIcon="link_off" />
            <h2 id="ack-title">{{ 'account.linkInvalidTitle' | transloco }}</h2>
            <p class="lead">{{ error() }}</p>
            <a mat-flat-button routerLink="/login">{{ 'auth.signIn' | transloco }}</a>
          </div>
        }
      </section>
    </div>
  `,
  styleUrl: './auth-page.scss',
  styles: `
    .single {
      grid-template-columns: minmax(0, 480px);
      justify-content: center;
    }
    .center {
      display: flex;
      justify-content: center;
      padding: 32px;
    }
  `,
})
export default class AcknowledgePage implements OnInit {
  private readonly http = inject(HttpClient);
  private readonly errors = inject(ErrorMessageService);

  /** from the query string (?token=) */
  readonly token = input<string | undefined>();

  protected readonly state = signal<'busy' | 'done' | 'failed'>('busy');
  protected readonly done = signal<AcknowledgeByLinkResponse | null>(null);
  protected readonly error = signal<string | null>(null);

  ngOnInit(): void {
    this.http.post<AcknowledgeByLinkResponse>('/api/announcements/acknowledge', { token: this.token() ?? '' }).subscribe({
      next: (res) => {
        this.done.set(res);
        this.state.set('done');
      },
      error: (err: unknown) => {
        this.error.set(this.errors.message(err));
        this.state.set('failed');
      },
    });
  }
}
