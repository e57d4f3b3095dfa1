import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { DatePipe } from '@angular/common';
import { MatBadgeModule } from '@angular/material/badge';
import { MatButtonModule } from '@angular/material/button';
import { MatDividerModule } from '@angular/material/divider';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Notification } from '@klasteris/contracts';
import { LanguageService } from '../i18n/language.service';
import { NotificationsStore } from '../notifications/notifications.store';

@Component({
  selector: 'app-notification-bell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatBadgeModule, MatButtonModule, MatDividerModule, MatIconModule, MatMenuModule, TranslocoPipe, DatePipe],
  template: `
    <button
      mat-icon-button
      type="button"
      class="bell"
      [matMenuTriggerFor]="menu"
      data-testid="notification-bell"
      [attr.aria-label]="'notifications.bellLabel' | transloco: { count: store.unread() }"
    >
      <mat-icon
        aria-hidden="true"
        fontIcon="notifications"
        [matBadge]="badge()"
        [matBadgeHidden]="store.unread() === 0"
        matBadgeSize="medium"
        matBadgeOverlap="true"
        [matBadgeDescription]="''"
      />
    </button>
    <mat-menu #menu="matMenu" xPosition="before" class="notification-menu">
      <div class="head" (click)="$event.stopPropagation()" (keydown)="$event.stopPropagation()">
        <span class="title">{{ 'notifications.title' | transloco }}</span>
        @if (store.unread() > 0) {
          <button mat-button type="button" (click)="store.markAllRead()" data-testid="notifications-read-all">
            {{ 'notifications.markAllRead' | transloco }}
          </button>
        }
      </div>
      <mat-divider />
      @for (n of store.items(); track n.id) {
        <button mat-menu-item type="button" class="item" [class.unread]="!n.readAt" (click)="open(n)" data-testid="notification-item">
          <span class="dot" aria-hidden="true"></span>
          <span class="text">
            <span class="n-title">{{ n.title }}</span>
            @if (n.body) {
              <span class="n-body">{{ n.body }}</span>
            }
            <span class="n-time"
              >{{ n.createdAt | date: 'short' : undefined : language.lang() }}
              @if (!n.readAt) {
                <span class="visually-hidden">{{ 'notifications.unreadMark' | transloco }}</span>
              }
            </span>
          </span>
        </button>
      } @empty {
        <p class="empty">{{ 'notifications.empty' | transloco }}</p>
      }
      @if (store.hasMore()) {
        <mat-divider />
        <button mat-menu-item type="button" (click)="$event.stopPropagation(); store.loadMore()">
          {{ 'common.loadMore' | transloco }}
        </button>
      }
    </mat-menu>
  `,
  styles: `
    .bell {
      color: #fff;
    }
    .head {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
      padding: 4px 8px 4px 16px;
      min-width: 300px;
    }
    .title {
      font-weight: 500;
    }
    .item {
      height: auto !important;
      min-height: 56px;
      padding-top: 8px;
      padding-bottom: 8px;
    }
    .item ::ng-deep .mat-mdc-menu-item-text {
      display: flex;
      gap: 10px;
      align-items: flex-start;
    }
    .dot {
      width: 8px;
      height: 8px;
      border-radius: 50%;
      margin-top: 6px;
      flex: none;
      background: transparent;
    }
    .unread .dot {
      background: var(--k-teal);
    }
    .text {
      display: flex;
      flex-direction: column;
      white-space: normal;
      line-height: 1.35;
    }
    .n-title {
      font-weight: 500;
    }
    .unread .n-title {
      font-weight: 700;
    }
    .n-body,
    .n-time {
      font-size: 13px;
      color: var(--k-text-muted);
    }
    .n-body {
      display: -webkit-box;
      -webkit-line-clamp: 2;
      line-clamp: 2;
      -webkit-box-orient: vertical;
      overflow: hidden;
    }
    .empty {
      padding: 16px;
      margin: 0;
      color: var(--k-text-muted);
    }
  `,
})
export class NotificationBellComponent {
  protected readonly store = inject(NotificationsStore);
  protected readonly language = inject(LanguageService);
  private readonly router = inject(Router);

  protected readonly badge = computed(() => (this.store.unread() > 99 ? '99+' : String(this.store.unread())));

  open(n: Notification): void {
    this.store.markRead(n);
    if (n.link && n.link.startsWith('/')) void this.router.navigateByUrl(n.link);
  }
}
