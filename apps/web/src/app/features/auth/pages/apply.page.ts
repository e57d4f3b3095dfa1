import { ChangeDetectionStrategy, Component, ElementRef, type OnInit, inject, input, signal, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  APPLY_INVITATION_TOKEN,
  ErrorCode,
  OrganisationTypes,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  type ApplyInvitationPreview,
  type CreateApplicationRequest,
  type OrganisationType,
} from '@klasteris/contracts';
import { ErrorMessageService } from '../../../core/http/error-message.service';
import { COUNTRY_CODES, isKnownCountry } from '../../../shared/countries';
import { ChipsFieldComponent } from '../../../shared/ui/chips-field.component';
import { CountryPipe } from '../../../shared/ui/country.pipe';
import { LanguageService } from '../../../core/i18n/language.service';
import { OnboardingApi } from '../auth.api';

/** Matches the API's rule for `motivation` (10–3000 characters). */
const MOTIVATION_MIN = 10;
const URL_PATTERN = /^(https?:\/\/)?[\w.-]+\.[a-z]{2,}(\/\S*)?$/i;

@Component({
  selector: 'app-apply-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressSpinnerModule,
    MatSelectModule,
    TranslocoPipe,
    ChipsFieldComponent,
    CountryPipe,
  ],
  templateUrl: './apply.page.html',
  styleUrl: './apply.page.scss',
})
export default class ApplyPage implements OnInit {
  /** `?invitation=`: the token of an invitation to apply (an event's prospect); the form is prefilled from it */
  readonly invitation = input<string | undefined>(undefined);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly api = inject(OnboardingApi);
  private readonly errors = inject(ErrorMessageService);
  private readonly language = inject(LanguageService);
  private readonly transloco = inject(TranslocoService);
  private readonly successHeading = viewChild<ElementRef<HTMLElement>>('successHeading');

  protected readonly types = OrganisationTypes;
  protected readonly countries = COUNTRY_CODES;
  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly motivationMin = MOTIVATION_MIN;

  protected readonly form = this.fb.group({
    organisation: this.fb.group({
      name: ['', [Validators.required, Validators.minLength(2), Validators.maxLength(120)]],
      type: this.fb.control<OrganisationType | ''>('', Validators.required),
      country: ['LT', Validators.required],
      city: ['', Validators.maxLength(80)],
      website: ['', Validators.pattern(URL_PATTERN)],
      sectors: this.fb.control<string[]>([]),
      description: ['', Validators.maxLength(2000)],
    }),
    contact: this.fb.group({
      displayName: ['', [Validators.required, Validators.minLength(2), Validators.maxLength(80)]],
      email: ['', [Validators.required, Validators.email]],
      password: ['', [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH), Validators.maxLength(PASSWORD_MAX_LENGTH)]],
      title: ['', Validators.maxLength(100)],
    }),
    motivation: ['', [Validators.required, Validators.minLength(MOTIVATION_MIN), Validators.maxLength(3000)]],
  });

  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly fieldErrors = signal<string[]>([]);
  protected readonly submittedEmail = signal<string | null>(null);
  /** the invitation the form was prefilled from, or why its link cannot be used */
  protected readonly invited = signal<ApplyInvitationPreview | null>(null);
  protected readonly invitationProblem = signal<string | null>(null);

  ngOnInit(): void {
    const token = this.invitation();
    if (!token) return;
    if (!APPLY_INVITATION_TOKEN.test(token)) {
      this.invitationProblem.set(this.transloco.translate(`errors.${ErrorCode.InvitationInvalid}`));
      return;
    }
    this.api.applyInvitation(token).subscribe({
      next: ({ invitation }) => {
        this.invited.set(invitation);
        this.prefill(invitation);
      },
      error: (err: unknown) => this.invitationProblem.set(this.errors.message(err)),
    });
  }

  /** What the prospect registered with; fields the person already typed in are left alone. */
  private prefill(inv: ApplyInvitationPreview): void {
    const org = this.form.controls.organisation.controls;
    const contact = this.form.controls.contact.controls;
    if (!org.name.value) org.name.setValue(inv.organisation);
    if (isKnownCountry(inv.country)) org.country.setValue(inv.country.toUpperCase());
    if (!contact.displayName.value) contact.displayName.setValue(inv.name);
    if (!contact.email.value) contact.email.setValue(inv.email);
  }

  submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.focusFirstInvalid();
      return;
    }
    const v = this.form.getRawValue();
    const website = v.organisation.website.trim();
    const body: CreateApplicationRequest = {
      organisation: {
        name: v.organisation.name.trim(),
        type: v.organisation.type as OrganisationType,
        country: v.organisation.country,
        ...(v.organisation.city.trim() ? { city: v.organisation.city.trim() } : {}),
        ...(website ? { website: /^https?:\/\//i.test(website) ? website : `https://${website}` } : {}),
        ...(v.organisation.sectors.length ? { sectors: v.organisation.sectors } : {}),
        ...(v.organisation.description.trim() ? { description: v.organisation.description.trim() } : {}),
      },
      contact: {
        displayName: v.contact.displayName.trim(),
        email: v.contact.email.trim(),
        password: v.contact.password,
        ...(v.contact.title.trim() ? { title: v.contact.title.trim() } : {}),
        language: this.language.lang(),
      },
      motivation: v.motivation.trim(),
      ...(this.invited() && this.invitation() ? { invitation: this.invitation() } : {}),
    };
    this.busy.set(true);
    this.error.set(null);
    this.fieldErrors.set([]);
    this.api.apply(body).subscribe({
      next: () => {
        this.busy.set(false);
        this.submittedEmail.set(body.contact.email);
        setTimeout(() => this.successHeading()?.nativeElement.focus());
      },
      error: (err: unknown) => {
        this.busy.set(false);
        this.error.set(this.errors.message(err));
        this.fieldErrors.set(this.errors.info(err).fields.map((f) => `${f.field}: ${f.message}`));
      },
    });
  }

  private focusFirstInvalid(): void {
    setTimeout(() => {
      const el = document.querySelector<HTMLElement>('form .ng-invalid:not(form):not([formgroupname])');
      el?.focus();
    });
  }
}
