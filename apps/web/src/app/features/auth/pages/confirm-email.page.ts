import { ChangeDetectionStrategy, Component, OnInit, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AuthStore } from '../../../core/auth/auth.store';
import { ErrorMessageService } from '../../../core/http/error-message.service';
import { AccountApi } from '../account.api';

/**
 * Follows the link of an account mail on opening: an e-mail change (`/confirm-email?token=…`, the
 * address switches) or the verification of a new registration (`/verify-email?token=…`, route data
 * `purpose: 'verify'`).
 */
@Component({
  selector: 'app-confirm-email-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, MatIconModule, MatProgressSpinnerModule, TranslocoPipe],
  template: `
    <div class="auth single">
      <section class="card" aria-labelledby="confirm-title">
        @if (state() === 'busy') {
          <div class="center"><mat-spinner diameter="36" [attr.aria-label]="'common.loading' | transloco" /></div>
        } @else if (state() === 'done') {
          <div class="success" role="status" data-testid="confirm-email-done">
            <mat-icon class="big" aria-hidden="true" fontIcon="mark_email_read" />
            <h2 id="confirm-title">
              {{ (purpose() === 'verify' ? 'account.emailVerifiedTitle' : 'account.emailChangedTitle') | transloco }}
            </h2>
            <p class="lead">{{ (purpose() === 'verify' ? 'account.emailVerifiedText' : 'account.emailChangedText') | transloco }}</p>
            <a mat-flat-button [routerLink]="signedIn() ? '/profile' : '/login'">{{
              (signedIn() ? 'profile.title' : 'auth.signIn') | transloco
            }}</a>
          </div>
        } @else {
          <div class="success" role="alert" data-testid="confirm-email-failed">
            <mat-icon class="big" aria-hidden="true" fontIcon="link_off" />
            <h2 id="confirm-title">{{ 'account.linkInvalidTitle' | transloco }}</h2>
            <p class="lead">{{ error() }}</p>
            <a mat-flat-button [routerLink]="signedIn() ? '/profile' : '/login'">{{
              (signedIn() ? 'profile.title' : 'auth.signIn') | transloco
            }}</a>
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
export default class ConfirmEmailPage implements OnInit {
  private readonly api = inject(AccountApi);
  private readonly auth = inject(AuthStore);
  private readonly errors = inject(ErrorMessageService);

  /** from the query string (?token=) */
  readonly token = input<string | undefined>();
  /** from the route's data */
  readonly purpose = input<'change' | 'verify'>('change');

  protected readonly state = signal<'busy' | 'done' | 'failed'>('busy');
  protected readonly error = signal<string | null>(null);
  protected readonly signedIn = this.auth.isLoggedIn;

  ngOnInit(): void {
    const body = { token: this.token() ?? '' };
    (this.purpose() === 'verify' ? this.api.verifyEmail(body) : this.api.confirmEmailChange(body)).subscribe({
      next: () => {
        this.state.set('done');
        if (this.signedIn()) this.auth.reloadMe().subscribe({ error: () => undefined });
      },
      error: (err: unknown) => {
        this.error.set(this.errors.message(err));
        this.state.set('failed');
      },
    });
  }
}
