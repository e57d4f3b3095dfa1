import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { TranslocoPipe } from '@jsverse/transloco';
import type { RsvpView } from '@klasteris/contracts';

const ICONS = { going: 'check_circle', waitlisted: 'hourglass_top', maybe: 'help', declined: 'cancel' } as const;

/** My answer as a pill: going, on the waitlist (with my place), maybe, not going. */
@Component({
  selector: 'app-rsvp-badge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatIconModule, TranslocoPipe],
  template: `
    @let r = rsvp();
    <span
      class="status-pill"
      [class.status-active]="r.status === 'going' || !!r.offer"
      [class.status-pending]="r.status === 'waitlisted' || r.status === 'maybe'"
      [class.status-disabled]="r.status === 'declined'"
      data-testid="rsvp-badge"
    >
      <mat-icon aria-hidden="true" [fontIcon]="icons[r.status]" />
      @if (r.offer) {
        {{ 'events.rsvp.mine.offered' | transloco }}
      } @else if (r.status === 'waitlisted' && r.position) {
        {{ 'events.rsvp.mine.waitlistedAt' | transloco: { position: r.position } }}
      } @else {
        {{ 'events.rsvp.mine.' + r.status | transloco }}
      }
    </span>
  `,
  styles: `
    mat-icon {
      font-size: 16px;
      width: 16px;
      height: 16px;
    }
  `,
})
export class RsvpBadgeComponent {
  readonly rsvp = input.required<RsvpView>();
  protected readonly icons = ICONS;
}
