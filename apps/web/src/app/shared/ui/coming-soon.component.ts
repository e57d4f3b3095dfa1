import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { TranslocoPipe } from '@jsverse/transloco';

/** Placeholder page for sections that later features fill (route data: `section`, `icon`). */
@Component({
  selector: 'app-coming-soon',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatIconModule, TranslocoPipe],
  template: `
    <section class="page">
      <h1 class="page-title">{{ 'nav.' + section() | transloco }}</h1>
      <div class="k-card soon" role="status">
        <mat-icon aria-hidden="true" [fontIcon]="icon()" />
        <h2>{{ 'comingSoon.title' | transloco }}</h2>
        <p>{{ 'comingSoon.' + section() | transloco }}</p>
      </div>
    </section>
  `,
  styles: `
    .soon {
      display: flex;
      flex-direction: column;
      align-items: center;
      text-align: center;
      padding: 48px 24px;
      margin-top: 16px;
    }
    mat-icon {
      font-size: 56px;
      width: 56px;
      height: 56px;
      color: var(--k-teal);
    }
    h2 {
      font: var(--mat-sys-title-large);
      color: var(--k-navy);
      margin: 16px 0 8px;
    }
    p {
      color: var(--k-text-muted);
      max-width: 52ch;
      margin: 0;
    }
  `,
})
export class ComingSoonComponent {
  /** bound from route data */
  readonly section = input<string>('chat');
  readonly icon = input<string>('construction');
}
