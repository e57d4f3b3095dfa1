import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslocoPipe } from '@jsverse/transloco';
import { BookingContext } from '../booking-context';

/** "Choose a resource to book for the card …" while a card's booking is under way, with a way out. */
@Component({
  selector: 'app-card-target-banner',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatIconModule, TranslocoPipe],
  template: `
    @if (context.card(); as c) {
      <div class="banner" role="status" data-testid="card-target-banner">
        <mat-icon aria-hidden="true" fontIcon="link" />
        <span>{{
          (c.cardId ? 'infrastructure.cardBookings.pickResource' : 'projectBookings.pickResource') | transloco: { title: c.cardTitle }
        }}</span>
        <button mat-button type="button" (click)="context.clear()" data-testid="card-target-clear">
          {{ 'infrastructure.cardBookings.clear' | transloco }}
        </button>
      </div>
    }
  `,
  styles: `
    .banner {
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 4px 12px;
      margin: 8px 0;
      border-radius: 8px;
      background: #e3ecfb;
      color: #10295c;
    }
    .banner span {
      flex: 1;
    }
  `,
})
export class CardTargetBannerComponent {
  protected readonly context = inject(BookingContext);
}
