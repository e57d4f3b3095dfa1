import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, OnInit, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type InvitationPreview, type LoginResponse } from '@klasteris/contracts';
import { AuthStore } from '../../../core/auth/auth.store';
import { ErrorMessageService } from '../../../core/http/error-message.service';
import { LanguageService } from '../../../core/i18n/language.service';
import { OnboardingApi } from '../auth.api';

@Component({
  selector: 'app-invite-accept-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    DatePipe,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressSpinnerModule,
    TranslocoPipe,
  ],
  template: `
    <div class="auth single">
      <section class="card" aria-labelledby="invite-title">
        @if (loading()) {
          <div class="center"><mat-spinner diameter="36" [attr.aria-label]="'common.loading' | transloco" /></div>
        } @else if (invitation(); as inv) {
          <div class="org-badge" aria-hidden="true"><mat-icon fontIcon="mail" /></div>
          <h2 id="invite-title">{{ 'invite.title' | transloco: { organisation: inv.organisationName } }}</h2>
          <p class="lead">{{ 'invite.lead' | transloco: { name: inv.invitedByName } }}</p>
          <dl class="facts">
            <div>
              <dt>{{ 'invite.organisation' | transloco }}</dt>
              <dd data-testid="invite-organisation">{{ inv.organisationName }}</dd>
            </div>
            <div>
              <dt>{{ 'auth.email' | transloco }}</dt>
              <dd data-testid="invite-email-value">{{ inv.email }}</dd>
            </div>
            <div>
              <dt>{{ 'invite.expires' | transloco }}</dt>
              <dd>{{ inv.expiresAt | date: 'medium' : undefined : language.lang() }}</dd>
            </div>
          </dl>
          @if (inv.message) {
            <blockquote class="note">{{ inv.message }}</blockquote>
          }
          <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
            <mat-form-field>
              <mat-label>{{ 'profile.displayName' | transloco }}</mat-label>
              <input matInput formControlName="displayName" required autocomplete="name" data-testid="invite-accept-name" />
              @if (form.controls.displayName.touched && form.controls.displayName.invalid) {
                <mat-error>{{ 'validation.required' | transloco }}</mat-error>
              }
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'auth.password' | transloco }}</mat-label>
              <input
                matInput
                type="password"
                formControlName="password"
                required
                autocomplete="new-password"
                data-testid="invite-accept-password"
              />
              <mat-hint>{{ 'validation.passwordHint' | transloco: { min: minLength } }}</mat-hint>
              @if (form.controls.password.touched && form.controls.password.invalid) {
                <mat-error>{{ 'validation.passwordMin' | transloco: { min: minLength } }}</mat-error>
              }
            </mat-form-field>
            @if (error()) {
              <div class="alert" role="alert">
                <mat-icon aria-hidden="true" fontIcon="error" /><span>{{ error() }}</span>
              </div>
            }
            <button mat-flat-button class="submit" type="submit" [disabled]="busy()" data-testid="invite-accept-submit">
              @if (busy()) {
                <mat-spinner diameter="20" [attr.aria-label]="'common.loading' | transloco" />
              } @else {
                {{ 'invite.accept' | transloco }}
              }
            </button>
          </form>
        } @else {
          <div class="success" role="alert" data-testid="invite-invalid">
            <mat-icon class="big" aria-hidden="true" fontIcon="link_off" />
            <h2 id="invite-title">{{ 'invite.invalidTitle' | transloco }}</h2>
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
      grid-template-columns: minmax(0, 520px);
      justify-content: center;
    }
    .center {
      display: flex;
      justify-content: center;
      padding: 32px;
    }
    .org-badge {
      width: 48px;
      height: 48px;
      border-radius: 12px;
      background: #dcefee;
      color: var(--k-teal);
      display: flex;
      align-items: center;
      justify-content: center;
      margin-bottom: 12px;
    }
    .facts {
      display: grid;
      gap: 8px;
      margin: 0 0 16px;
      padding: 12px 16px;
      background: var(--k-surface);
      border-radius: 12px;
    }
    .facts div {
      display: flex;
      gap: 12px;
      flex-wrap: wrap;
    }
    .facts dt {
      color: var(--k-text-muted);
      min-width: 120px;
    }
    .facts dd {
      margin: 0;
      font-weight: 500;
      word-break: break-word;
    }
    .note {
      margin: 0 0 16px;
      padding: 8px 14px;
      border-left: 4px solid var(--k-amber);
      background: #fff8e6;
      border-radius: 0 8px 8px 0;
    }
  `,
})
export default class InviteAcceptPage implements OnInit {
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly api = inject(OnboardingApi);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly errors = inject(ErrorMessageService);
  protected readonly language = inject(LanguageService);

  readonly token = input.required<string>();

  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly invitation = signal<InvitationPreview | null>(null);
  protected readonly loading = signal(true);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly form = this.fb.group({
    displayName: ['', [Validators.required, Validators.minLength(2), Validators.maxLength(80)]],
    password: ['', [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH), Validators.maxLength(PASSWORD_MAX_LENGTH)]],
  });

  ngOnInit(): void {
    this.api.invitation(this.token()).subscribe({
      next: ({ invitation }) => {
        this.invitation.set(invitation);
        this.loading.set(false);
      },
      error: (err: unknown) => {
        this.error.set(this.errors.message(err));
        this.loading.set(false);
      },
    });
  }

  submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    this.busy.set(true);
    this.error.set(null);
    this.api
      .acceptInvitation(this.token(), { displayName: v.displayName.trim(), password: v.password, language: this.language.lang() })
      .subscribe({
        next: (session) => void this.enter(session),
        error: (err: unknown) => {
          this.busy.set(false);
          this.error.set(this.errors.message(err));
        },
      });
  }

  /** Whoever was signed in before on this browser is replaced by the new person. */
  private async enter(session: LoginResponse): Promise<void> {
    this.auth.setSession(session);
    await this.language.adoptFromProfile();
    this.busy.set(false);
    await this.router.navigateByUrl('/dashboard');
  }
}
