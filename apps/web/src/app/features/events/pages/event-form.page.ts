import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  FormControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  EVENT_CAPACITY_MAX,
  EVENT_DESCRIPTION_MAX,
  EVENT_TITLE_MAX,
  EventKinds,
  type BusyInterval,
  type ClusterEvent,
  type EventKind,
  type EventVisibility,
  type Page,
  type Resource,
} from '@klasteris/contracts';
import { HttpClient } from '@angular/common/http';
import { catchError, map, of, startWith } from 'rxjs';
import { AuthStore } from '../../../core/auth/auth.store';
import { ErrorMessageService } from '../../../core/http/error-message.service';
import { LanguageService } from '../../../core/i18n/language.service';
import { COUNTRY_CODES } from '../../../shared/countries';
import { renderMarkdown } from '../../../shared/markdown';
import { browserTimeZone, timeZoneNames } from '../../../shared/time-zone';
import { EmptyStateComponent } from '../../../shared/ui/empty-state.component';
import {
  type EventFormValue,
  type Repeat,
  type VenueKind,
  controlOf,
  emptyForm,
  eventTimes,
  formFromEvent,
  localToIso,
  spanLabel,
  toCreateRequest,
  toSeriesRequest,
  toUpdateRequest,
  venueDays,
  visibilitiesFor,
} from '../event-logic';
import { EventsApi } from '../events.api';
import { OrganisersStore } from '../organisers.store';

const ZONES = timeZoneNames();
const knownZone = (c: AbstractControl): ValidationErrors | null => (ZONES.includes(String(c.value)) ? null : { zone: true });
/** venue resource types offered first in the picker */
const VENUE_TYPES: readonly string[] = ['event_hall', 'meeting_room'];

/** The conflicting booking of a venue, and the event that holds it when I may see that event. */
interface Clash {
  label: string;
  event: ClusterEvent | null;
}

/** Create (`/events/new`) or edit (`/events/:id/edit`) an event: organiser, time in its zone, venue (booked on publishing), capacity, visibility. */
@Component({
  selector: 'app-event-form-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatAutocompleteModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
    EmptyStateComponent,
  ],
  template: `
    <section class="page page-narrow">
      <a mat-button [routerLink]="original() ? ['/events', original()!.id] : ['/events']" class="back"
        ><mat-icon aria-hidden="true" fontIcon="arrow_back" />{{ (original() ? 'events.form.backToEvent' : 'events.back') | transloco }}</a
      >
      <h1 class="page-title">{{ (id() ? 'events.form.editTitle' : 'events.form.newTitle') | transloco }}</h1>
      <p class="page-subtitle">{{ 'events.form.subtitle' | transloco }}</p>
      @if (notFound()) {
        <app-empty-state icon="event_busy" [title]="'events.notFound' | transloco" />
      } @else if (!ready()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
      } @else if (!id() && organisers.options().length === 0) {
        <app-empty-state icon="lock" [title]="'events.form.notAllowed' | transloco" [text]="'events.form.notAllowedText' | transloco" />
      } @else {
        <form [formGroup]="form" (ngSubmit)="submit(false)" novalidate class="k-card" data-testid="event-form">
          @if (problem() || clashes().length) {
            <div class="alert" role="alert" tabindex="-1" #alert data-testid="event-form-error">
              <mat-icon aria-hidden="true" [fontIcon]="clashes().length ? 'event_busy' : 'error'" />
              <div>
                @if (problem(); as p) {
                  <p class="alert-title">{{ p }}</p>
                }
                @if (clashes().length) {
                  <p class="alert-title" data-testid="event-form-conflict">
                    {{ 'events.form.conflict.title' | transloco: { venue: resourceName() } }}
                  </p>
                  <ul>
                    @for (c of clashes(); track c.label) {
                      <li>
                        {{ c.label }}
                        @if (c.event; as ev) {
                          — {{ 'events.form.conflict.heldBy' | transloco }}
                          <a [routerLink]="['/events', ev.id]" target="_blank" data-testid="event-form-conflict-event">{{ ev.title }}</a>
                        }
                      </li>
                    }
                  </ul>
                  <p>
                    {{ 'events.form.conflict.hint' | transloco }}
                    <a [routerLink]="['/infrastructure/resources', form.controls.resourceId.value]" target="_blank">{{
                      'events.form.conflict.calendar' | transloco
                    }}</a>
                  </p>
                }
                @if (otherErrors().length) {
                  <ul>
                    @for (m of otherErrors(); track m) {
                      <li>{{ m }}</li>
                    }
                  </ul>
                }
              </div>
            </div>
          }

          <fieldset>
            <legend class="section-title">{{ 'events.form.what' | transloco }}</legend>
            <mat-form-field class="full-width">
              <mat-label>{{ 'events.form.title' | transloco }}</mat-label>
              <input matInput formControlName="title" required [maxlength]="titleMax" data-testid="event-form-title" />
              <mat-error>{{ errorOf('title') }}</mat-error>
            </mat-form-field>
            <div class="form-grid">
              <mat-form-field>
                <mat-label>{{ 'events.form.kind' | transloco }}</mat-label>
                <mat-select formControlName="kind" data-testid="event-form-kind">
                  @for (k of kinds; track k) {
                    <mat-option [value]="k">{{ 'events.kinds.' + k | transloco }}</mat-option>
                  }
                </mat-select>
                <mat-error>{{ errorOf('kind') }}</mat-error>
              </mat-form-field>
              <mat-form-field>
                <mat-label>{{ 'events.form.organiser' | transloco }}</mat-label>
                <mat-select formControlName="organiser" data-testid="event-form-organiser">
                  @for (o of organiserOptions(); track o.key) {
                    <mat-option [value]="o.key">{{ o.label }}</mat-option>
                  }
                </mat-select>
                @if (id()) {
                  <mat-hint>{{ 'events.form.organiserFixed' | transloco }}</mat-hint>
                }
                <mat-error>{{ errorOf('organiser') }}</mat-error>
              </mat-form-field>
            </div>
            <div class="description">
              <div class="description-head">
                <span class="label" id="desc-label">{{ 'events.form.description' | transloco }}</span>
                <mat-button-toggle-group
                  [value]="preview() ? 'preview' : 'write'"
                  (change)="preview.set($event.value === 'preview')"
                  [attr.aria-label]="'events.form.description' | transloco"
                  hideSingleSelectionIndicator
                >
                  <mat-button-toggle value="write">{{ 'events.form.write' | transloco }}</mat-button-toggle>
                  <mat-button-toggle value="preview" data-testid="event-form-preview">{{
                    'events.form.preview' | transloco
                  }}</mat-button-toggle>
                </mat-button-toggle-group>
              </div>
              @if (preview()) {
                <div class="markdown preview" [innerHTML]="previewHtml()" aria-labelledby="desc-label"></div>
              } @else {
                <mat-form-field class="full-width">
                  <mat-label>{{ 'events.form.description' | transloco }}</mat-label>
                  <textarea
                    matInput
                    formControlName="description"
                    rows="6"
                    [maxlength]="descriptionMax"
                    data-testid="event-form-description"
                  ></textarea>
                  <mat-hint>{{ 'events.form.markdownHint' | transloco }}</mat-hint>
                  <mat-error>{{ errorOf('description') }}</mat-error>
                </mat-form-field>
              }
            </div>
          </fieldset>

          <fieldset>
            <legend class="section-title">{{ 'events.when' | transloco }}</legend>
            <div class="form-grid">
              <mat-form-field>
                <mat-label>{{ 'events.form.startDate' | transloco }}</mat-label>
                <input matInput type="date" formControlName="startDate" required data-testid="event-form-start-date" />
                <mat-error>{{ errorOf('startDate') }}</mat-error>
              </mat-form-field>
              <mat-form-field>
                <mat-label>{{ 'events.form.startTime' | transloco }}</mat-label>
                <input matInput type="time" formControlName="startTime" required data-testid="event-form-start-time" />
                <mat-error>{{ errorOf('startTime') }}</mat-error>
              </mat-form-field>
              <mat-form-field>
                <mat-label>{{ 'events.form.endDate' | transloco }}</mat-label>
                <input matInput type="date" formControlName="endDate" required data-testid="event-form-end-date" />
                <mat-error>{{ errorOf('endDate') }}</mat-error>
              </mat-form-field>
              <mat-form-field>
                <mat-label>{{ 'events.form.endTime' | transloco }}</mat-label>
                <input matInput type="time" formControlName="endTime" required data-testid="event-form-end-time" />
                <mat-error>{{ errorOf('endTime') }}</mat-error>
              </mat-form-field>
              <mat-form-field class="span-2">
                <mat-label>{{ 'events.form.timeZone' | transloco }}</mat-label>
                <input
                  matInput
                  formControlName="timeZone"
                  [matAutocomplete]="zones"
                  autocomplete="off"
                  spellcheck="false"
                  data-testid="event-form-zone"
                />
                <mat-autocomplete #zones="matAutocomplete">
                  @for (z of zoneOptions(); track z) {
                    <mat-option [value]="z">{{ z }}</mat-option>
                  }
                </mat-autocomplete>
                <mat-hint>{{ 'events.form.timeZoneHint' | transloco }}</mat-hint>
                <mat-error>{{ errorOf('timeZone') }}</mat-error>
              </mat-form-field>
            </div>
            @if (!id()) {
              <div class="form-grid">
                <mat-form-field>
                  <mat-label>{{ 'events.form.repeat' | transloco }}</mat-label>
                  <mat-select [formControl]="repeat" data-testid="event-form-repeat">
                    <mat-option value="none">{{ 'events.form.repeats.none' | transloco }}</mat-option>
                    <mat-option value="weekly">{{ 'events.form.repeats.weekly' | transloco }}</mat-option>
                    <mat-option value="monthly">{{ 'events.form.repeats.monthly' | transloco }}</mat-option>
                  </mat-select>
                </mat-form-field>
                @if (repeatValue() !== 'none') {
                  <mat-form-field>
                    <mat-label>{{ 'events.form.occurrences' | transloco }}</mat-label>
                    <input matInput type="number" [formControl]="occurrences" min="2" max="120" data-testid="event-form-occurrences" />
                    <mat-hint>{{ 'events.form.occurrencesHint' | transloco }}</mat-hint>
                    @if (occurrences.invalid) {
                      <mat-error>{{ 'events.form.errors.occurrences' | transloco }}</mat-error>
                    }
                  </mat-form-field>
                }
              </div>
            }
            @if (mineHint(); as h) {
              <p class="hint" data-testid="event-form-mine">
                <mat-icon aria-hidden="true" fontIcon="person_pin_circle" />{{ 'events.yourTime' | transloco: { time: h } }}
              </p>
            }
          </fieldset>

          <fieldset>
            <legend class="section-title">{{ 'events.venue.label' | transloco }}</legend>
            <mat-button-toggle-group
              formControlName="venueKind"
              hideSingleSelectionIndicator
              [attr.aria-label]="'events.form.venueKind' | transloco"
              data-testid="event-form-venue-kind"
            >
              <mat-button-toggle value="resource" data-testid="venue-kind-resource"
                ><mat-icon aria-hidden="true" fontIcon="meeting_room" />{{
                  'events.form.venueKinds.resource' | transloco
                }}</mat-button-toggle
              >
              <mat-button-toggle value="address" data-testid="venue-kind-address"
                ><mat-icon aria-hidden="true" fontIcon="place" />{{ 'events.form.venueKinds.address' | transloco }}</mat-button-toggle
              >
              <mat-button-toggle value="online" data-testid="venue-kind-online"
                ><mat-icon aria-hidden="true" fontIcon="videocam" />{{ 'events.form.venueKinds.online' | transloco }}</mat-button-toggle
              >
            </mat-button-toggle-group>
            <div class="venue-fields">
              @switch (venueKind()) {
                @case ('resource') {
                  <mat-form-field class="full-width">
                    <mat-label>{{ 'events.form.resource' | transloco }}</mat-label>
                    <mat-select formControlName="resourceId" data-testid="event-form-resource">
                      @if (unlistedVenue(); as u) {
                        <mat-option [value]="u.id">{{ u.name }}</mat-option>
                      }
                      @for (r of resourceOptions(); track r.id) {
                        <mat-option [value]="r.id" [disabled]="!r.canBook"
                          >{{ r.name }} · {{ 'infrastructure.types.' + r.type | transloco }}
                          @if (r.location) {
                            · {{ r.location }}
                          }
                          @if (!r.canBook) {
                            ({{ 'infrastructure.notForYou' | transloco }})
                          }
                        </mat-option>
                      }
                    </mat-select>
                    <mat-hint>{{ 'events.form.resourceHint' | transloco }}</mat-hint>
                    <mat-error>{{ errorOf('resourceId') }}</mat-error>
                  </mat-form-field>
                  @if (selectedResource(); as r) {
                    <ul class="notes" data-testid="event-form-resource-notes">
                      @if (r.policy.approval.required) {
                        <li><mat-icon aria-hidden="true" fontIcon="how_to_reg" />{{ 'events.form.needsApproval' | transloco }}</li>
                      }
                      @if (bookedDays(); as d) {
                        <li><mat-icon aria-hidden="true" fontIcon="date_range" />{{ 'events.form.wholeDays' | transloco: { days: d } }}</li>
                      }
                      @if (r.timeZone !== zoneValue()) {
                        <li>
                          <mat-icon aria-hidden="true" fontIcon="public" />{{
                            'events.form.resourceZone' | transloco: { zone: r.timeZone }
                          }}
                        </li>
                      }
                    </ul>
                  }
                }
                @case ('address') {
                  <div class="form-grid">
                    <mat-form-field class="span-2">
                      <mat-label>{{ 'events.form.address' | transloco }}</mat-label>
                      <input
                        matInput
                        formControlName="address"
                        required
                        maxlength="200"
                        autocomplete="street-address"
                        data-testid="event-form-address"
                      />
                      <mat-error>{{ errorOf('address') }}</mat-error>
                    </mat-form-field>
                    <mat-form-field>
                      <mat-label>{{ 'events.form.city' | transloco }}</mat-label>
                      <input matInput formControlName="city" required maxlength="100" data-testid="event-form-city" />
                      <mat-error>{{ errorOf('city') }}</mat-error>
                    </mat-form-field>
                    <mat-form-field>
                      <mat-label>{{ 'events.form.country' | transloco }}</mat-label>
                      <mat-select formControlName="country" required data-testid="event-form-country">
                        @for (c of countries(); track c.code) {
                          <mat-option [value]="c.code">{{ c.name }}</mat-option>
                        }
                      </mat-select>
                      <mat-error>{{ errorOf('country') }}</mat-error>
                    </mat-form-field>
                  </div>
                }
                @case ('online') {
                  <mat-form-field class="full-width">
                    <mat-label>{{ 'events.form.url' | transloco }}</mat-label>
                    <input
                      matInput
                      type="url"
                      formControlName="url"
                      required
                      maxlength="500"
                      placeholder="https://"
                      data-testid="event-form-url"
                    />
                    <mat-error>{{ errorOf('url') }}</mat-error>
                  </mat-form-field>
                }
              }
            </div>
          </fieldset>

          <fieldset>
            <legend class="section-title">{{ 'events.form.who' | transloco }}</legend>
            <div class="form-grid">
              <mat-form-field>
                <mat-label>{{ 'events.form.capacity' | transloco }}</mat-label>
                <input matInput type="number" formControlName="capacity" min="1" [max]="capacityMax" data-testid="event-form-capacity" />
                <mat-hint>{{ 'events.form.capacityHint' | transloco }}</mat-hint>
                <mat-error>{{ errorOf('capacity') }}</mat-error>
              </mat-form-field>
              <mat-form-field>
                <mat-label>{{ 'events.form.visibility' | transloco }}</mat-label>
                <mat-select formControlName="visibility" data-testid="event-form-visibility">
                  @for (v of visibilities(); track v) {
                    <mat-option [value]="v">{{ 'events.visibility.' + v | transloco }}</mat-option>
                  }
                </mat-select>
                <mat-hint>{{ 'events.visibilityHint.' + visibilityValue() | transloco }}</mat-hint>
                <mat-error>{{ errorOf('visibility') }}</mat-error>
              </mat-form-field>
            </div>
          </fieldset>

          <div class="actions-row buttons">
            <a mat-button [routerLink]="original() ? ['/events', original()!.id] : ['/events']">{{ 'common.cancel' | transloco }}</a>
            <span class="spacer"></span>
            @if (!original() || original()!.state === 'draft') {
              <button mat-stroked-button type="submit" [disabled]="busy()" data-testid="event-form-save">
                {{ (original() ? 'events.form.saveDraft' : 'events.form.createDraft') | transloco }}
              </button>
              <button mat-flat-button type="button" (click)="submit(true)" [disabled]="busy()" data-testid="event-form-publish">
                {{ 'events.form.publish' | transloco }}
              </button>
            } @else {
              <button mat-flat-button type="submit" [disabled]="busy()" data-testid="event-form-save">
                {{ 'common.save' | transloco }}
              </button>
            }
          </div>
          @if (publishNote()) {
            <p class="hint end">{{ 'events.form.publishNote' | transloco }}</p>
          }
        </form>
      }
    </section>
  `,
  styles: `
    form {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    fieldset {
      border: 0;
      padding: 0;
      margin: 0 0 16px;
      min-width: 0;
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    .form-grid {
      align-items: start;
      row-gap: 12px;
    }
    legend {
      padding: 0;
    }
    .description-head {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 12px;
      margin-bottom: 12px;
    }
    .description-head .label {
      font-weight: 500;
    }
    .preview {
      min-height: 120px;
      border: 1px solid var(--k-border);
      border-radius: 8px;
      padding: 12px;
      margin-bottom: 22px;
    }
    .markdown :is(p, ul, ol, blockquote, pre) {
      margin: 0 0 10px;
    }
    .venue-fields {
      margin-top: 4px;
    }
    fieldset > mat-button-toggle-group {
      align-self: flex-start;
    }
    .notes {
      list-style: none;
      padding: 0;
      margin: 0;
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .notes li,
    .hint {
      display: flex;
      align-items: center;
      gap: 6px;
      color: var(--k-text-muted);
      margin: 4px 0 0;
    }
    .notes mat-icon,
    .hint mat-icon {
      flex: none;
      font-size: 18px;
      width: 18px;
      height: 18px;
      color: var(--k-teal);
    }
    .hint.end {
      justify-content: flex-end;
    }
    .alert {
      display: flex;
      gap: 10px;
      padding: 12px 16px;
      border-radius: 10px;
      background: #fde2e1;
      color: #5f1313;
      margin-bottom: 12px;
    }
    .alert:focus {
      outline: 3px solid var(--k-focus);
    }
    .alert-title {
      font-weight: 500;
      margin: 0 0 4px;
    }
    .alert ul {
      margin: 4px 0;
      padding-left: 18px;
    }
    .alert a {
      color: #5f1313;
      font-weight: 500;
    }
    .buttons {
      margin-top: 8px;
    }
  `,
})
export default class EventFormPage {
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly api = inject(EventsApi);
  private readonly http = inject(HttpClient);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly snack = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly errors = inject(ErrorMessageService);
  private readonly language = inject(LanguageService);
  protected readonly organisers = inject(OrganisersStore);
  /** the event being edited; undefined for a new one */
  readonly id = input<string>();

  protected readonly kinds = EventKinds;
  protected readonly titleMax = EVENT_TITLE_MAX;
  protected readonly descriptionMax = EVENT_DESCRIPTION_MAX;
  protected readonly capacityMax = EVENT_CAPACITY_MAX;
  protected readonly original = signal<ClusterEvent | null>(null);
  protected readonly notFound = signal(false);
  protected readonly busy = signal(false);
  protected readonly preview = signal(false);
  protected readonly problem = signal<string | null>(null);
  protected readonly otherErrors = signal<string[]>([]);
  protected readonly clashes = signal<Clash[]>([]);
  private readonly alert = viewChild<ElementRef<HTMLElement>>('alert');
  private readonly myZone = this.auth.user()?.timeZone ?? browserTimeZone() ?? 'Europe/Vilnius';

  private readonly resources = toSignal(
    this.http.get<Page<Resource>>('/api/resources', { params: { limit: 100 } }).pipe(
      map((p) => p.items),
      catchError(() => of([] as Resource[])),
    ),
    { initialValue: null },
  );

  protected readonly form = this.fb.group({
    title: ['', [Validators.required, Validators.minLength(3), Validators.maxLength(EVENT_TITLE_MAX)]],
    description: ['', Validators.maxLength(EVENT_DESCRIPTION_MAX)],
    kind: this.fb.control<EventKind>('internal'),
    organiser: ['', Validators.required],
    startDate: ['', Validators.required],
    startTime: ['', Validators.required],
    endDate: ['', [Validators.required, (c: AbstractControl) => this.endAfterStart(c)]],
    endTime: ['', Validators.required],
    timeZone: [this.myZone, [Validators.required, knownZone]],
    venueKind: this.fb.control<VenueKind>('resource'),
    resourceId: [''],
    address: [''],
    city: [''],
    country: [''],
    url: [''],
    capacity: this.fb.control<number | null>(null, [Validators.min(1), Validators.max(EVENT_CAPACITY_MAX), Validators.pattern(/^\d+$/)]),
    visibility: this.fb.control<EventVisibility>('members'),
  });

  /** a new event may repeat (a series: every occurrence is an event of its own) */
  protected readonly repeat = new FormControl<Repeat>('none', { nonNullable: true });
  protected readonly occurrences = new FormControl<number>(4, {
    nonNullable: true,
    validators: [Validators.required, Validators.min(2), Validators.max(120)],
  });
  protected readonly repeatValue = toSignal(this.repeat.valueChanges, { initialValue: this.repeat.value });

  private readonly value = toSignal(
    this.form.valueChanges.pipe(
      startWith(null),
      map(() => this.form.getRawValue()),
    ),
    { initialValue: this.form.getRawValue() },
  );
  protected readonly venueKind = computed(() => this.value().venueKind);
  protected readonly zoneValue = computed(() => this.value().timeZone);
  protected readonly visibilityValue = computed(() => this.value().visibility);
  protected readonly visibilities = computed(() => visibilitiesFor(this.value().organiser));
  protected readonly publishNote = computed(
    () => this.venueKind() === 'resource' && (!this.original() || this.original()!.state === 'draft'),
  );

  protected readonly ready = computed(() => (this.id() ? this.original() !== null : this.organisers.loaded()) && this.resources() !== null);

  protected readonly zoneOptions = computed(() => {
    const q = this.zoneValue().toLowerCase();
    return (q && !ZONES.includes(this.zoneValue()) ? ZONES.filter((z) => z.toLowerCase().includes(q)) : ZONES).slice(0, 50);
  });

  protected readonly organiserOptions = computed(() => {
    this.language.lang();
    const label = (type: string, name: string | null): string => {
      const kind = this.transloco.translate(`events.organiser.${type}`);
      return name ? `${name} (${kind})` : kind;
    };
    const options = this.organisers.options().map((o) => ({ key: o.key, label: label(o.type, o.name) }));
    const e = this.original();
    if (e) {
      const key = this.value().organiser;
      if (!options.some((o) => o.key === key))
        options.unshift({ key, label: label(e.organiser.type, this.organisers.nameOf(e.organiser)) });
    }
    return options;
  });

  /** Venues first (event halls, meeting rooms), then the rest; by name. */
  protected readonly resourceOptions = computed(() => {
    const rank = (r: Resource): number => (VENUE_TYPES.includes(r.type) ? 0 : 1);
    return [...(this.resources() ?? [])].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
  });
  /** The edited event's venue when the catalogue no longer lists it for me: kept choosable as it is. */
  protected readonly unlistedVenue = computed(() => {
    const v = this.original()?.venue;
    return v?.kind === 'resource' && !(this.resources() ?? []).some((r) => r.id === v.resourceId)
      ? { id: v.resourceId, name: v.resourceName }
      : null;
  });

  protected readonly selectedResource = computed(() =>
    this.venueKind() === 'resource' ? ((this.resources() ?? []).find((r) => r.id === this.value().resourceId) ?? null) : null,
  );
  protected readonly resourceName = computed(() => {
    const e = this.original();
    return this.selectedResource()?.name ?? (e?.venue.kind === 'resource' ? e.venue.resourceName : '');
  });

  private readonly range = computed(() => {
    const v = this.value();
    const start = localToIso(v.startDate, v.startTime, v.timeZone);
    const end = localToIso(v.endDate, v.endTime, v.timeZone);
    return start && end && knownZone(this.form.controls.timeZone) === null && Date.parse(end) > Date.parse(start) ? { start, end } : null;
  });

  protected readonly mineHint = computed(() => {
    const r = this.range();
    return r ? eventTimes({ ...r, timeZone: this.zoneValue() }, this.myZone, this.language.lang()).mine : null;
  });

  /** Halls booked by the day: the days the booking will cover. */
  protected readonly bookedDays = computed(() => {
    const r = this.range();
    const res = this.selectedResource();
    return r && res && res.policy.slotMinutes >= 1440 ? venueDays(r.start, r.end, res.timeZone, this.language.lang()) : null;
  });

  protected readonly countries = computed(() => {
    this.language.lang();
    return COUNTRY_CODES.map((code) => ({ code, name: this.transloco.translate(`countries.${code}`) })).sort((a, b) =>
      a.name.localeCompare(b.name, this.language.lang()),
    );
  });

  protected readonly previewHtml = computed(() =>
    this.value().description.trim()
      ? renderMarkdown(this.value().description)
      : `<p>${this.transloco.translate('events.noDescription')}</p>`,
  );

  constructor() {
    this.organisers.load();
    effect(() => {
      const id = this.id();
      untracked(() => (id ? this.loadEvent(id) : this.startNew()));
    });
    // The first organiser I may run, once known (a new event).
    effect(() => {
      const options = this.organisers.options();
      untracked(() => {
        const c = this.form.controls.organiser;
        if (!this.id() && !c.value && options[0]) c.setValue(options[0].key);
      });
    });
    // Keep the visibility one the organiser allows; re-check "end after start" when the start moves.
    this.form.controls.organiser.valueChanges.subscribe((key) => {
      if (!visibilitiesFor(key).includes(this.form.controls.visibility.value)) this.form.controls.visibility.setValue('members');
    });
    for (const name of ['startDate', 'startTime', 'endTime', 'timeZone'] as const) {
      this.form.controls[name].valueChanges.subscribe(() => this.form.controls.endDate.updateValueAndValidity({ emitEvent: false }));
    }
    this.form.controls.startDate.valueChanges.subscribe((d) => {
      const end = this.form.controls.endDate;
      if (d && (!end.value || end.value < d)) end.setValue(d);
    });
    // Picking a resource in another zone: the event follows the venue's zone unless the zone was chosen by hand.
    this.form.controls.resourceId.valueChanges.subscribe((id) => {
      const r = (this.resources() ?? []).find((x) => x.id === id);
      const zone = this.form.controls.timeZone;
      if (r && zone.pristine && !this.id()) zone.setValue(r.timeZone);
    });
    this.form.controls.venueKind.valueChanges.subscribe(() => this.venueValidators());
    this.venueValidators();
  }

  private startNew(): void {
    this.form.reset(emptyForm(this.myZone, this.form.controls.organiser.value || (this.organisers.options()[0]?.key ?? '')));
    this.form.controls.organiser.enable();
    this.venueValidators();
  }

  private loadEvent(id: string): void {
    this.api.get(id).subscribe({
      next: ({ event }) => {
        if (!event.canManage) {
          this.notFound.set(true);
          return;
        }
        this.form.reset(formFromEvent(event));
        this.form.controls.organiser.disable();
        this.original.set(event);
        this.venueValidators();
      },
      error: () => this.notFound.set(true),
    });
  }

  private endAfterStart(c: AbstractControl): ValidationErrors | null {
    const parent = c.parent;
    if (!parent) return null;
    const v = parent.getRawValue() as unknown as EventFormValue;
    const start = localToIso(v.startDate, v.startTime, v.timeZone);
    const end = localToIso(String(c.value), v.endTime, v.timeZone);
    return start && end && Date.parse(end) <= Date.parse(start) ? { order: true } : null;
  }

  /** Only the chosen form of venue is required. */
  private venueValidators(): void {
    const kind = this.form.controls.venueKind.value;
    const c = this.form.controls;
    const set = (ctrl: AbstractControl, on: boolean, extra: ((x: AbstractControl) => ValidationErrors | null)[] = []): void => {
      ctrl.setValidators(on ? [Validators.required, ...extra] : []);
      ctrl.updateValueAndValidity({ emitEvent: false });
    };
    set(c.resourceId, kind === 'resource');
    set(c.address, kind === 'address', [Validators.minLength(2), Validators.maxLength(200)]);
    set(c.city, kind === 'address', [Validators.maxLength(100)]);
    set(c.country, kind === 'address');
    set(c.url, kind === 'online', [Validators.pattern(/^https?:\/\/\S+$/i), Validators.maxLength(500)]);
  }

  /** The message under a field: the browser's checks first, then what the API said. */
  protected errorOf(name: keyof EventFormValue): string {
    const c = this.form.controls[name];
    const e = c.errors;
    if (!e) return '';
    const t = (key: string, p?: Record<string, unknown>): string => this.transloco.translate(key, p);
    if (e['server']) return t(`events.form.serverErrors.${name}`);
    if (e['required']) return t('events.form.errors.required');
    if (e['minlength']) return t('events.form.errors.minLength', { n: (e['minlength'] as { requiredLength: number }).requiredLength });
    if (e['maxlength']) return t('events.form.errors.maxLength', { n: (e['maxlength'] as { requiredLength: number }).requiredLength });
    if (e['order']) return t('events.form.errors.endBeforeStart');
    if (e['zone']) return t('events.form.errors.zone');
    if (e['min'] || e['max'] || (e['pattern'] && name === 'capacity')) return t('events.form.errors.capacity', { max: EVENT_CAPACITY_MAX });
    if (e['pattern']) return t('events.form.errors.url');
    return t('events.form.errors.invalid');
  }

  protected submit(publish: boolean): void {
    this.problem.set(null);
    this.otherErrors.set([]);
    this.clashes.set([]);
    const repeat = this.original() ? 'none' : this.repeat.value;
    if (this.form.invalid || (repeat !== 'none' && this.occurrences.invalid)) {
      this.form.markAllAsTouched();
      this.occurrences.markAsTouched();
      this.problem.set(this.transloco.translate('events.form.fixFields'));
      this.focusAlert();
      return;
    }
    const v = this.form.getRawValue();
    const original = this.original();
    const request = original
      ? this.api.update(original.id, toUpdateRequest(original, v, publish))
      : repeat !== 'none'
        ? this.api
            .createSeries(toSeriesRequest(v, publish, repeat, this.occurrences.value))
            .pipe(map(({ events }) => ({ event: events[0]! })))
        : this.api.create(toCreateRequest(v, publish));
    this.busy.set(true);
    request.subscribe({
      next: ({ event }) => {
        this.busy.set(false);
        const pending = event.venue.kind === 'resource' && event.venue.bookingStatus === 'pending';
        const justPublished = event.state === 'published' && (!original || original.state === 'draft');
        const key = justPublished
          ? pending
            ? 'events.publishedPending'
            : 'events.published'
          : original
            ? 'events.form.saved'
            : 'events.form.createdDraft';
        this.snack.open(this.transloco.translate(key), undefined, { duration: 4000 });
        void this.router.navigate(['/events', event.id]);
      },
      error: (err: unknown) => {
        this.busy.set(false);
        this.showError(err);
      },
    });
  }

  private showError(err: unknown): void {
    const info = this.errors.info(err);
    const rule: unknown = info.details?.['rule'];
    if (info.code === 'VALIDATION_FAILED' && info.fields.length) {
      const unplaced: string[] = [];
      for (const f of info.fields) {
        const name = controlOf(f.field);
        const ctrl = name ? this.form.controls[name] : null;
        if (ctrl && ctrl.enabled) {
          ctrl.setErrors({ ...(ctrl.errors ?? {}), server: f.message });
          ctrl.markAsTouched();
        } else unplaced.push(f.message);
      }
      this.problem.set(this.transloco.translate('events.form.fixFields'));
      this.otherErrors.set(unplaced);
    } else if (info.code === 'BOOKING_CONFLICT') {
      const occurrences = info.details?.['occurrences'];
      const conflicts = Array.isArray(occurrences)
        ? (occurrences as { conflicts?: BusyInterval[] }[]).flatMap((o) => o.conflicts ?? [])
        : Array.isArray(info.details?.['conflicts'])
          ? (info.details['conflicts'] as BusyInterval[])
          : [];
      this.showClashes(conflicts);
    } else if (info.code === 'BOOKING_RULE_VIOLATED' && typeof rule === 'string') {
      this.problem.set(
        this.transloco.translate('events.form.ruleViolated', {
          rule: this.transloco.translate<string>(`infrastructure.ruleNames.${rule}`),
        }),
      );
    } else {
      this.problem.set(this.errors.message(err));
    }
    this.focusAlert();
  }

  /** The venue is taken: when, and by which event (when I may see it). */
  private showClashes(conflicts: BusyInterval[]): void {
    const res = this.selectedResource();
    const zone = res?.timeZone ?? this.zoneValue();
    const lang = this.language.lang();
    const seen = new Set<string>();
    const base = conflicts
      .filter((c) => !seen.has(c.start) && !!seen.add(c.start))
      .map((c) => ({ label: spanLabel(c.start, c.end, zone, lang), event: null as ClusterEvent | null, start: c.start, end: c.end }));
    this.clashes.set(
      base.length ? base : [{ label: this.transloco.translate('events.form.conflict.unknownTime'), event: null, start: '', end: '' }],
    );
    const resourceId = this.form.controls.resourceId.value;
    const selfId = this.original()?.id;
    for (const [i, c] of base.entries()) {
      this.api.list({ from: c.start, to: c.end, limit: 20 }).subscribe({
        next: (page) => {
          const holder = page.items.find(
            (e) => e.id !== selfId && e.state !== 'cancelled' && e.venue.kind === 'resource' && e.venue.resourceId === resourceId,
          );
          if (holder) this.clashes.update((list) => list.map((x, j) => (j === i ? { ...x, event: holder } : x)));
        },
      });
    }
  }

  private focusAlert(): void {
    setTimeout(() => this.alert()?.nativeElement.focus());
  }
}
