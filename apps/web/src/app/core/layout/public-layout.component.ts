import { ChangeDetectionStrategy, Component, ElementRef, inject, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { LangSwitchComponent } from '../i18n/lang-switch.component';
import { LogoComponent } from '../../shared/ui/logo.component';
import { AuthStore } from '../auth/auth.store';

/** Frame of the pages anyone can open: sign in, register, apply, invitations, public directory. */
@Component({
  selector: 'app-public-layout',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet, RouterLink, RouterLinkActive, MatButtonModule, MatIconModule, TranslocoPipe, LangSwitchComponent, LogoComponent],
  template: `
    <a class="skip-link" href="#main-content" (click)="skipToMain($event)">{{ 'a11y.skipToContent' | transloco }}</a>
    <header class="bar">
      <a routerLink="/" class="brand" [attr.aria-label]="'nav.home' | transloco"><app-logo [onDark]="true" [size]="30" /></a>
      <span class="spacer"></span>
      <nav class="links" [attr.aria-label]="'nav.public' | transloco">
        <a
          mat-button
          class="on-dark"
          routerLink="/visit/events"
          routerLinkActive="current"
          ariaCurrentWhenActive="page"
          data-testid="nav-visit-events"
        >
          {{ 'visit.nav' | transloco }}
        </a>
        <a mat-button class="on-dark hide-xs" routerLink="/organisations" routerLinkActive="current" ariaCurrentWhenActive="page">
          {{ 'nav.directory' | transloco }}
        </a>
        @if (auth.isLoggedIn()) {
          <a mat-button class="on-dark" routerLink="/dashboard">{{ 'nav.dashboard' | transloco }}</a>
        } @else {
          <a mat-button class="on-dark" routerLink="/login" routerLinkActive="current" ariaCurrentWhenActive="page">
            {{ 'auth.signIn' | transloco }}
          </a>
        }
      </nav>
      <app-lang-switch [onDark]="true" />
    </header>
    <main id="main-content" #main tabindex="-1" class="main">
      <router-outlet />
    </main>
    <footer class="footer">
      <span>{{ 'footer.text' | transloco }}</span>
      <a routerLink="/organisations">{{ 'nav.directory' | transloco }}</a>
      <a routerLink="/visit/events">{{ 'visit.nav' | transloco }}</a>
      <a routerLink="/apply">{{ 'auth.applyLink' | transloco }}</a>
    </footer>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      min-height: 100vh;
    }
    .bar {
      display: flex;
      align-items: center;
      gap: 4px;
      height: 64px;
      padding: 0 16px;
      background: linear-gradient(90deg, var(--k-navy), var(--k-navy-2));
      color: #fff;
    }
    .brand {
      display: inline-flex;
      text-decoration: none;
      border-radius: 8px;
      padding: 4px;
    }
    .spacer {
      flex: 1;
    }
    .links {
      display: flex;
      gap: 2px;
    }
    .on-dark {
      --mat-button-text-label-text-color: #fff;
      color: #fff;
    }
    .current {
      text-decoration: underline;
      text-underline-offset: 6px;
    }
    .main {
      flex: 1;
      outline: none;
    }
    .footer {
      display: flex;
      flex-wrap: wrap;
      gap: 16px;
      justify-content: center;
      padding: 20px 16px;
      color: var(--k-text-muted);
      font-size: 13px;
      border-top: 1px solid var(--k-border);
      background: #fff;
    }
    .footer a {
      color: var(--k-navy);
    }
    @media (max-width: 479.98px) {
      .bar {
        padding: 0 6px;
      }
      .hide-xs {
        display: none;
      }
    }
  `,
})
export class PublicLayoutComponent {
  protected readonly auth = inject(AuthStore);
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');

  skipToMain(event: Event): void {
    event.preventDefault();
    this.main().nativeElement.focus();
  }
}
