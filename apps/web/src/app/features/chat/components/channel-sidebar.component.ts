import { ChangeDetectionStrategy, Component, computed, inject, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { MyChannel } from '@klasteris/contracts';
import { ChatPeopleStore } from '../chat-people.store';
import { ChatStore } from '../chat.store';
import { ChannelNamePipe, ChannelNames } from './channel-name.pipe';

/** Channels and direct messages with unread/mention badges and presence dots. */
@Component({
  selector: 'app-channel-sidebar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, RouterLinkActive, MatButtonModule, MatIconModule, MatTooltipModule, TranslocoPipe, ChannelNamePipe],
  template: `
    <div class="head">
      <h1 class="title">{{ 'chat.title' | transloco }}</h1>
      <a
        mat-icon-button
        routerLink="/chat/search"
        [attr.aria-label]="'chat.search.open' | transloco"
        [matTooltip]="'chat.search.open' | transloco"
        data-testid="chat-search"
      >
        <mat-icon aria-hidden="true" fontIcon="search" />
      </a>
      <button
        mat-icon-button
        type="button"
        (click)="newMessage.emit()"
        [attr.aria-label]="'chat.dm.new' | transloco"
        [matTooltip]="'chat.dm.new' | transloco"
        data-testid="new-message"
      >
        <mat-icon aria-hidden="true" fontIcon="edit_square" />
      </button>
    </div>
    <nav class="lists" [attr.aria-label]="'chat.sidebar.label' | transloco">
      <h2 class="group" id="chat-channels-heading">{{ 'chat.sidebar.channels' | transloco }}</h2>
      <ul aria-labelledby="chat-channels-heading">
        @for (c of store.publicChannels(); track c.id) {
          <li>
            <a
              class="item"
              [routerLink]="['/chat', c.id]"
              routerLinkActive="active"
              #rla="routerLinkActive"
              [attr.aria-current]="rla.isActive ? 'page' : null"
              [class.unread]="c.unread > 0 && c.notify === 'all'"
              [class.muted]="c.notify !== 'all'"
              data-testid="channel-item"
              [attr.data-channel-name]="c.name"
            >
              <mat-icon class="kind" aria-hidden="true" [fontIcon]="icon(c)" />
              <span class="name">{{ c.name }}</span>
              <span class="visually-hidden">{{ counts(c) }}</span>
              @if (c.archived) {
                <mat-icon class="archived" aria-hidden="true" fontIcon="inventory_2" />
              }
              @if (c.mentions > 0 && !c.muted) {
                <span class="badge mention" data-testid="mention-badge" aria-hidden="true">{{ c.mentions }}</span>
              } @else if (c.unread > 0 && c.notify === 'all') {
                <span class="badge" data-testid="unread-badge" aria-hidden="true">{{ c.unread > 99 ? '99+' : c.unread }}</span>
              }
            </a>
          </li>
        }
      </ul>
      <div class="links">
        <button mat-button type="button" (click)="browse.emit()" data-testid="browse-channels">
          <mat-icon aria-hidden="true" fontIcon="travel_explore" />{{ 'chat.browse.open' | transloco }}
        </button>
        <button mat-button type="button" (click)="newChannel.emit()" data-testid="new-channel">
          <mat-icon aria-hidden="true" fontIcon="add" />{{ 'chat.create.open' | transloco }}
        </button>
      </div>

      <h2 class="group" id="chat-dms-heading">{{ 'chat.sidebar.direct' | transloco }}</h2>
      <ul aria-labelledby="chat-dms-heading">
        @for (c of store.directChannels(); track c.id) {
          <li>
            <a
              class="item"
              [routerLink]="['/chat', c.id]"
              routerLinkActive="active"
              #rld="routerLinkActive"
              [attr.aria-current]="rld.isActive ? 'page' : null"
              [class.unread]="c.unread > 0 && c.notify === 'all'"
              [class.muted]="c.muted"
              data-testid="channel-item"
              [attr.data-channel-name]="c.name"
            >
              @let status = dmStatus(c);
              <span class="dot" [class]="'dot ' + status" aria-hidden="true"></span>
              <span class="name">{{ c | channelName }}</span>
              <span class="visually-hidden">{{ counts(c) }}</span>
              @if (c.mentions > 0 && !c.muted) {
                <span class="badge mention" data-testid="mention-badge" aria-hidden="true">{{ c.mentions }}</span>
              } @else if (c.unread > 0 && c.notify === 'all') {
                <span class="badge mention" data-testid="unread-badge" aria-hidden="true">{{ c.unread > 99 ? '99+' : c.unread }}</span>
              }
            </a>
          </li>
        } @empty {
          <li class="empty">{{ 'chat.sidebar.noDirect' | transloco }}</li>
        }
      </ul>
      <div class="links">
        <button mat-button type="button" (click)="newMessage.emit()">
          <mat-icon aria-hidden="true" fontIcon="person_add" />{{ 'chat.dm.new' | transloco }}
        </button>
      </div>
    </nav>
  `,
  styleUrl: './channel-sidebar.component.scss',
})
export class ChannelSidebarComponent {
  protected readonly store = inject(ChatStore);
  private readonly people = inject(ChatPeopleStore);
  private readonly names = inject(ChannelNames);

  readonly newChannel = output<void>();
  readonly browse = output<void>();
  readonly newMessage = output<void>();

  private readonly presence = computed(() => this.people.presence());

  protected icon(c: MyChannel): string {
    return c.type === 'private' ? 'lock' : c.type === 'announcement' ? 'campaign' : 'tag';
  }

  /** A 1:1 DM shows the other person's presence; group DMs the best of the others. */
  protected dmStatus(c: MyChannel): 'online' | 'away' | 'offline' {
    const me = this.store.myId();
    const others = (c.directUserIds ?? []).filter((u) => u !== me);
    const states = others.map((u) => this.presence()[u] ?? 'offline');
    if (states.includes('online')) return 'online';
    if (states.includes('away')) return 'away';
    return 'offline';
  }

  protected counts(c: MyChannel): string {
    return this.names.counts(c);
  }
}
