import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { PublicEvent } from '@klasteris/contracts';
import { LanguageService } from '../../../core/i18n/language.service';
import { isKnownCountry } from '../../../shared/countries';
import { dateBadge, venueText, whenLabel } from '../event-format';

const KIND_ICONS: Record<PublicEvent['kind'], string> = {
  internal: 'groups',
  presentation: 'co_present',
  webinar: 'videocam',
  working_group: 'diversity_3',
};

/** One public event in a list (the events page, the front door): date, title, where, places. */
@Component({
  selector: 'app-public-event-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatIconModule, TranslocoPipe],
  template: `
    @let e = event();
    <article class="event" [attr.aria-labelledby]="'ev-' + e.id">
      <div class="badge" aria-hidden="true">
        <span class="day">{{ badge().day }}</span>
        <span class="month">{{ badge().month }}</span>
      </div>
      <div class="body">
        <p class="kind"><mat-icon aria-hidden="true" [fontIcon]="icon()" />{{ 'visit.kinds.' + e.kind | transloco }}</p>
        <h3 [id]="'ev-' + e.id">
          <a [routerLink]="['/visit/events', e.id]" [attr.data-testid]="'visit-event-link-' + e.id">{{ e.title }}</a>
        </h3>
        <p class="when">{{ when() }}</p>
        <p class="where">
          <mat-icon aria-hidden="true" [fontIcon]="e.venue.kind === 'online' ? 'language' : 'place'" />
          {{ venue() ?? ('visit.online' | transloco) }}
        </p>
        <p class="places" [class.full]="e.placesLeft === 0">
          @if (e.placesLeft === null) {
            {{ 'visit.unlimited' | transloco }}
          } @else if (e.placesLeft === 0) {
            {{ 'visit.full' | transloco }}
          } @else {
            {{ 'visit.placesLeft' | transloco: { count: e.placesLeft } }}
          }
        </p>
      </div>
    </article>
  `,
  styles: `
    :host {
      display: block;
    }
    .event {
      display: flex;
      gap: 16px;
      background: var(--k-card);
      border: 1px solid var(--k-border);
      border-radius: var(--k-radius);
      padding: 16px;
      box-shadow: var(--k-shadow);
      height: 100%;
      box-sizing: border-box;
    }
    .badge {
      flex: none;
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      width: 60px;
      height: 64px;
      border-radius: 12px;
      background: var(--k-navy);
      color: #fff;
    }
    .day {
      font-size: 24px;
      font-weight: 700;
      line-height: 1;
    }
    .month {
      font-size: 13px;
      text-transform: uppercase;
      letter-spacing: 0.04em;
      margin-top: 4px;
    }
    .body {
      min-width: 0;
    }
    .kind {
      display: flex;
      align-items: center;
      gap: 6px;
      margin: 0;
      font-size: 13px;
      font-weight: 600;
      color: var(--k-teal);
      text-transform: uppercase;
      letter-spacing: 0.03em;
    }
    .kind mat-icon {
      font-size: 18px;
      width: 18px;
      height: 18px;
    }
    h3 {
      margin: 4px 0 6px;
      font-size: 18px;
      line-height: 1.3;
    }
    h3 a {
      color: var(--k-navy);
      text-decoration: none;
    }
    h3 a:hover,
    h3 a:focus-visible {
      text-decoration: underline;
    }
    .when {
      margin: 0 0 4px;
      color: var(--k-text);
    }
    .where {
      display: flex;
      align-items: center;
      gap: 4px;
      margin: 0 0 4px;
      color: var(--k-text-muted);
    }
    .where mat-icon {
      font-size: 18px;
      width: 18px;
      height: 18px;
      flex: none;
    }
    .places {
      margin: 0;
      font-size: 14px;
      color: var(--k-teal);
      font-weight: 600;
    }
    .places.full {
      color: var(--k-amber-dark);
    }
  `,
})
export class PublicEventCardComponent {
  readonly event = input.required<PublicEvent>();
  private readonly lang = inject(LanguageService).lang;
  private readonly transloco = inject(TranslocoService);

  protected readonly icon = computed(() => KIND_ICONS[this.event().kind]);
  protected readonly badge = computed(() => dateBadge(this.event().start, this.event().timeZone, this.lang()));
  protected readonly when = computed(() => whenLabel(this.event().start, this.event().end, this.event().timeZone, this.lang()));
  protected readonly venue = computed(() => {
    this.lang();
    return venueText(this.event().venue, (c) => (isKnownCountry(c) ? this.transloco.translate(`countries.${c}`) : c));
  });
}
