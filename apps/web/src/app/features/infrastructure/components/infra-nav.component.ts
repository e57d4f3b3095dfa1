import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AuthStore } from '../../../core/auth/auth.store';

/** Sections of the infrastructure feature. */
@Component({
  selector: 'app-infra-nav',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatIconModule, MatTabsModule, RouterLink, RouterLinkActive, TranslocoPipe],
  template: `
    <nav mat-tab-nav-bar [tabPanel]="panel" [attr.aria-label]="'nav.infrastructure' | transloco" class="tabs">
      <a
        mat-tab-link
        routerLink="/infrastructure"
        routerLinkActive
        #a="routerLinkActive"
        [routerLinkActiveOptions]="{ exact: true }"
        [active]="a.isActive"
        data-testid="infra-tab-catalogue"
      >
        <mat-icon aria-hidden="true" fontIcon="dns" />&nbsp;{{ 'infrastructure.nav.catalogue' | transloco }}
      </a>
      <a
        mat-tab-link
        routerLink="/infrastructure/bookings"
        routerLinkActive
        #b="routerLinkActive"
        [active]="b.isActive"
        data-testid="infra-tab-mine"
      >
        <mat-icon aria-hidden="true" fontIcon="event_note" />&nbsp;{{ 'infrastructure.nav.mine' | transloco }}
      </a>
      <a
        mat-tab-link
        routerLink="/infrastructure/timeline"
        routerLinkActive
        #tl="routerLinkActive"
        [active]="tl.isActive"
        data-testid="infra-tab-timeline"
      >
        <mat-icon aria-hidden="true" fontIcon="view_timeline" />&nbsp;{{ 'infrastructure.nav.timeline' | transloco }}
      </a>
      @if (approver()) {
        <a
          mat-tab-link
          routerLink="/infrastructure/approvals"
          routerLinkActive
          #c="routerLinkActive"
          [active]="c.isActive"
          data-testid="infra-tab-approvals"
        >
          <mat-icon aria-hidden="true" fontIcon="fact_check" />&nbsp;{{ 'infrastructure.nav.approvals' | transloco }}
        </a>
        <a
          mat-tab-link
          routerLink="/infrastructure/utilisation"
          routerLinkActive
          #u="routerLinkActive"
          [active]="u.isActive"
          data-testid="infra-tab-utilisation"
        >
          <mat-icon aria-hidden="true" fontIcon="monitoring" />&nbsp;{{ 'infrastructure.nav.utilisation' | transloco }}
        </a>
      }
    </nav>
    <mat-tab-nav-panel #panel />
  `,
  styles: `
    .tabs {
      margin-bottom: 16px;
      background: transparent;
    }
  `,
})
export class InfraNavComponent {
  private readonly auth = inject(AuthStore);
  protected readonly approver = computed(() =>
    (this.auth.user()?.roles ?? []).some((r) => r === 'admin' || r === 'coordinator' || r === 'org_admin'),
  );
}
