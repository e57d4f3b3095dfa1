import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ClusterEvent } from '@klasteris/contracts';
import { LanguageService } from '../../../core/i18n/language.service';
import { dateBadge, eventTimes, isPast, placesLeft } from '../event-logic';
import { EventVenueComponent } from './event-venue.component';
import { RsvpBadgeComponent } from './rsvp-badge.component';

/** One event in the list: date, title, kind, when (its zone and mine), venue, places, organiser, my answer. */
@Component({
  selector: 'app-event-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatIconModule, RouterLink, TranslocoPipe, EventVenueComponent, RsvpBadgeComponent],
  template: `
    @let e = event();
    <article
      class="k-card event"
      [class.cancelled]="e.state === 'cancelled'"
      [attr.data-testid]="'event-card'"
      [attr.aria-labelledby]="'ev-' + e.id"
    >
      <div class="badge" aria-hidden="true">
        <span class="month">{{ badge().month }}</span>
        <span class="day">{{ badge().day }}</span>
        <span class="weekday">{{ badge().weekday }}</span>
      </div>
      <div class="body">
        <h3 class="title" [id]="'ev-' + e.id">
          <a [routerLink]="['/events', e.id]" data-testid="event-card-link">{{ e.title }}</a>
        </h3>
        <p class="pills">
          <span class="tag">{{ 'events.kinds.' + e.kind | transloco }}</span>
          @if (e.state !== 'published') {
            <span
              class="status-pill"
              [class.status-pending]="e.state === 'draft'"
              [class.status-rejected]="e.state === 'cancelled'"
              data-testid="event-card-state"
              >{{ 'events.states.' + e.state | transloco }}</span
            >
          }
          @if (e.visibility === 'public') {
            <span class="status-pill status-partner">{{ 'events.visibility.public' | transloco }}</span>
          }
        </p>
        <p class="line">
          <mat-icon aria-hidden="true" fontIcon="schedule" />
          <span
            ><span class="visually-hidden">{{ 'events.when' | transloco }}:</span> {{ times().local }}
            <span class="muted">({{ times().zone }})</span></span
          >
        </p>
        @if (times().mine; as mine) {
          <p class="line muted mine" data-testid="event-card-mine">
            <mat-icon aria-hidden="true" fontIcon="person_pin_circle" />{{ 'events.yourTime' | transloco: { time: mine } }}
          </p>
        }
        <p class="line"><app-event-venue [venue]="e.venue" [state]="e.state" /></p>
        <p class="line muted">
          <mat-icon aria-hidden="true" fontIcon="groups" />
          <span data-testid="event-card-going">
            @if (past()) {
              {{ 'events.attended' | transloco: { count: e.going } }}
            } @else if (e.capacity === null) {
              {{ 'events.goingCount' | transloco: { count: e.going } }}
            } @else {
              {{ 'events.goingOf' | transloco: { count: e.going, capacity: e.capacity } }}
              @if (left() === 0) {
                · {{ 'events.full' | transloco }}
              }
            }
          </span>
        </p>
        <p class="line muted organiser">
          <mat-icon aria-hidden="true" fontIcon="campaign" />
          {{ 'events.organisedBy' | transloco: { name: organiserName() ?? ('events.organiser.' + e.organiser.type | transloco) } }}
        </p>
      </div>
      @if (e.myRsvp; as r) {
        <div class="side"><app-rsvp-badge [rsvp]="r" /></div>
      }
    </article>
  `,
  styles: `
    .event {
      display: flex;
      gap: 16px;
      padding: 16px;
      align-items: flex-start;
      height: 100%;
    }
    .event.cancelled .title a {
      text-decoration: line-through;
    }
    .badge {
      flex: none;
      display: flex;
      flex-direction: column;
      align-items: center;
      width: 64px;
      padding: 6px 0;
      border-radius: 10px;
      background: var(--k-navy);
      color: #fff;
      line-height: 1.1;
    }
    .badge .month {
      font-size: 11px;
      text-transform: uppercase;
      letter-spacing: 0.02em;
    }
    .badge .day {
      font-size: 24px;
      font-weight: 600;
    }
    .badge .weekday {
      font-size: 12px;
    }
    .body {
      flex: 1;
      min-width: 0;
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .title {
      font: var(--mat-sys-title-medium);
      margin: 0;
    }
    .title a {
      color: var(--k-navy);
    }
    .pills {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
      margin: 0 0 4px;
    }
    .line {
      display: flex;
      align-items: center;
      gap: 6px;
      margin: 0;
    }
    .line mat-icon {
      flex: none;
      font-size: 18px;
      width: 18px;
      height: 18px;
      color: var(--k-teal);
    }
    .side {
      flex: none;
    }
  `,
})
export class EventCardComponent {
  private readonly language = inject(LanguageService);
  readonly event = input.required<ClusterEvent>();
  readonly myZone = input.required<string>();
  readonly organiserName = input<string | null>(null);
  protected readonly badge = computed(() => dateBadge(this.event().start, this.event().timeZone, this.language.lang()));
  protected readonly times = computed(() => eventTimes(this.event(), this.myZone(), this.language.lang()));
  protected readonly left = computed(() => placesLeft(this.event()));
  protected readonly past = computed(() => isPast(this.event()));
}
