import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AuthStore } from '../../../core/auth/auth.store';

@Component({
  selector: 'app-admin-layout',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet, RouterLink, RouterLinkActive, MatTabsModule, MatIconModule, TranslocoPipe],
  template: `
    <section class="page">
      <h1 class="page-title">{{ 'admin.title' | transloco }}</h1>
      <p class="page-subtitle">{{ 'admin.subtitle' | transloco }}</p>
      <nav mat-tab-nav-bar [tabPanel]="panel" [attr.aria-label]="'admin.title' | transloco" class="tabs">
        @for (t of tabs(); track t.path) {
          <a
            mat-tab-link
            [routerLink]="t.path"
            routerLinkActive
            #rla="routerLinkActive"
            [active]="rla.isActive"
            [attr.data-testid]="'admin-tab-' + t.path"
          >
            <mat-icon aria-hidden="true" [fontIcon]="t.icon" />&nbsp;{{ t.label | transloco }}
          </a>
        }
      </nav>
      <mat-tab-nav-panel #panel>
        <router-outlet />
      </mat-tab-nav-panel>
    </section>
  `,
  styles: `
    .tabs {
      margin-bottom: 16px;
    }
  `,
})
export default class AdminLayoutPage {
  private readonly auth = inject(AuthStore);
  protected readonly tabs = computed(() => [
    { path: 'applications', icon: 'how_to_reg', label: 'admin.applications' },
    { path: 'report', icon: 'query_stats', label: 'admin.report' },
    { path: 'users', icon: 'manage_accounts', label: 'admin.users' },
    { path: 'organisations', icon: 'domain', label: 'admin.organisations' },
    // the whole audit log and the outbox are for admins (coordinators read a group's log in its console)
    ...(this.auth.isAdmin()
      ? [
          { path: 'audit', icon: 'policy', label: 'admin.audit' },
          { path: 'mail', icon: 'outgoing_mail', label: 'admin.mail' },
        ]
      : []),
  ]);
}
