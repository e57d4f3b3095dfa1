import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { EventState, EventVenue } from '@klasteris/contracts';
import { CountryPipe } from '../../../shared/ui/country.pipe';
import { venueState } from '../event-logic';

/** Where: a resource of the catalogue (with its booking state: "venue pending" while it waits for approval), an address, or online. */
@Component({
  selector: 'app-event-venue',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatIconModule, RouterLink, TranslocoPipe, CountryPipe],
  template: `
    @let v = venue();
    <span class="venue" data-testid="event-venue">
      @if (icon()) {
        <mat-icon aria-hidden="true" [fontIcon]="v.kind === 'online' ? 'videocam' : 'place'" />
        <span class="visually-hidden">{{ 'events.venue.label' | transloco }}:</span>
      }
      <span class="what">
        @switch (v.kind) {
          @case ('resource') {
            @if (links()) {
              <a [routerLink]="['/infrastructure/resources', v.resourceId]">{{ v.resourceName }}</a>
            } @else {
              <span>{{ v.resourceName }}</span>
            }
          }
          @case ('address') {
            <span>{{ v.address }}, {{ v.city }}, {{ v.country | country }}</span>
          }
          @case ('online') {
            @if (links()) {
              <a [href]="v.url" target="_blank" rel="noopener noreferrer" data-testid="event-online-link"
                >{{ 'events.venue.online' | transloco }} · {{ host() }}
                <span class="visually-hidden">({{ 'common.opensNewTab' | transloco }})</span></a
              >
            } @else {
              <span>{{ 'events.venue.online' | transloco }}</span>
            }
          }
        }
        @if (status() !== 'none' && status() !== 'booked') {
          <span
            class="status-pill"
            [class.status-pending]="status() === 'pending' || status() === 'unbooked'"
            [class.status-rejected]="status() === 'refused' || status() === 'released'"
            data-testid="event-venue-status"
          >
            {{ 'events.venue.state.' + status() | transloco }}
          </span>
        }
      </span>
    </span>
  `,
  styles: `
    :host {
      display: block;
      min-width: 0;
      flex: 1 1 auto;
    }
    .venue {
      display: flex;
      align-items: flex-start;
      gap: 6px;
    }
    .what {
      display: inline-flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 8px;
      min-width: 0;
    }
    mat-icon {
      flex: none;
      font-size: 18px;
      width: 18px;
      height: 18px;
      color: var(--k-teal);
      margin-top: 1px;
    }
  `,
})
export class EventVenueComponent {
  readonly venue = input.required<EventVenue>();
  readonly state = input.required<EventState>();
  /** link the resource and the online meeting (the event page); plain text on cards */
  readonly links = input(false);
  /** a leading icon (off where a labelled "Venue" heading already shows one) */
  readonly icon = input(true);
  protected readonly status = computed(() => venueState(this.venue(), this.state()));
  protected readonly host = computed(() => {
    const v = this.venue();
    if (v.kind !== 'online') return '';
    try {
      return new URL(v.url).host;
    } catch {
      return v.url;
    }
  });
}
