import { CdkVirtualScrollViewport, ScrollingModule, VIRTUAL_SCROLL_STRATEGY } from '@angular/cdk/scrolling';
import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  afterNextRender,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { LanguageService } from '../../../core/i18n/language.service';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ChatRow } from '../chat-logic';
import { ChatScrollStrategy } from './chat-scroll-strategy';
import { MessageItemComponent, type MessageAction } from './message-item.component';

/**
 * The message list of a channel, virtualised so that thousands of messages stay smooth: only
 * the rows near the visible area exist in the DOM. Sticks to the bottom while you are there,
 * keeps your place when older messages load above, and offers "jump to latest".
 */
@Component({
  selector: 'app-message-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ScrollingModule, DatePipe, MatButtonModule, MatIconModule, MatProgressBarModule, TranslocoPipe, MessageItemComponent],
  providers: [{ provide: VIRTUAL_SCROLL_STRATEGY, useFactory: () => inject(MessageListComponent).strategy }],
  template: `
    @if (loadingOlder()) {
      <mat-progress-bar class="top-progress" mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
    }
    <cdk-virtual-scroll-viewport class="viewport" tabindex="0" role="region" [attr.aria-label]="label()" data-testid="message-list">
      <div *cdkVirtualFor="let row of rows(); trackBy: trackRow; templateCacheSize: 0" class="row" [attr.data-row-key]="row.key">
        @switch (row.kind) {
          @case ('day') {
            <div class="day" role="separator">
              <span>{{ row.date | date: 'fullDate' : undefined : language.lang() }}</span>
            </div>
          }
          @case ('new') {
            <div class="new" role="separator" data-testid="new-divider">
              <span>{{ 'chat.list.newMessages' | transloco }}</span>
            </div>
          }
          @case ('message') {
            <app-message-item
              [message]="row.message"
              [grouped]="row.grouped"
              [myId]="myId()"
              [canPost]="canPost()"
              [class.highlight]="row.message.seq === highlightSeq()"
              (action)="action.emit($event)"
            />
          }
          @case ('pending') {
            <app-message-item
              [pending]="row.pending"
              [grouped]="row.grouped"
              [myId]="myId()"
              [canPost]="canPost()"
              (action)="action.emit($event)"
            />
          }
        }
      </div>
    </cdk-virtual-scroll-viewport>
    @if (!atBottom() || hasMoreAfter()) {
      <button mat-flat-button type="button" class="jump" (click)="jumpToLatest()" data-testid="jump-latest">
        <mat-icon aria-hidden="true" fontIcon="arrow_downward" />{{ 'chat.list.jumpToLatest' | transloco }}
      </button>
    }
  `,
  styles: `
    :host {
      display: block;
      position: relative;
      min-height: 0;
    }
    .viewport {
      height: 100%;
      outline-offset: -3px;
    }
    .row {
      display: flow-root;
    }
    .top-progress {
      position: absolute;
      top: 0;
      left: 0;
      right: 0;
      z-index: 3;
    }
    .day,
    .new {
      display: flex;
      align-items: center;
      gap: 8px;
      margin: 10px 16px 6px;
      font-size: 12px;
      font-weight: 500;
    }
    .day::before,
    .day::after,
    .new::before,
    .new::after {
      content: '';
      flex: 1;
      border-top: 1px solid var(--k-border);
    }
    .day span {
      padding: 2px 12px;
      border: 1px solid var(--k-border);
      border-radius: 12px;
      background: #fff;
      color: var(--k-text-muted);
    }
    .new {
      color: #b3261e;
    }
    .new::before,
    .new::after {
      border-color: #e57373;
    }
    .highlight {
      background: #fff3c4;
      transition: background 2s;
    }
    .jump {
      position: absolute;
      bottom: 12px;
      left: 50%;
      transform: translateX(-50%);
      z-index: 3;
      box-shadow: var(--k-shadow);
    }
  `,
})
export class MessageListComponent {
  protected readonly language = inject(LanguageService);
  readonly rows = input.required<ChatRow[]>();
  readonly myId = input<string | null>(null);
  readonly canPost = input(true);
  readonly label = input('');
  readonly loadingOlder = input(false);
  readonly hasMoreAfter = input(false);
  /** on first render, show this row at the top instead of the bottom (e.g. the new-messages divider) */
  readonly focusKey = input<string | null>(null);
  readonly highlightSeq = input<number | null>(null);

  readonly nearTop = output<void>();
  readonly bottomChange = output<boolean>();
  readonly latest = output<void>();
  readonly action = output<MessageAction>();

  private readonly viewport = viewChild(CdkVirtualScrollViewport);
  protected readonly atBottom = signal(true);
  readonly strategy = new ChatScrollStrategy(() => this.rows().map((r) => r.key));
  private positioned = false;
  private readonly injector = inject(Injector);

  protected readonly trackRow = (_: number, row: ChatRow): string => row.key;

  constructor() {
    this.strategy.onBottomChange = (b) => {
      this.atBottom.set(b);
      this.bottomChange.emit(b);
    };
    this.strategy.onNearTop = () => this.nearTop.emit();
    // rows whose number did not change (pending → stored, edits) still need a fresh layout
    effect(() => {
      this.rows();
      untracked(() => this.strategy.refresh());
    });
    // first position: the focus row (divider or a message in context) or the bottom
    effect(() => {
      const rows = this.rows();
      const focus = this.focusKey();
      if (this.positioned || rows.length === 0) return;
      this.positioned = true;
      untracked(() =>
        afterNextRender(
          () => {
            if (!focus || !this.strategy.scrollToKey(focus)) this.strategy.scrollToBottom();
          },
          { injector: this.injector },
        ),
      );
    });
  }

  /** Scrolls to a row (message in context) after it was loaded. */
  scrollToKey(key: string): void {
    afterNextRender(() => this.strategy.scrollToKey(key), { injector: this.injector });
  }

  scrollToBottom(): void {
    this.strategy.scrollToBottom();
  }

  isAtBottom(): boolean {
    return this.strategy.isAtBottom();
  }

  protected jumpToLatest(): void {
    this.latest.emit();
    this.strategy.scrollToBottom('smooth');
    this.viewport()?.getElementRef().nativeElement.focus();
  }
}
