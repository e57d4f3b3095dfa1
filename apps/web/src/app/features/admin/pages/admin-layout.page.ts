import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

@Component({
  selector: 'app-admin-layout',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet, RouterLink, RouterLinkActive, MatTabsModule, MatIconModule, TranslocoPipe],
  template: `
    <section class="page">
      <h1 class="page-title">{{ 'admin.title' | transloco }}</h1>
      <p class="page-subtitle">{{ 'admin.subtitle' | transloco }}</p>
      <nav mat-tab-nav-bar [tabPanel]="panel" [attr.aria-label]="'admin.title' | transloco" class="tabs">
        @for (t of tabs; track t.path) {
          <a mat-tab-link [routerLink]="t.path" routerLinkActive #rla="routerLinkActive" [active]="rla.isActive"
            [attr.data-testid]="'admin-tab-' + t.path">
            <mat-icon aria-hidden="true" [fontIcon]="t.icon" />&nbsp;{{ t.label | transloco }}
          </a>
        }
      </nav>
      <mat-tab-nav-panel #panel>
        <router-outlet />
      </mat-tab-nav-panel>
    </section>
  `,
  styles: `.tabs { margin-bottom: 16px; }`,
})
export default class AdminLayoutPage {
  protected readonly tabs = [
    { path: 'applications', icon: 'how_to_reg', label: 'admin.applications' },
    { path: 'users', icon: 'manage_accounts', label: 'admin.users' },
    { path: 'organisations', icon: 'domain', label: 'admin.organisations' },
  ];
}
