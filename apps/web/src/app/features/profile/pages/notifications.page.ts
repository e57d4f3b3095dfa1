import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import {
  FormControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
  type AbstractControl,
  type ValidationErrors,
} from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  DEFAULT_DELIVERIES,
  DEFAULT_TIME_ZONE,
  Deliveries,
  DIGEST_DELAY_DEFAULT_MINUTES,
  NotificationTopics,
  type Delivery,
  type NotificationPreferences,
  type NotificationTopic,
} from '@klasteris/contracts';
import { firstValueFrom, map, startWith } from 'rxjs';
import { ErrorMessageService } from '../../../core/http/error-message.service';
import { browserTimeZone, timeZoneNames } from '../../../shared/time-zone';
import { DIGEST_DELAYS, topicsForKind } from '../notification-prefs-logic';
import { NotificationPreferencesApi } from '../notifications.api';

const ZONES = timeZoneNames();
const knownZone = (c: AbstractControl): ValidationErrors | null => (ZONES.includes(String(c.value)) ? null : { zone: true });

/**
 * My notification settings: per topic in the portal / by e-mail / both / off, the digest delay,
 * quiet hours and the time zone they are in. An unsubscribe link opens it with `?kind=<mail kind>`:
 * the settings of that kind are highlighted and focused.
 */
@Component({
  selector: 'app-notifications-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatAutocompleteModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    MatSlideToggleModule,
    TranslocoPipe,
  ],
  templateUrl: './notifications.page.html',
  styleUrl: './notifications.page.scss',
})
export default class NotificationsPage {
  private readonly api = inject(NotificationPreferencesApi);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly snack = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly errors = inject(ErrorMessageService);

  /** `?kind=` of an unsubscribe link */
  readonly kind = input<string>();
  protected readonly highlighted = computed(() => new Set<NotificationTopic>(topicsForKind(this.kind())));

  protected readonly topics = NotificationTopics;
  protected readonly deliveries = Deliveries;
  protected readonly delays = DIGEST_DELAYS;
  protected readonly device = browserTimeZone();
  protected readonly loaded = signal(false);
  protected readonly loadError = signal<string | null>(null);
  protected readonly saveError = signal<string | null>(null);
  protected readonly saving = signal(false);

  protected readonly form = this.fb.group({
    topics: this.fb.group(
      Object.fromEntries(NotificationTopics.map((t) => [t, this.fb.control<Delivery>(DEFAULT_DELIVERIES[t])])) as Record<
        NotificationTopic,
        FormControl<Delivery>
      >,
    ),
    digestDelayMinutes: this.fb.control<number>(DIGEST_DELAY_DEFAULT_MINUTES),
    quiet: this.fb.control(false),
    quietStart: this.fb.control('22:00', Validators.pattern(/^(?:[01]\d|2[0-3]):[0-5]\d$/)),
    quietEnd: this.fb.control('07:00', Validators.pattern(/^(?:[01]\d|2[0-3]):[0-5]\d$/)),
    timeZone: this.fb.control(this.device ?? DEFAULT_TIME_ZONE, [Validators.required, knownZone]),
  });

  private readonly zoneInput = toSignal(
    this.form.controls.timeZone.valueChanges.pipe(
      startWith(this.form.controls.timeZone.value),
      map((v) => v.toLowerCase()),
    ),
    {
      initialValue: '',
    },
  );
  protected readonly zoneOptions = computed(() => {
    const q = this.zoneInput();
    const hits = q ? ZONES.filter((z) => z.toLowerCase().includes(q)) : ZONES;
    return hits.slice(0, 50);
  });
  protected readonly quietOn = toSignal(this.form.controls.quiet.valueChanges, { initialValue: false });
  protected readonly zoneValue = toSignal(this.form.controls.timeZone.valueChanges, { initialValue: this.form.controls.timeZone.value });

  constructor() {
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const { preferences } = await firstValueFrom(this.api.get());
      this.fill(preferences);
      this.loaded.set(true);
      this.focusHighlighted();
    } catch (err) {
      this.loadError.set(this.errors.message(err));
    }
  }

  private fill(p: NotificationPreferences): void {
    this.form.reset({
      topics: p.topics,
      digestDelayMinutes: p.digestDelayMinutes,
      quiet: p.quietHours !== null,
      quietStart: p.quietHours?.start ?? '22:00',
      quietEnd: p.quietHours?.end ?? '07:00',
      timeZone: p.timeZone,
    });
  }

  private focusHighlighted(): void {
    const first = NotificationTopics.find((t) => this.highlighted().has(t));
    if (!first) return;
    setTimeout(() => {
      const row = document.getElementById(`topic-${first}`);
      row?.scrollIntoView({ block: 'center' });
      row?.querySelector<HTMLElement>('mat-select')?.focus();
    });
  }

  protected delayLabel(n: number): string {
    return n >= 60
      ? this.transloco.translate<string>('notificationPrefs.delayHours', { n: n / 60 })
      : this.transloco.translate<string>('notificationPrefs.delayMinutes', { n });
  }

  protected useDeviceZone(): void {
    if (!this.device) return;
    this.form.controls.timeZone.setValue(this.device);
    this.form.controls.timeZone.markAsDirty();
  }

  protected async save(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    if (v.quiet && v.quietStart === v.quietEnd) {
      this.saveError.set(this.transloco.translate<string>('notificationPrefs.quietSame'));
      return;
    }
    this.saving.set(true);
    this.saveError.set(null);
    try {
      const { preferences } = await firstValueFrom(
        this.api.update({
          topics: v.topics,
          digestDelayMinutes: v.digestDelayMinutes,
          quietHours: v.quiet ? { start: v.quietStart, end: v.quietEnd } : null,
          timeZone: v.timeZone,
        }),
      );
      this.fill(preferences);
      this.snack.open(this.transloco.translate<string>('notificationPrefs.saved'), undefined, { duration: 3000 });
    } catch (err) {
      this.saveError.set(this.errors.message(err));
    } finally {
      this.saving.set(false);
    }
  }
}
