import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { PASSWORD_RESET_TTL_MINUTES } from '@klasteris/contracts';
import { ErrorMessageService } from '../../../core/http/error-message.service';
import { AccountApi } from '../account.api';

/** Asks for a password reset link; answers the same whether or not the address has an account. */
@Component({
  selector: 'app-forgot-password-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressSpinnerModule,
    TranslocoPipe,
  ],
  template: `
    <div class="auth single">
      <section class="card" aria-labelledby="forgot-title">
        @if (sentTo(); as email) {
          <div class="success" role="status" data-testid="forgot-sent">
            <mat-icon class="big" aria-hidden="true" fontIcon="mark_email_read" />
            <h2 id="forgot-title">{{ 'account.resetSentTitle' | transloco }}</h2>
            <p class="lead">{{ 'account.resetSentText' | transloco: { email, minutes: ttl } }}</p>
            <a mat-flat-button routerLink="/login">{{ 'account.backToSignIn' | transloco }}</a>
          </div>
        } @else {
          <h2 id="forgot-title">{{ 'account.forgotTitle' | transloco }}</h2>
          <p class="lead">{{ 'account.forgotLead' | transloco }}</p>
          <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
            <mat-form-field>
              <mat-label>{{ 'auth.email' | transloco }}</mat-label>
              <input matInput type="email" formControlName="email" autocomplete="username" required data-testid="forgot-email" />
              @if (form.controls.email.touched && form.controls.email.invalid) {
                <mat-error>{{ 'validation.email' | transloco }}</mat-error>
              }
            </mat-form-field>
            @if (error()) {
              <div class="alert" role="alert">
                <mat-icon aria-hidden="true" fontIcon="error" /><span>{{ error() }}</span>
              </div>
            }
            <button mat-flat-button class="submit" type="submit" [disabled]="busy()" data-testid="forgot-submit">
              @if (busy()) {
                <mat-spinner diameter="20" [attr.aria-label]="'common.loading' | transloco" />
              } @else {
                {{ 'account.sendLink' | transloco }}
              }
            </button>
          </form>
          <div class="alt">
            <a routerLink="/login">{{ 'account.backToSignIn' | transloco }}</a>
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
  `,
})
export default class ForgotPasswordPage {
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly api = inject(AccountApi);
  private readonly errors = inject(ErrorMessageService);

  protected readonly ttl = PASSWORD_RESET_TTL_MINUTES;
  protected readonly form = this.fb.group({ email: ['', [Validators.required, Validators.email]] });
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly sentTo = signal<string | null>(null);

  submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const email = this.form.getRawValue().email.trim();
    this.busy.set(true);
    this.error.set(null);
    this.api.requestReset({ email }).subscribe({
      next: () => {
        this.busy.set(false);
        this.sentTo.set(email);
      },
      error: (err: unknown) => {
        this.busy.set(false);
        this.error.set(this.errors.message(err));
      },
    });
  }
}
