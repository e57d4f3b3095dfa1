import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatIconModule } from '@angular/material/icon';
import { TranslocoPipe } from '@jsverse/transloco';
import { RsvpChoices, type ClusterEvent, type RsvpChoice } from '@klasteris/contracts';
import { AuthStore } from '../../../core/auth/auth.store';
import { LanguageService } from '../../../core/i18n/language.service';
import { browserTimeZone } from '../../../shared/time-zone';
import { isPast, momentLabel, placesLeft } from '../event-logic';

const ICONS: Record<RsvpChoice, string> = { going: 'check_circle', maybe: 'help', declined: 'cancel' };

/** Going / maybe / not going, with what my answer became (a place, or my place in the waitlist). */
@Component({
  selector: 'app-rsvp-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatButtonToggleModule, MatIconModule, TranslocoPipe],
  template: `
    @let e = event();
    <section class="k-card" aria-labelledby="rsvp-h" data-testid="rsvp-panel">
      <h2 id="rsvp-h" class="section-title">{{ 'events.rsvp.title' | transloco }}</h2>
      @if (closedKey(); as key) {
        <p class="muted" data-testid="rsvp-closed">{{ key | transloco }}</p>
      } @else if (offerUntil(); as until) {
        <div class="offer" role="alert" data-testid="rsvp-offer">
          <p class="offer-title"><mat-icon aria-hidden="true" fontIcon="event_available" />{{ 'events.rsvp.offer.title' | transloco }}</p>
          <p>{{ 'events.rsvp.offer.text' | transloco: { time: until } }}</p>
          <div class="offer-actions">
            <button mat-flat-button type="button" (click)="choose.emit('going')" [disabled]="busy()" data-testid="rsvp-offer-confirm">
              {{ 'events.rsvp.offer.confirm' | transloco }}
            </button>
            <button mat-button type="button" (click)="choose.emit('declined')" [disabled]="busy()" data-testid="rsvp-offer-decline">
              {{ 'events.rsvp.offer.decline' | transloco }}
            </button>
          </div>
        </div>
      } @else {
        <mat-button-toggle-group
          class="choices"
          vertical
          hideSingleSelectionIndicator
          [value]="current()"
          (change)="choose.emit($event.value)"
          [disabled]="busy()"
          [attr.aria-label]="'events.rsvp.title' | transloco"
          data-testid="rsvp-choices"
        >
          @for (c of choices; track c) {
            <mat-button-toggle [value]="c" [attr.data-testid]="'rsvp-' + c"
              ><mat-icon aria-hidden="true" [fontIcon]="icons[c]" />{{ 'events.rsvp.choices.' + c | transloco }}</mat-button-toggle
            >
          }
        </mat-button-toggle-group>
        @if (left() === 0 && current() !== 'going') {
          <p class="hint">{{ 'events.rsvp.fullHint' | transloco }}</p>
        }
      }
      <p class="status" role="status" aria-live="polite" data-testid="rsvp-status">
        @if (e.state === 'cancelled') {
        } @else if (offerUntil()) {
        } @else if (e.myRsvp; as r) {
          @if (r.status === 'waitlisted') {
            {{ 'events.rsvp.status.waitlisted' | transloco: { position: r.position ?? '?' } }}
          } @else {
            {{ 'events.rsvp.status.' + r.status | transloco }}
          }
        } @else if (!closedKey()) {
          {{ 'events.rsvp.status.none' | transloco }}
        }
      </p>
      <p class="places muted">
        @if (e.capacity === null) {
          {{ 'events.goingCount' | transloco: { count: e.going } }}
        } @else {
          {{ 'events.goingOf' | transloco: { count: e.going, capacity: e.capacity } }} ·
          @if (left() === 0) {
            {{ 'events.full' | transloco }}
          } @else {
            {{ 'events.placesLeft' | transloco: { count: left() } }}
          }
        }
      </p>
    </section>
  `,
  styles: `
    .choices {
      width: 100%;
    }
    .choices mat-icon {
      margin-right: 8px;
      vertical-align: middle;
    }
    .hint {
      color: var(--k-amber-dark);
      margin: 8px 0 0;
    }
    .status {
      font-weight: 500;
      margin: 12px 0 4px;
      color: var(--k-navy);
    }
    .places {
      margin: 0;
    }
    .offer {
      background: #d5f5ee;
      color: #064e45;
      border-radius: 10px;
      padding: 12px;
    }
    .offer p {
      margin: 0 0 8px;
    }
    .offer-title {
      display: flex;
      align-items: center;
      gap: 6px;
      font-weight: 500;
    }
    .offer-actions {
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
    }
  `,
})
export class RsvpPanelComponent {
  private readonly auth = inject(AuthStore);
  private readonly language = inject(LanguageService);
  readonly event = input.required<ClusterEvent>();
  readonly busy = input(false);
  readonly choose = output<RsvpChoice>();
  protected readonly choices = RsvpChoices;
  protected readonly icons = ICONS;
  protected readonly left = computed(() => placesLeft(this.event()));
  /** waitlisted counts as having asked for "going" */
  protected readonly current = computed<RsvpChoice | null>(() => {
    const s = this.event().myRsvp?.status;
    return s === undefined ? null : s === 'waitlisted' ? 'going' : s;
  });
  /** a freed place held for me: until when (in my zone), or null */
  protected readonly offerUntil = computed(() => {
    const offer = this.event().myRsvp?.offer;
    return offer ? momentLabel(offer.expiresAt, this.auth.user()?.timeZone ?? browserTimeZone() ?? 'UTC', this.language.lang()) : null;
  });
  /** why answers are closed, or null */
  protected readonly closedKey = computed(() => {
    const e = this.event();
    if (e.state === 'draft') return 'events.rsvp.closed.draft';
    if (e.state === 'cancelled') return 'events.rsvp.closed.cancelled';
    if (isPast(e)) return 'events.rsvp.closed.past';
    return null;
  });
}
