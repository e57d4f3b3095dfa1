import { ChangeDetectionStrategy, Component, ElementRef, type OnInit, computed, inject, input, signal, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ErrorCode, type ConfirmRegistrationResponse, type PublicEvent } from '@klasteris/contracts';
import { ErrorMessageService } from '../../../core/http/error-message.service';
import { LanguageService } from '../../../core/i18n/language.service';
import { whenLabel } from '../event-format';
import { VisitApi } from '../visit.api';

const TOKEN = /^[A-Za-z0-9_-]{43}$/;
/** What the page shows: before the click, the outcomes of the API, and the links that cannot work. */
export type ConfirmState = 'ready' | 'busy' | 'confirmed' | 'already' | 'expiredGoing' | 'expiredWaiting' | 'closed' | 'invalid';

/** The page's state for the API's answer. */
export function confirmState(r: ConfirmRegistrationResponse): ConfirmState {
  switch (r.outcome) {
    case 'confirmed':
      return 'confirmed';
    case 'already_confirmed':
      return r.registration.status === 'going' ? 'already' : 'expiredWaiting';
    case 'expired':
      return r.registration.status === 'going' ? 'expiredGoing' : 'expiredWaiting';
  }
}

const ICONS: Record<ConfirmState, string> = {
  ready: 'event_available',
  busy: 'event_available',
  confirmed: 'task_alt',
  already: 'task_alt',
  expiredGoing: 'task_alt',
  expiredWaiting: 'hourglass_top',
  closed: 'event_busy',
  invalid: 'link_off',
};

/**
 * The confirm link of an offer mail (a freed place held for a prospect). As on the cancel page,
 * nothing happens on opening (mail scanners open links too): the prospect confirms with one
 * button, and the page says what came of it — the place is theirs, it already was, or the hold had
 * ended (then a place was still free, or they are back in line) —, or that the link cannot work.
 */
@Component({
  selector: 'app-confirm-registration-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, MatIconModule, MatProgressSpinnerModule, TranslocoPipe],
  template: `
    <div class="page">
      <section class="card" aria-labelledby="confirm-title" #card tabindex="-1">
        @let s = state();
        @if (s === 'ready' || s === 'busy') {
          <mat-icon class="big" aria-hidden="true" fontIcon="event_available" />
          <h1 id="confirm-title">{{ 'visit.confirm.title' | transloco }}</h1>
          @if (event(); as e) {
            <p class="event" data-testid="visit-confirm-event">
              <strong>{{ e.title }}</strong><br />{{ when() }}
            </p>
          }
          <p>{{ 'visit.confirm.lead' | transloco }}</p>
          @if (error()) {
            <div class="alert" role="alert" data-testid="visit-confirm-error">
              <mat-icon aria-hidden="true" fontIcon="error" /><span>{{ error() }}</span>
            </div>
          }
          <div class="actions">
            <button mat-flat-button type="button" (click)="confirm()" [disabled]="s === 'busy'" data-testid="visit-confirm-submit">
              @if (s === 'busy') {
                <mat-spinner diameter="20" [attr.aria-label]="'common.loading' | transloco" />
              } @else {
                {{ 'visit.confirm.submit' | transloco }}
              }
            </button>
            @if (token(); as t) {
              <a mat-stroked-button [routerLink]="['/visit/events', id(), 'cancel']" [queryParams]="{ token: t }">{{
                'visit.confirm.cannotCome' | transloco
              }}</a>
            }
          </div>
        } @else {
          <div [attr.role]="s === 'invalid' || s === 'closed' ? 'alert' : 'status'" [attr.data-testid]="'visit-confirm-' + s">
            <mat-icon class="big" [class.bad]="s === 'invalid' || s === 'closed'" aria-hidden="true" [fontIcon]="icon()" />
            <h1 id="confirm-title">{{ 'visit.confirm.' + s + '.title' | transloco }}</h1>
            @if (event(); as e) {
              <p class="event">
                <strong>{{ e.title }}</strong><br />{{ when() }}
              </p>
            }
            <p>{{ 'visit.confirm.' + s + '.text' | transloco: { position: position() } }}</p>
            @if (s === 'closed') {
              <a mat-flat-button routerLink="/visit/events">{{ 'visit.confirm.toEvents' | transloco }}</a>
            } @else {
              <a mat-flat-button [routerLink]="['/visit/events', id()]">{{ 'visit.cancel.toEvent' | transloco }}</a>
            }
          </div>
        }
      </section>
    </div>
  `,
  styleUrl: './mail-link-page.scss',
})
export default class ConfirmRegistrationPage implements OnInit {
  readonly id = input.required<string>();
  readonly token = input<string | undefined>(undefined);
  private readonly api = inject(VisitApi);
  private readonly errors = inject(ErrorMessageService);
  private readonly lang = inject(LanguageService).lang;
  private readonly card = viewChild<ElementRef<HTMLElement>>('card');

  private readonly _state = signal<ConfirmState>('ready');
  protected readonly state = computed<ConfirmState>(() => (TOKEN.test(this.token() ?? '') ? this._state() : 'invalid'));
  protected readonly icon = computed(() => ICONS[this.state()]);
  protected readonly position = signal<number | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly event = signal<PublicEvent | null>(null);
  protected readonly when = computed(() => {
    const e = this.event();
    return e ? whenLabel(e.start, e.end, e.timeZone, this.lang()) : '';
  });

  ngOnInit(): void {
    // the event's name and date, so the person knows what they confirm (a cancelled or past event just is not shown)
    this.api.event(this.id()).subscribe({ next: (e) => this.event.set(e), error: () => undefined });
  }

  confirm(): void {
    const token = this.token();
    if (!token) return;
    this._state.set('busy');
    this.error.set(null);
    this.api.confirm(token).subscribe({
      next: (r) => {
        this.position.set(r.registration.position ?? null);
        this.settle(confirmState(r));
      },
      error: (err: unknown) => {
        const info = this.errors.info(err);
        if (info.code === ErrorCode.NotFound || info.code === ErrorCode.ValidationFailed) return this.settle('invalid');
        if (info.code === ErrorCode.EventStateConflict) return this.settle('closed');
        this._state.set('ready');
        this.error.set(this.errors.message(err));
      },
    });
  }

  private settle(state: ConfirmState): void {
    this._state.set(state);
    setTimeout(() => this.card()?.nativeElement.focus());
  }
}
