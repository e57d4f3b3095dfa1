import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';

@Component({
  selector: 'app-empty-state',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatIconModule],
  template: `
    <div class="empty" role="status">
      <mat-icon class="icon" aria-hidden="true" [fontIcon]="icon()" />
      <p class="title">{{ title() }}</p>
      @if (text()) {
        <p class="text">{{ text() }}</p>
      }
      <ng-content />
    </div>
  `,
  styles: `
    .empty {
      display: flex;
      flex-direction: column;
      align-items: center;
      text-align: center;
      padding: 40px 16px;
    }
    .icon {
      font-size: 48px;
      width: 48px;
      height: 48px;
      color: var(--k-teal);
    }
    .title {
      font: var(--mat-sys-title-medium);
      margin: 12px 0 4px;
      color: var(--k-navy);
    }
    .text {
      margin: 0 0 12px;
      color: var(--k-text-muted);
      max-width: 48ch;
    }
  `,
})
export class EmptyStateComponent {
  readonly icon = input('inbox');
  readonly title = input.required<string>();
  readonly text = input<string | null>(null);
}
