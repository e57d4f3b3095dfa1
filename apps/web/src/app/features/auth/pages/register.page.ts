import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type Organisation, type User } from '@klasteris/contracts';
import { catchError, debounceTime, distinctUntilChanged, firstValueFrom, map, of, startWith, switchMap } from 'rxjs';
import { AuthApi } from '../../../core/auth/auth.api';
import { AuthStore } from '../../../core/auth/auth.store';
import { ErrorMessageService } from '../../../core/http/error-message.service';
import { LanguageService } from '../../../core/i18n/language.service';
import { DirectoryApi } from '../../directory/directory.api';
import { CountryPipe } from '../../../shared/ui/country.pipe';
import { browserTimeZone } from '../../../shared/time-zone';

@Component({
  selector: 'app-register-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatAutocompleteModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressSpinnerModule,
    TranslocoPipe,
    CountryPipe,
  ],
  template: `
    <div class="auth">
      <section class="hero">
        <h1>{{ 'register.heroTitle' | transloco }}</h1>
        <p>{{ 'register.heroText' | transloco }}</p>
        <ul>
          <li><mat-icon aria-hidden="true" fontIcon="badge" />{{ 'register.point1' | transloco }}</li>
          <li><mat-icon aria-hidden="true" fontIcon="verified_user" />{{ 'register.point2' | transloco }}</li>
          <li><mat-icon aria-hidden="true" fontIcon="add_business" />{{ 'register.point3' | transloco }}</li>
        </ul>
      </section>
      <section class="card" aria-labelledby="register-title">
        @if (pendingUser(); as u) {
          <div class="success" role="status" data-testid="register-pending">
            <mat-icon class="big" aria-hidden="true" fontIcon="hourglass_top" />
            <h2 id="register-title">{{ 'register.pendingTitle' | transloco }}</h2>
            <p class="lead">{{ 'register.pendingText' | transloco: { email: u.email } }}</p>
            <a mat-flat-button routerLink="/login">{{ 'auth.signIn' | transloco }}</a>
          </div>
        } @else {
          <h2 id="register-title">{{ 'register.title' | transloco }}</h2>
          <p class="lead">{{ 'register.lead' | transloco }}</p>
          <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
            <mat-form-field>
              <mat-label>{{ 'profile.displayName' | transloco }}</mat-label>
              <input matInput formControlName="displayName" autocomplete="name" required data-testid="register-name" />
              @if (form.controls.displayName.touched && form.controls.displayName.invalid) {
                <mat-error>{{ 'validation.required' | transloco }}</mat-error>
              }
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'auth.email' | transloco }}</mat-label>
              <input matInput type="email" formControlName="email" autocomplete="email" required data-testid="register-email" />
              @if (form.controls.email.touched && form.controls.email.invalid) {
                <mat-error>{{ 'validation.email' | transloco }}</mat-error>
              }
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'auth.password' | transloco }}</mat-label>
              <input
                matInput
                type="password"
                formControlName="password"
                autocomplete="new-password"
                required
                data-testid="register-password"
              />
              <mat-hint>{{ 'validation.passwordHint' | transloco: { min: minLength } }}</mat-hint>
              @if (form.controls.password.touched && form.controls.password.invalid) {
                <mat-error>{{ 'validation.passwordMin' | transloco: { min: minLength } }}</mat-error>
              }
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'register.organisation' | transloco }}</mat-label>
              <input matInput formControlName="organisation" [matAutocomplete]="auto" data-testid="register-organisation" />
              <mat-icon matSuffix aria-hidden="true" fontIcon="search" />
              <mat-hint>{{ 'register.organisationHint' | transloco }}</mat-hint>
              <mat-autocomplete #auto="matAutocomplete" [displayWith]="displayOrg" (optionSelected)="selected.set($event.option.value)">
                @for (o of options(); track o.id) {
                  <mat-option [value]="o">
                    <span>{{ o.name }}</span>
                    <small class="opt-meta"> · {{ o.country | country }}</small>
                  </mat-option>
                }
              </mat-autocomplete>
            </mat-form-field>
            @if (error()) {
              <div class="alert" role="alert">
                <mat-icon aria-hidden="true" fontIcon="error" /><span>{{ error() }}</span>
              </div>
            }
            <button mat-flat-button class="submit" type="submit" [disabled]="busy()" data-testid="register-submit">
              @if (busy()) {
                <mat-spinner diameter="20" [attr.aria-label]="'common.loading' | transloco" />
              } @else {
                {{ 'register.submit' | transloco }}
              }
            </button>
          </form>
          <div class="alt">
            <span
              >{{ 'register.haveAccount' | transloco }} <a routerLink="/login">{{ 'auth.signIn' | transloco }}</a></span
            >
            <span
              >{{ 'auth.newOrganisation' | transloco }} <a routerLink="/apply">{{ 'auth.applyLink' | transloco }}</a></span
            >
          </div>
        }
      </section>
    </div>
  `,
  styleUrl: './auth-page.scss',
  styles: `
    .opt-meta {
      color: var(--k-text-muted);
    }
  `,
})
export default class RegisterPage {
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly authApi = inject(AuthApi);
  private readonly auth = inject(AuthStore);
  private readonly directory = inject(DirectoryApi);
  private readonly router = inject(Router);
  private readonly errors = inject(ErrorMessageService);
  private readonly language = inject(LanguageService);

  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly form = this.fb.group({
    displayName: ['', [Validators.required, Validators.minLength(2), Validators.maxLength(80)]],
    email: ['', [Validators.required, Validators.email]],
    password: ['', [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH), Validators.maxLength(PASSWORD_MAX_LENGTH)]],
    organisation: this.fb.control<string | Organisation>(''),
  });
  protected readonly selected = signal<Organisation | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly pendingUser = signal<User | null>(null);

  protected readonly options = toSignal(
    this.form.controls.organisation.valueChanges.pipe(
      startWith(''),
      map((v) => (typeof v === 'string' ? v : v.name)),
      debounceTime(250),
      distinctUntilChanged(),
      switchMap((q) =>
        this.directory.organisations({ q: q || undefined, limit: 20 }).pipe(
          map((page) => page.items),
          catchError(() => of<Organisation[]>([])),
        ),
      ),
    ),
    { initialValue: [] as Organisation[] },
  );

  protected readonly displayOrg = (o: Organisation | string | null): string => (typeof o === 'string' ? o : (o?.name ?? ''));

  async submit(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    const org = typeof v.organisation === 'string' ? null : v.organisation;
    const timeZone = browserTimeZone();
    this.busy.set(true);
    this.error.set(null);
    try {
      const { user } = await firstValueFrom(
        this.authApi.register({
          email: v.email.trim(),
          password: v.password,
          displayName: v.displayName.trim(),
          ...(org ? { organisationId: org.id } : {}),
          ...(timeZone ? { timeZone } : {}),
          language: this.language.lang(),
        }),
      );
      if (user.status === 'active') {
        await firstValueFrom(this.auth.login({ email: v.email.trim(), password: v.password }));
        await this.language.adoptFromProfile();
        await this.router.navigateByUrl('/dashboard');
      } else {
        this.pendingUser.set(user);
      }
    } catch (err) {
      this.error.set(this.errors.message(err));
    } finally {
      this.busy.set(false);
    }
  }
}
