import { ChangeDetectionStrategy, Component, ElementRef, type OnInit, computed, inject, input, signal, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ErrorCode, type PublicEvent } from '@klasteris/contracts';
import { ErrorMessageService } from '../../../core/http/error-message.service';
import { LanguageService } from '../../../core/i18n/language.service';
import { whenLabel } from '../event-format';
import { VisitApi } from '../visit.api';

const TOKEN = /^[A-Za-z0-9_-]{43}$/;
type State = 'ready' | 'busy' | 'done' | 'invalid' | 'failed';

/**
 * The cancel link of the confirmation mail. Nothing happens on opening (mail scanners open links
 * too): the prospect confirms with one button, and the page says whether it worked.
 */
@Component({
  selector: 'app-cancel-registration-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, MatIconModule, MatProgressSpinnerModule, TranslocoPipe],
  template: `
    <div class="page">
      <section class="card" aria-labelledby="cancel-title" #card tabindex="-1">
        @switch (state()) {
          @case ('done') {
            <div role="status" data-testid="visit-cancel-done">
              <mat-icon class="big" aria-hidden="true" fontIcon="event_available" />
              <h1 id="cancel-title">{{ 'visit.cancel.done' | transloco }}</h1>
              <p>{{ 'visit.cancel.doneText' | transloco }}</p>
              <a mat-flat-button [routerLink]="['/visit/events', id()]">{{ 'visit.cancel.toEvent' | transloco }}</a>
            </div>
          }
          @case ('invalid') {
            <div role="alert" data-testid="visit-cancel-failed">
              <mat-icon class="big bad" aria-hidden="true" fontIcon="link_off" />
              <h1 id="cancel-title">{{ 'visit.cancel.failed' | transloco }}</h1>
              <p>{{ 'visit.cancel.failedText' | transloco }}</p>
              <a mat-flat-button [routerLink]="['/visit/events', id()]">{{ 'visit.cancel.toEvent' | transloco }}</a>
            </div>
          }
          @default {
            <mat-icon class="big" aria-hidden="true" fontIcon="event_busy" />
            <h1 id="cancel-title">{{ 'visit.cancel.title' | transloco }}</h1>
            @if (event(); as e) {
              <p class="event" data-testid="visit-cancel-event">
                <strong>{{ e.title }}</strong><br />{{ when() }}
              </p>
            }
            <p>{{ 'visit.cancel.lead' | transloco }}</p>
            @if (error()) {
              <div class="alert" role="alert" data-testid="visit-cancel-error">
                <mat-icon aria-hidden="true" fontIcon="error" /><span>{{ error() }}</span>
              </div>
            }
            <div class="actions">
              <button
                mat-flat-button
                class="danger"
                type="button"
                (click)="confirm()"
                [disabled]="state() === 'busy'"
                data-testid="visit-cancel-confirm"
              >
                @if (state() === 'busy') {
                  <mat-spinner diameter="20" [attr.aria-label]="'common.loading' | transloco" />
                } @else {
                  {{ 'visit.cancel.confirm' | transloco }}
                }
              </button>
              <a mat-stroked-button [routerLink]="['/visit/events', id()]">{{ 'visit.cancel.keep' | transloco }}</a>
            </div>
          }
        }
      </section>
    </div>
  `,
  styleUrl: './mail-link-page.scss',
})
export default class CancelRegistrationPage implements OnInit {
  readonly id = input.required<string>();
  readonly token = input<string | undefined>(undefined);
  private readonly api = inject(VisitApi);
  private readonly errors = inject(ErrorMessageService);
  private readonly lang = inject(LanguageService).lang;
  private readonly card = viewChild<ElementRef<HTMLElement>>('card');

  private readonly _state = signal<State>('ready');
  protected readonly state = computed<State>(() => (TOKEN.test(this.token() ?? '') ? this._state() : 'invalid'));
  protected readonly error = signal<string | null>(null);
  protected readonly event = signal<PublicEvent | null>(null);
  protected readonly when = computed(() => {
    const e = this.event();
    return e ? whenLabel(e.start, e.end, e.timeZone, this.lang()) : '';
  });

  ngOnInit(): void {
    // the event's name and date, so the person knows what they cancel (a cancelled or past event just is not shown)
    this.api.event(this.id()).subscribe({ next: (e) => this.event.set(e), error: () => undefined });
  }

  confirm(): void {
    const token = this.token();
    if (!token) return;
    this._state.set('busy');
    this.error.set(null);
    this.api.cancel(token).subscribe({
      next: () => this.settle('done'),
      error: (err: unknown) => {
        const info = this.errors.info(err);
        if (info.code === ErrorCode.NotFound || info.code === ErrorCode.ValidationFailed) return this.settle('invalid');
        this._state.set('ready');
        this.error.set(this.errors.message(err));
      },
    });
  }

  private settle(state: State): void {
    this._state.set(state);
    setTimeout(() => this.card()?.nativeElement.focus());
  }
}
