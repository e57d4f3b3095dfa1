import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatDividerModule } from '@angular/material/divider';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { MatMenuModule } from '@angular/material/menu';
import { MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { MatTooltipModule } from '@angular/material/tooltip';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { filter, map } from 'rxjs';
import { AvatarComponent } from '../../shared/ui/avatar.component';
import { LangSwitchComponent } from '../i18n/lang-switch.component';
import { LogoComponent } from '../../shared/ui/logo.component';
import { AuthStore } from '../auth/auth.store';
import { NotificationBellComponent } from './notification-bell.component';
import { ShortcutsDialogComponent } from './shortcuts-dialog.component';

interface NavItem {
  id: string;
  path: string;
  icon: string;
  label: string;
}

@Component({
  selector: 'app-shell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    MatToolbarModule,
    MatSidenavModule,
    MatListModule,
    MatIconModule,
    MatButtonModule,
    MatMenuModule,
    MatDividerModule,
    MatTooltipModule,
    TranslocoPipe,
    AvatarComponent,
    LangSwitchComponent,
    LogoComponent,
    NotificationBellComponent,
  ],
  templateUrl: './shell.component.html',
  styleUrl: './shell.component.scss',
  host: { '(document:keydown)': 'onKey($event)' },
})
export class ShellComponent {
  private readonly dialog = inject(MatDialog);
  protected readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');

  protected readonly isMobile = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 959.98px)')
      .pipe(map((s) => s.matches)),
    { initialValue: false },
  );
  private readonly desktopOpen = signal(true);
  private readonly mobileOpen = signal(false);
  protected readonly navOpen = computed(() => (this.isMobile() ? this.mobileOpen() : this.desktopOpen()));

  protected readonly mainNav: NavItem[] = [
    { id: 'dashboard', path: '/dashboard', icon: 'space_dashboard', label: 'nav.dashboard' },
    { id: 'chat', path: '/chat', icon: 'forum', label: 'nav.chat' },
    { id: 'groups', path: '/groups', icon: 'groups', label: 'nav.groups' },
    { id: 'projects', path: '/projects', icon: 'view_kanban', label: 'nav.projects' },
    { id: 'events', path: '/events', icon: 'event', label: 'nav.events' },
    { id: 'calendar', path: '/calendar', icon: 'calendar_month', label: 'calendar.nav' },
    { id: 'infrastructure', path: '/infrastructure', icon: 'dns', label: 'nav.infrastructure' },
    { id: 'directory', path: '/directory', icon: 'apartment', label: 'nav.directory' },
  ];

  protected readonly myOrganisationLink = computed(() => {
    const u = this.auth.user();
    return u?.organisationId && this.auth.isOrgAdmin() ? ['/directory/organisations', u.organisationId] : null;
  });

  private readonly url = signal(this.router.url);
  /** the "My organisation" entry wins over "Directory" on one's own organisation page */
  protected readonly myOrganisationActive = computed(() => {
    const link = this.myOrganisationLink();
    return !!link && this.url().startsWith(link.join('/'));
  });

  constructor() {
    this.router.events.pipe(filter((e) => e instanceof NavigationEnd)).subscribe((e) => {
      this.url.set(e.urlAfterRedirects);
      this.mobileOpen.set(false);
    });
  }

  toggleNav(): void {
    if (this.isMobile()) this.mobileOpen.update((v) => !v);
    else this.desktopOpen.update((v) => !v);
  }

  onNavOpenedChange(open: boolean): void {
    if (this.isMobile()) this.mobileOpen.set(open);
  }

  skipToMain(event: Event): void {
    event.preventDefault();
    this.main().nativeElement.focus();
  }

  /** "?" outside text fields opens the list of keyboard shortcuts. */
  onKey(event: KeyboardEvent): void {
    if (event.key !== '?' || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target as HTMLElement | null;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    if (this.dialog.openDialogs.length > 0) return;
    event.preventDefault();
    this.openShortcuts();
  }

  openShortcuts(): void {
    this.dialog.open(ShortcutsDialogComponent, { autoFocus: 'dialog', width: 'min(640px, 92vw)' });
  }

  logout(): void {
    this.auth.logout().subscribe({
      complete: () => void this.router.navigate(['/login']),
    });
  }
}
