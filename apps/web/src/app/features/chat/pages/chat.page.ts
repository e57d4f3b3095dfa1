import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { NavigationEnd, Router, RouterOutlet } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { MyChannel } from '@klasteris/contracts';
import { filter, map, startWith } from 'rxjs';
import { SocketService } from '../../../core/socket.service';
import { ChatPeopleStore } from '../chat-people.store';
import { ChatStore } from '../chat.store';
import { BrowseChannelsDialogComponent } from '../components/browse-channels-dialog.component';
import { ChannelSidebarComponent } from '../components/channel-sidebar.component';
import { NewChannelDialogComponent } from '../components/new-channel-dialog.component';
import { NewMessageDialogComponent } from '../components/new-message-dialog.component';

/** The chat screen: the channel sidebar beside the open channel (or search). */
@Component({
  selector: 'app-chat-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet, MatIconModule, TranslocoPipe, ChannelSidebarComponent],
  template: `
    @if (socket.state() !== 'connected' && store.channelsLoaded()) {
      <div class="banner" role="status" data-testid="reconnect-banner">
        <mat-icon aria-hidden="true" fontIcon="cloud_off" />
        {{ 'chat.reconnecting' | transloco }}
      </div>
    }
    <div class="layout" [class.child-open]="childOpen()">
      <app-channel-sidebar class="sidebar" (newChannel)="openNewChannel()" (browse)="openBrowse()" (newMessage)="openNewMessage()" />
      <div class="main">
        <router-outlet />
      </div>
    </div>
  `,
  styles: `
    :host {
      position: absolute;
      inset: 0;
      display: flex;
      flex-direction: column;
      background: #fff;
    }
    .banner {
      display: flex;
      align-items: center;
      justify-content: center;
      gap: 8px;
      padding: 6px 12px;
      font-size: 14px;
      background: #fff4d6;
      color: #4d3400;
      border-bottom: 1px solid #f2b43a;
      flex: none;
    }
    .layout {
      display: flex;
      flex: 1 1 auto;
      min-height: 0;
    }
    .sidebar {
      width: 272px;
      flex: none;
    }
    .main {
      flex: 1 1 auto;
      min-width: 0;
      display: flex;
      flex-direction: column;
    }
    @media (max-width: 767.98px) {
      .sidebar {
        width: 100%;
      }
      .layout.child-open .sidebar {
        display: none;
      }
      .layout:not(.child-open) .main {
        display: none;
      }
    }
  `,
  host: { '(document:keydown)': 'onKey($event)', '(document:visibilitychange)': 'onVisibility()' },
})
export class ChatPage {
  protected readonly store = inject(ChatStore);
  protected readonly socket = inject(SocketService);
  private readonly people = inject(ChatPeopleStore);
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);
  private readonly isPhone = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 767.98px)')
      .pipe(map((s) => s.matches)),
    { initialValue: false },
  );

  private readonly url = toSignal(
    this.router.events.pipe(
      filter((e) => e instanceof NavigationEnd),
      map(() => this.router.url),
      startWith(this.router.url),
    ),
    { initialValue: this.router.url },
  );
  protected readonly childOpen = computed(() => /^\/chat\/[^/?#]+/.test(this.url()));

  constructor() {
    void this.store.loadChannels();
    // presence of the people I have DMs with
    effect(() => {
      const me = this.store.myId();
      const ids = this.store.directChannels().flatMap((c) => (c.directUserIds ?? []).filter((u) => u !== me));
      if (ids.length) untracked(() => this.people.loadPresence(ids));
    });
    // on a wide screen, open the last used (or first) channel when none is chosen
    effect(() => {
      const loaded = this.store.channelsLoaded();
      const list = this.store.ordered();
      if (!loaded || list.length === 0 || this.childOpen() || this.isPhone()) return;
      const last = this.store.lastOpened;
      const target = list.find((c) => c.id === last) ?? list[0];
      untracked(() => void this.router.navigate(['/chat', target.id], { replaceUrl: true }));
    });
    inject(DestroyRef).onDestroy(() => this.store.open(null));
  }

  protected onKey(event: KeyboardEvent): void {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    const list = this.store.ordered();
    if (list.length === 0) return;
    event.preventDefault();
    const i = list.findIndex((c) => c.id === this.store.activeId());
    const next = event.key === 'ArrowDown' ? (i + 1) % list.length : (i - 1 + list.length) % list.length;
    void this.router.navigate(['/chat', list[next < 0 ? 0 : next].id]);
  }

  protected onVisibility(): void {
    this.people.setMyPresence(document.visibilityState === 'visible' ? 'online' : 'away');
  }

  protected openNewChannel(): void {
    this.dialog
      .open(NewChannelDialogComponent, { width: '520px', maxWidth: '95vw', autoFocus: 'first-tabbable' })
      .afterClosed()
      .subscribe((c?: MyChannel) => c && this.go(c));
  }

  protected openBrowse(): void {
    this.dialog
      .open(BrowseChannelsDialogComponent, { width: '640px', maxWidth: '95vw', autoFocus: 'first-tabbable' })
      .afterClosed()
      .subscribe((c?: MyChannel) => c && this.go(c));
  }

  protected openNewMessage(): void {
    this.dialog
      .open(NewMessageDialogComponent, { width: '520px', maxWidth: '95vw', autoFocus: 'first-tabbable' })
      .afterClosed()
      .subscribe((c?: MyChannel) => c && this.go(c));
  }

  private go(c: MyChannel): void {
    this.store.upsertChannel(c);
    void this.router.navigate(['/chat', c.id]);
  }
}
