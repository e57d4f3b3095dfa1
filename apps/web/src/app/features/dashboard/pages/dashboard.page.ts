import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, OnInit, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Notification } from '@klasteris/contracts';
import { AuthStore } from '../../../core/auth/auth.store';
import { LanguageService } from '../../../core/i18n/language.service';
import { NotificationsStore } from '../../../core/notifications/notifications.store';
import { AvatarComponent } from '../../../shared/ui/avatar.component';
import { CountryPipe } from '../../../shared/ui/country.pipe';
import { MyCardsComponent } from '../../projects/components/my-cards.component';
import { DashboardStore } from '../dashboard.store';

interface QuickLink {
  path: string;
  icon: string;
  label: string;
  text: string;
}

@Component({
  selector: 'app-dashboard-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [DashboardStore],
  imports: [DatePipe, RouterLink, MatButtonModule, MatIconModule, TranslocoPipe, AvatarComponent, CountryPipe, MyCardsComponent],
  templateUrl: './dashboard.page.html',
  styleUrl: './dashboard.page.scss',
})
export default class DashboardPage implements OnInit {
  protected readonly auth = inject(AuthStore);
  protected readonly store = inject(DashboardStore);
  protected readonly notifications = inject(NotificationsStore);
  protected readonly language = inject(LanguageService);
  private readonly router = inject(Router);

  protected readonly recent = computed(() => this.notifications.items().slice(0, 5));
  protected readonly roleKey = computed(() => {
    const roles = this.auth.roles();
    const top = (['admin', 'coordinator', 'org_admin', 'member'] as const).find((r) => roles.includes(r)) ?? 'member';
    return `roles.${top}`;
  });

  protected readonly quickLinks: QuickLink[] = [
    { path: '/directory', icon: 'apartment', label: 'nav.directory', text: 'dashboard.linkDirectory' },
    { path: '/chat', icon: 'forum', label: 'nav.chat', text: 'dashboard.linkChat' },
    { path: '/projects', icon: 'view_kanban', label: 'nav.projects', text: 'dashboard.linkProjects' },
    { path: '/infrastructure', icon: 'dns', label: 'nav.infrastructure', text: 'dashboard.linkInfrastructure' },
    { path: '/profile', icon: 'person', label: 'userMenu.profile', text: 'dashboard.linkProfile' },
  ];

  ngOnInit(): void {
    this.store.load();
  }

  open(n: Notification): void {
    this.notifications.markRead(n);
    if (n.link && n.link.startsWith('/')) void this.router.navigateByUrl(n.link);
  }
}
