import { ChangeDetectionStrategy, Component, ElementRef, computed, effect, inject, input, signal, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ErrorCode, type PublicEvent, type PublicRegistration } from '@klasteris/contracts';
import { ErrorMessageService } from '../../../core/http/error-message.service';
import { LanguageService } from '../../../core/i18n/language.service';
import { COUNTRY_CODES, isKnownCountry } from '../../../shared/countries';
import { renderMarkdown } from '../../../shared/markdown';
import { CountryPipe } from '../../../shared/ui/country.pipe';
import { differsFromViewer, offsetLabel, venueText, viewerZone, whenLabel } from '../event-format';
import { VisitApi, publicEventIcs } from '../visit.api';

type Field = 'name' | 'email' | 'organisation' | 'country';
const FIELDS: readonly Field[] = ['name', 'email', 'organisation', 'country'];

/** One public event for visitors: when (in its zone), where, places left, and the registration form. Never the attendees. */
@Component({
  selector: 'app-public-event-page',
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
    CountryPipe,
  ],
  template: `
    <div class="page">
      <a mat-button routerLink="/visit/events" class="back"
        ><mat-icon aria-hidden="true" fontIcon="arrow_back" />{{ 'visit.event.back' | transloco }}</a
      >
      @if (event(); as e) {
        <div class="layout">
          <article class="main" aria-labelledby="event-title">
            <p class="kind">{{ 'visit.kinds.' + e.kind | transloco }}</p>
            <h1 id="event-title" data-testid="visit-event-title">{{ e.title }}</h1>
            <dl class="facts">
              <div>
                <dt><mat-icon aria-hidden="true" fontIcon="schedule" />{{ 'visit.event.when' | transloco }}</dt>
                <dd data-testid="visit-event-when">
                  {{ when() }} <span class="zone">({{ zone() }})</span>
                  @if (viewerWhen(); as local) {
                    <span class="local" data-testid="visit-event-local">{{ 'visit.event.yourTime' | transloco: { time: local } }}</span>
                  }
                </dd>
              </div>
              <div>
                <dt>
                  <mat-icon aria-hidden="true" [fontIcon]="e.venue.kind === 'online' ? 'language' : 'place'" />{{
                    'visit.event.where' | transloco
                  }}
                </dt>
                <dd data-testid="visit-event-where">
                  {{ venue() ?? ('visit.online' | transloco) }}
                  @if (e.venue.kind === 'online') {
                    <span class="local">{{ 'visit.event.onlineHint' | transloco }}</span>
                  }
                </dd>
              </div>
              <div>
                <dt><mat-icon aria-hidden="true" fontIcon="event_seat" />{{ 'visit.event.places' | transloco }}</dt>
                <dd data-testid="visit-event-places">
                  @if (e.placesLeft === null) {
                    {{ 'visit.unlimited' | transloco }}
                  } @else if (e.placesLeft === 0) {
                    {{ 'visit.full' | transloco }}
                  } @else {
                    {{ 'visit.placesLeft' | transloco: { count: e.placesLeft } }}
                  }
                </dd>
              </div>
            </dl>
            <a mat-stroked-button [href]="ics()" data-testid="visit-event-ics"
              ><mat-icon aria-hidden="true" fontIcon="calendar_add_on" />{{ 'visit.event.addToCalendar' | transloco }}</a
            >
            @if (description()) {
              <div class="description markdown" [innerHTML]="description()"></div>
            }
          </article>

          <aside class="side" aria-labelledby="register-title">
            <section class="card" #panel tabindex="-1">
              @if (done(); as r) {
                <div class="done" role="status" data-testid="visit-register-done">
                  <mat-icon class="big" aria-hidden="true" fontIcon="mark_email_read" />
                  <h2 id="register-title">{{ 'visit.done.title' | transloco }}</h2>
                  @if (r.status === 'waitlisted') {
                    <p>{{ 'visit.done.waitlisted' | transloco: { email: sentTo(), position: r.position ?? 1 } }}</p>
                  } @else {
                    <p>{{ 'visit.done.going' | transloco: { email: sentTo() } }}</p>
                  }
                  <p class="fine">{{ 'visit.done.spam' | transloco }}</p>
                </div>
              } @else if (over()) {
                <h2 id="register-title">{{ 'visit.form.title' | transloco }}</h2>
                <p role="status" data-testid="visit-event-over">{{ 'visit.event.over' | transloco }}</p>
              } @else {
                <h2 id="register-title">{{ (e.placesLeft === 0 ? 'visit.form.waitlistTitle' : 'visit.form.title') | transloco }}</h2>
                <p class="fine">{{ 'visit.form.lead' | transloco }}</p>
                <form [formGroup]="form" (ngSubmit)="submit(e)" novalidate>
                  <mat-form-field>
                    <mat-label>{{ 'visit.form.name' | transloco }}</mat-label>
                    <input matInput formControlName="name" autocomplete="name" required maxlength="80" data-testid="visit-register-name" />
                    @if (form.controls.name.invalid) {
                      <mat-error>{{ 'visit.form.errors.name' | transloco }}</mat-error>
                    }
                  </mat-form-field>
                  <mat-form-field>
                    <mat-label>{{ 'visit.form.email' | transloco }}</mat-label>
                    <input
                      matInput
                      type="email"
                      formControlName="email"
                      autocomplete="email"
                      required
                      maxlength="254"
                      data-testid="visit-register-email"
                    />
                    @if (form.controls.email.invalid) {
                      <mat-error>{{ 'visit.form.errors.email' | transloco }}</mat-error>
                    }
                  </mat-form-field>
                  <mat-form-field>
                    <mat-label>{{ 'visit.form.organisation' | transloco }}</mat-label>
                    <input
                      matInput
                      formControlName="organisation"
                      autocomplete="organization"
                      required
                      maxlength="120"
                      data-testid="visit-register-organisation"
                    />
                    @if (form.controls.organisation.invalid) {
                      <mat-error>{{ 'visit.form.errors.organisation' | transloco }}</mat-error>
                    }
                  </mat-form-field>
                  <mat-form-field>
                    <mat-label>{{ 'visit.form.country' | transloco }}</mat-label>
                    <mat-select formControlName="country" required data-testid="visit-register-country">
                      @for (c of countries; track c) {
                        <mat-option [value]="c" [attr.data-testid]="'option-' + c">{{ c | country }}</mat-option>
                      }
                    </mat-select>
                    @if (form.controls.country.invalid) {
                      <mat-error>{{ 'visit.form.errors.country' | transloco }}</mat-error>
                    }
                  </mat-form-field>
                  @if (error()) {
                    <div class="alert" role="alert" data-testid="visit-register-error">
                      <mat-icon aria-hidden="true" fontIcon="error" /><span>{{ error() }}</span>
                    </div>
                  }
                  <button mat-flat-button class="submit" type="submit" [disabled]="busy()" data-testid="visit-register-submit">
                    @if (busy()) {
                      <mat-spinner diameter="20" [attr.aria-label]="'common.loading' | transloco" />
                    } @else {
                      {{ (e.placesLeft === 0 ? 'visit.form.waitlistSubmit' : 'visit.form.submit') | transloco }}
                    }
                  </button>
                  <p class="fine">{{ 'visit.form.privacy' | transloco }}</p>
                </form>
              }
            </section>
          </aside>
        </div>
      } @else if (missing()) {
        <div class="missing" role="status" data-testid="visit-event-missing">
          <mat-icon class="big" aria-hidden="true" fontIcon="event_busy" />
          <h1>{{ 'visit.event.notFound' | transloco }}</h1>
          <p>{{ 'visit.event.notFoundText' | transloco }}</p>
          <a mat-flat-button routerLink="/visit/events">{{ 'visit.event.back' | transloco }}</a>
        </div>
      } @else if (failed()) {
        <p class="alert" role="alert"><mat-icon aria-hidden="true" fontIcon="error" />{{ 'visit.list.failed' | transloco }}</p>
      } @else {
        <div class="loading"><mat-spinner diameter="32" [attr.aria-label]="'common.loading' | transloco" /></div>
      }
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .page {
      max-width: 1080px;
      margin: 0 auto;
      padding: 16px 24px 48px;
    }
    .back {
      margin: 0 0 8px -8px;
    }
    .layout {
      display: grid;
      grid-template-columns: minmax(0, 1fr) minmax(0, 400px);
      gap: 32px;
      align-items: start;
    }
    .kind {
      margin: 0;
      font-size: 13px;
      font-weight: 600;
      color: var(--k-teal);
      text-transform: uppercase;
      letter-spacing: 0.04em;
    }
    h1 {
      margin: 4px 0 16px;
      color: var(--k-navy);
      font-size: clamp(26px, 4vw, 36px);
      line-height: 1.2;
    }
    .facts {
      margin: 0 0 20px;
      display: grid;
      gap: 12px;
    }
    .facts div {
      display: grid;
      grid-template-columns: 140px 1fr;
      gap: 8px;
    }
    .facts dt {
      display: flex;
      gap: 6px;
      align-items: center;
      font-weight: 600;
      color: var(--k-navy);
    }
    .facts dt mat-icon {
      font-size: 20px;
      width: 20px;
      height: 20px;
      color: var(--k-teal);
    }
    .facts dd {
      margin: 0;
      line-height: 1.5;
    }
    .zone {
      color: var(--k-text-muted);
    }
    .local {
      display: block;
      font-size: 14px;
      color: var(--k-text-muted);
    }
    .description {
      margin-top: 24px;
      line-height: 1.6;
      max-width: 70ch;
    }
    .card {
      background: var(--k-card);
      border: 1px solid var(--k-border);
      border-radius: var(--k-radius);
      padding: 20px;
      box-shadow: var(--k-shadow);
      outline: none;
    }
    .card h2 {
      margin: 0 0 6px;
      color: var(--k-navy);
      font-size: 20px;
    }
    form {
      display: flex;
      flex-direction: column;
      gap: 4px;
      margin-top: 12px;
    }
    mat-form-field {
      width: 100%;
    }
    .submit {
      height: 44px;
    }
    .fine {
      font-size: 13px;
      color: var(--k-text-muted);
      line-height: 1.5;
      margin: 4px 0;
    }
    .alert {
      display: flex;
      gap: 8px;
      align-items: flex-start;
      padding: 10px 12px;
      border-radius: 10px;
      background: #fdecea;
      color: #8c1d18;
      margin: 4px 0 12px;
    }
    .done {
      text-align: center;
    }
    .done p {
      line-height: 1.55;
    }
    .big {
      font-size: 48px;
      width: 48px;
      height: 48px;
      color: var(--k-teal);
    }
    .missing {
      text-align: center;
      padding: 48px 16px;
    }
    .missing h1 {
      font-size: 26px;
    }
    .loading {
      display: flex;
      justify-content: center;
      padding: 48px;
    }
    @media (max-width: 879.98px) {
      .layout {
        grid-template-columns: 1fr;
      }
      .facts div {
        grid-template-columns: 1fr;
        gap: 2px;
      }
    }
    @media (max-width: 599.98px) {
      .page {
        padding: 12px 12px 32px;
      }
    }
  `,
})
export default class PublicEventPage {
  readonly id = input.required<string>();
  private readonly api = inject(VisitApi);
  private readonly errors = inject(ErrorMessageService);
  private readonly transloco = inject(TranslocoService);
  private readonly lang = inject(LanguageService).lang;
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly panel = viewChild<ElementRef<HTMLElement>>('panel');

  protected readonly countries = COUNTRY_CODES;
  protected readonly event = signal<PublicEvent | null>(null);
  protected readonly missing = signal(false);
  protected readonly failed = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly done = signal<PublicRegistration | null>(null);
  protected readonly sentTo = signal('');

  protected readonly form = this.fb.group({
    name: ['', [Validators.required, Validators.minLength(2), Validators.maxLength(80)]],
    email: ['', [Validators.required, Validators.email, Validators.maxLength(254)]],
    organisation: ['', [Validators.required, Validators.minLength(2), Validators.maxLength(120)]],
    country: ['', Validators.required],
  });

  protected readonly when = computed(() => {
    const e = this.event();
    return e ? whenLabel(e.start, e.end, e.timeZone, this.lang()) : '';
  });
  protected readonly zone = computed(() => {
    const e = this.event();
    return e ? `${e.timeZone.replace(/_/g, ' ')}, ${offsetLabel(e.start, e.timeZone, this.lang())}` : '';
  });
  protected readonly viewerWhen = computed(() => {
    const e = this.event();
    return e && differsFromViewer(e) ? whenLabel(e.start, e.end, viewerZone(), this.lang()) : null;
  });
  protected readonly venue = computed(() => {
    const e = this.event();
    this.lang();
    return e ? venueText(e.venue, (c) => (isKnownCountry(c) ? this.transloco.translate(`countries.${c}`) : c)) : null;
  });
  protected readonly description = computed(() => {
    const d = this.event()?.description;
    return d ? renderMarkdown(d) : null;
  });
  protected readonly ics = computed(() => publicEventIcs(this.id()));
  protected readonly over = computed(() => {
    const e = this.event();
    return !!e && Date.parse(e.end) <= Date.now();
  });

  constructor() {
    effect(() => this.load(this.id()));
  }

  private load(id: string): void {
    this.event.set(null);
    this.missing.set(false);
    this.failed.set(false);
    this.done.set(null);
    this.api.event(id).subscribe({
      next: (e) => this.event.set(e),
      error: (err: unknown) => (this.errors.info(err).status === 404 ? this.missing.set(true) : this.failed.set(true)),
    });
  }

  submit(e: PublicEvent): void {
    this.error.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    const body = {
      name: v.name.trim(),
      email: v.email.trim(),
      organisation: v.organisation.trim(),
      country: v.country,
      language: this.lang(),
    };
    this.busy.set(true);
    this.api.register(e.id, body).subscribe({
      next: (r) => {
        this.busy.set(false);
        this.sentTo.set(body.email);
        this.done.set(r);
        if (e.placesLeft !== null && e.placesLeft > 0 && r.status === 'going') this.event.set({ ...e, placesLeft: e.placesLeft - 1 });
        setTimeout(() => this.panel()?.nativeElement.focus());
      },
      error: (err: unknown) => {
        this.busy.set(false);
        const info = this.errors.info(err);
        switch (info.code) {
          case ErrorCode.ValidationFailed: {
            const bad = info.fields.map((f) => f.field).filter((f): f is Field => (FIELDS as readonly string[]).includes(f));
            for (const f of bad) this.form.controls[f].setErrors({ server: true });
            this.form.markAllAsTouched();
            this.error.set(this.transloco.translate(bad.length ? 'visit.form.checkFields' : 'errors.VALIDATION_FAILED'));
            break;
          }
          case ErrorCode.AlreadyRegistered:
            this.error.set(this.transloco.translate('visit.form.already'));
            break;
          case ErrorCode.TooManyRequests:
            this.error.set(this.transloco.translate('visit.form.tooMany'));
            break;
          case ErrorCode.EventStateConflict:
            this.error.set(this.transloco.translate('visit.form.closed'));
            break;
          case ErrorCode.NotFound:
            this.missing.set(true);
            this.event.set(null);
            break;
          default:
            this.error.set(this.errors.message(err));
        }
      },
    });
  }
}
