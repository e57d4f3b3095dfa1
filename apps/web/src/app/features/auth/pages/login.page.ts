import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AuthStore } from '../../../core/auth/auth.store';
import { ErrorMessageService } from '../../../core/http/error-message.service';
import { LanguageService } from '../../../core/i18n/language.service';

/** Only in-app paths are accepted as a place to return to after signing in. */
export function safeReturnUrl(url: string | null | undefined): string {
  if (!url || !url.startsWith('/') || url.startsWith('//') || url.startsWith('/login')) return '/dashboard';
  return url;
}

@Component({
  selector: 'app-login-page',
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
    <div class="auth">
      <section class="hero">
        <h1>{{ 'auth.heroTitle' | transloco }}</h1>
        <p>{{ 'auth.heroText' | transloco }}</p>
        <ul>
          <li><mat-icon aria-hidden="true" fontIcon="forum" />{{ 'auth.heroChat' | transloco }}</li>
          <li><mat-icon aria-hidden="true" fontIcon="view_kanban" />{{ 'auth.heroProjects' | transloco }}</li>
          <li><mat-icon aria-hidden="true" fontIcon="dns" />{{ 'auth.heroInfra' | transloco }}</li>
          <li><mat-icon aria-hidden="true" fontIcon="apartment" />{{ 'auth.heroDirectory' | transloco }}</li>
        </ul>
      </section>
      <section class="card" aria-labelledby="login-title">
        <h2 id="login-title">{{ 'auth.signInTitle' | transloco }}</h2>
        <p class="lead">{{ 'auth.signInLead' | transloco }}</p>
        <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
          <mat-form-field>
            <mat-label>{{ 'auth.email' | transloco }}</mat-label>
            <input matInput type="email" formControlName="email" autocomplete="username" data-testid="login-email" required />
            @if (form.controls.email.touched && form.controls.email.invalid) {
              <mat-error>{{ 'validation.email' | transloco }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'auth.password' | transloco }}</mat-label>
            <input
              matInput
              [type]="showPassword() ? 'text' : 'password'"
              formControlName="password"
              autocomplete="current-password"
              data-testid="login-password"
              required
            />
            <button
              mat-icon-button
              matSuffix
              type="button"
              (click)="showPassword.set(!showPassword())"
              [attr.aria-label]="(showPassword() ? 'auth.hidePassword' : 'auth.showPassword') | transloco"
              [attr.aria-pressed]="showPassword()"
            >
              <mat-icon aria-hidden="true" [fontIcon]="showPassword() ? 'visibility_off' : 'visibility'" />
            </button>
            @if (form.controls.password.touched && form.controls.password.invalid) {
              <mat-error>{{ 'validation.required' | transloco }}</mat-error>
            }
          </mat-form-field>
          <a class="forgot" routerLink="/forgot-password" data-testid="login-forgot">{{ 'account.forgotLink' | transloco }}</a>
          @if (error()) {
            <div class="alert" role="alert" data-testid="login-error">
              <mat-icon aria-hidden="true" fontIcon="error" /><span>{{ error() }}</span>
            </div>
          }
          <button mat-flat-button class="submit" type="submit" [disabled]="busy()" data-testid="login-submit">
            @if (busy()) {
              <mat-spinner diameter="20" [attr.aria-label]="'common.loading' | transloco" />
            } @else {
              {{ 'auth.signIn' | transloco }}
            }
          </button>
        </form>
        <div class="alt">
          <span
            >{{ 'auth.noAccount' | transloco }} <a routerLink="/register">{{ 'auth.registerLink' | transloco }}</a></span
          >
          <span
            >{{ 'auth.newOrganisation' | transloco }} <a routerLink="/apply">{{ 'auth.applyLink' | transloco }}</a></span
          >
        </div>
      </section>
    </div>
  `,
  styleUrl: './auth-page.scss',
  styles: `
    .forgot {
      align-self: flex-end;
      margin: -8px 0 12px;
      font-size: 0.875rem;
    }
  `,
})
export default class LoginPage {
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly errors = inject(ErrorMessageService);
  private readonly language = inject(LanguageService);

  /** from the query string (?returnUrl=) */
  readonly returnUrl = input<string | undefined>();

  protected readonly form = this.fb.group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', [Validators.required]],
  });
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly showPassword = signal(false);

  submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    const { email, password } = this.form.getRawValue();
    this.auth.login({ email: email.trim(), password }).subscribe({
      next: () => void this.enter(),
      error: (err: unknown) => {
        this.busy.set(false);
        this.error.set(this.errors.message(err));
      },
    });
  }

  private async enter(): Promise<void> {
    await this.language.adoptFromProfile();
    this.busy.set(false);
    await this.router.navigateByUrl(safeReturnUrl(this.returnUrl()));
  }
}
