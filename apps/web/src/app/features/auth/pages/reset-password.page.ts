import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators, type AbstractControl, type ValidationErrors } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@klasteris/contracts';
import { ErrorMessageService } from '../../../core/http/error-message.service';
import { AccountApi } from '../account.api';

const sameAsPassword = (c: AbstractControl): ValidationErrors | null =>
  c.parent && c.value !== c.parent.get('password')?.value ? { mismatch: true } : null;

/** Sets a new password with the token of a reset mail (`/reset-password?token=…`). */
@Component({
  selector: 'app-reset-password-page',
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
      <section class="card" aria-labelledby="reset-title">
        @if (done()) {
          <div class="success" role="status" data-testid="reset-done">
            <mat-icon class="big" aria-hidden="true" fontIcon="lock_reset" />
            <h2 id="reset-title">{{ 'account.resetDoneTitle' | transloco }}</h2>
            <p class="lead">{{ 'account.resetDoneText' | transloco }}</p>
            <a mat-flat-button routerLink="/login" data-testid="reset-sign-in">{{ 'auth.signIn' | transloco }}</a>
          </div>
        } @else if (!token()) {
          <div class="success" role="alert">
            <mat-icon class="big" aria-hidden="true" fontIcon="link_off" />
            <h2 id="reset-title">{{ 'account.linkInvalidTitle' | transloco }}</h2>
            <p class="lead">{{ 'errors.RESET_TOKEN_INVALID' | transloco }}</p>
            <a mat-flat-button routerLink="/forgot-password">{{ 'account.askAgain' | transloco }}</a>
          </div>
        } @else {
          <h2 id="reset-title">{{ 'account.resetTitle' | transloco }}</h2>
          <p class="lead">{{ 'account.resetLead' | transloco }}</p>
          <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
            <mat-form-field>
              <mat-label>{{ 'account.newPassword' | transloco }}</mat-label>
              <input
                matInput
                type="password"
                formControlName="password"
                autocomplete="new-password"
                required
                data-testid="reset-password"
              />
              <mat-hint>{{ 'validation.passwordHint' | transloco: { min: minLength } }}</mat-hint>
              @if (form.controls.password.touched && form.controls.password.invalid) {
                <mat-error>{{ 'validation.passwordMin' | transloco: { min: minLength } }}</mat-error>
              }
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'account.repeatPassword' | transloco }}</mat-label>
              <input matInput type="password" formControlName="repeat" autocomplete="new-password" required data-testid="reset-repeat" />
              @if (form.controls.repeat.touched && form.controls.repeat.invalid) {
                <mat-error>{{ 'account.passwordsDiffer' | transloco }}</mat-error>
              }
            </mat-form-field>
            @if (error()) {
              <div class="alert" role="alert" data-testid="reset-error">
                <mat-icon aria-hidden="true" fontIcon="error" /><span>{{ error() }}</span>
                @if (linkDead()) {
                  <a routerLink="/forgot-password">{{ 'account.askAgain' | transloco }}</a>
                }
              </div>
            }
            <button mat-flat-button class="submit" type="submit" [disabled]="busy()" data-testid="reset-submit">
              @if (busy()) {
                <mat-spinner diameter="20" [attr.aria-label]="'common.loading' | transloco" />
              } @else {
                {{ 'account.setPassword' | transloco }}
              }
            </button>
          </form>
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
    .alert a {
      margin-left: auto;
    }
  `,
})
export default class ResetPasswordPage {
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly api = inject(AccountApi);
  private readonly errors = inject(ErrorMessageService);

  /** from the query string (?token=) */
  readonly token = input<string | undefined>();

  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly form = this.fb.group({
    password: ['', [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH), Validators.maxLength(PASSWORD_MAX_LENGTH)]],
    repeat: ['', [Validators.required, sameAsPassword]],
  });
  protected readonly busy = signal(false);
  protected readonly done = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly linkDead = signal(false);

  constructor() {
    this.form.controls.password.valueChanges.subscribe(() => this.form.controls.repeat.updateValueAndValidity({ emitEvent: false }));
  }

  submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    this.api.confirmReset({ token: this.token() ?? '', password: this.form.getRawValue().password }).subscribe({
      next: () => {
        this.busy.set(false);
        this.done.set(true);
      },
      error: (err: unknown) => {
        this.busy.set(false);
        this.error.set(this.errors.message(err));
        this.linkDead.set(String(this.errors.info(err).code).startsWith('RESET_TOKEN_'));
      },
    });
  }
}
