import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  type FormGroupDirective,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Languages, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type Language, type User } from '@klasteris/contracts';
import { startWith } from 'rxjs';
import { AuthStore } from '../../../core/auth/auth.store';
import { ErrorMessageService } from '../../../core/http/error-message.service';
import { LanguageService } from '../../../core/i18n/language.service';
import { AVATAR_COLORS, initialsOf } from '../../../shared/countries';
import { AvatarComponent } from '../../../shared/ui/avatar.component';
import { ChipsFieldComponent } from '../../../shared/ui/chips-field.component';
import { AccountApi } from '../../auth/account.api';
import { ProfileStore } from '../profile.store';

function samePasswords(group: AbstractControl): ValidationErrors | null {
  const a = group.get('newPassword')?.value as string | undefined;
  const b = group.get('confirm')?.value as string | undefined;
  return a && b && a !== b ? { mismatch: true } : null;
}

@Component({
  selector: 'app-profile-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [ProfileStore],
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    TranslocoPipe,
    AvatarComponent,
    ChipsFieldComponent,
    RouterLink,
  ],
  templateUrl: './profile.page.html',
  styleUrl: './profile.page.scss',
})
export default class ProfilePage {
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly auth = inject(AuthStore);
  protected readonly store = inject(ProfileStore);
  private readonly language = inject(LanguageService);
  private readonly snack = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly errors = inject(ErrorMessageService);

  protected readonly colors = AVATAR_COLORS;
  protected readonly languages = Languages;
  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly profileError = signal<string | null>(null);
  protected readonly passwordError = signal<string | null>(null);
  private readonly account = inject(AccountApi);
  protected readonly emailForm = this.fb.group({
    email: ['', [Validators.required, Validators.email, Validators.maxLength(254)]],
    password: ['', Validators.required],
  });
  protected readonly emailBusy = signal(false);
  protected readonly emailError = signal<string | null>(null);
  protected readonly emailSentTo = signal<string | null>(null);

  private readonly user = this.auth.user();
  protected readonly form = this.fb.group({
    displayName: [this.user?.displayName ?? '', [Validators.required, Validators.minLength(2), Validators.maxLength(80)]],
    language: this.fb.control<Language>(this.user?.language ?? this.language.lang()),
    initials: [this.user?.initials ?? '', [Validators.required, Validators.maxLength(3), Validators.pattern(/^\p{L}{1,3}$/u)]],
    avatarColor: [this.user?.avatarColor ?? AVATAR_COLORS[0]],
    title: [this.user?.title ?? '', Validators.maxLength(100)],
    expertise: this.fb.control<string[]>(this.user?.expertise ?? []),
  });
  protected readonly preview = toSignal(this.form.valueChanges.pipe(startWith(this.form.value)), { initialValue: this.form.value });

  protected readonly passwordForm = this.fb.group(
    {
      currentPassword: ['', Validators.required],
      newPassword: ['', [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH), Validators.maxLength(PASSWORD_MAX_LENGTH)]],
      confirm: ['', Validators.required],
    },
    { validators: samePasswords },
  );

  suggestInitials(): void {
    this.form.controls.initials.setValue(initialsOf(this.form.controls.displayName.value));
  }

  /** roving tabindex: only the selected swatch (or the first) is in the tab order */
  swatchTabIndex(color: string, index: number): number {
    const current = this.preview().avatarColor ?? '';
    const known = (this.colors as readonly string[]).includes(current);
    return current === color || (!known && index === 0) ? 0 : -1;
  }

  pickColor(color: string): void {
    this.form.controls.avatarColor.setValue(color);
    this.form.markAsDirty();
  }

  onSwatchKey(event: KeyboardEvent, index: number): void {
    const delta =
      event.key === 'ArrowRight' || event.key === 'ArrowDown' ? 1 : event.key === 'ArrowLeft' || event.key === 'ArrowUp' ? -1 : 0;
    if (!delta) return;
    event.preventDefault();
    const next = (index + delta + this.colors.length) % this.colors.length;
    this.pickColor(this.colors[next]!);
    const target = (event.currentTarget as HTMLElement).parentElement?.children[next] as HTMLElement | undefined;
    target?.focus();
  }

  save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    this.profileError.set(null);
    this.store
      .save({
        displayName: v.displayName.trim(),
        language: v.language,
        initials: v.initials.trim().toLocaleUpperCase(),
        avatarColor: v.avatarColor,
        title: v.title.trim(),
        expertise: v.expertise,
      })
      .subscribe({
        next: (user) => void this.saved(user),
        error: (err: unknown) => this.profileError.set(this.errors.message(err)),
      });
  }

  changePassword(dir: FormGroupDirective): void {
    if (this.passwordForm.invalid) {
      this.passwordForm.markAllAsTouched();
      return;
    }
    const v = this.passwordForm.getRawValue();
    this.passwordError.set(null);
    this.store.changePassword({ currentPassword: v.currentPassword, newPassword: v.newPassword }).subscribe({
      next: () => {
        dir.resetForm();
        this.snack.open(this.transloco.translate('profile.passwordChanged'), undefined, { duration: 3000 });
      },
      error: (err: unknown) => this.passwordError.set(this.errors.message(err)),
    });
  }

  changeEmail(dir: FormGroupDirective): void {
    if (this.emailForm.invalid) {
      this.emailForm.markAllAsTouched();
      return;
    }
    const v = this.emailForm.getRawValue();
    const email = v.email.trim().toLowerCase();
    this.emailBusy.set(true);
    this.emailError.set(null);
    this.emailSentTo.set(null);
    this.account.requestEmailChange({ email, password: v.password }).subscribe({
      next: () => {
        this.emailBusy.set(false);
        dir.resetForm();
        this.emailSentTo.set(email);
      },
      error: (err: unknown) => {
        this.emailBusy.set(false);
        this.emailError.set(this.errors.message(err));
      },
    });
  }

  private async saved(user: User): Promise<void> {
    this.form.markAsPristine();
    if (user.language !== this.language.lang()) await this.language.choose(user.language);
    this.snack.open(this.transloco.translate('profile.saved'), undefined, { duration: 3000 });
  }
}
