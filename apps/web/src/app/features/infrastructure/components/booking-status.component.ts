import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { BookingStatus } from '@klasteris/contracts';

@Component({
  selector: 'app-booking-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe],
  template: `<span class="status" [class]="'status ' + status()" [attr.data-testid]="'booking-status'">{{
    'infrastructure.status.' + status() | transloco
  }}</span>`,
  styles: `
    .status {
      display: inline-block;
      padding: 2px 10px;
      border-radius: 12px;
      font: var(--mat-sys-label-medium);
      background: #eceff1;
      color: #37474f;
    }
    .confirmed {
      background: #d7f2e3;
      color: #0d5132;
    }
    .pending,
    .held {
      background: #fff1c9;
      color: #6b4b00;
    }
    .rejected,
    .cancelled,
    .expired {
      background: #fbe0dd;
      color: #7a1f14;
    }
  `,
})
export class BookingStatusComponent {
  readonly status = input.required<BookingStatus>();
}
