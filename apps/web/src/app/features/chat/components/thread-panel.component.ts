import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
  viewChild,
  Injector,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Message } from '@klasteris/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthStore } from '../../../core/auth/auth.store';
import { ChatApi } from '../chat.api';
import { buildRows } from '../chat-logic';
import { ChatStore } from '../chat.store';
import { ComposerComponent, type ComposerSubmit } from './composer.component';
import { MessageItemComponent, type MessageAction } from './message-item.component';

/** A thread: the root message, its replies and a composer for replying. */
@Component({
  selector: 'app-thread-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatIconModule, MatProgressBarModule, TranslocoPipe, MessageItemComponent, ComposerComponent],
  template: `
    <aside class="thread" data-testid="thread-panel" [attr.aria-labelledby]="'thread-title-' + rootId()">
      <header class="head">
        <h2 class="title" [id]="'thread-title-' + rootId()" tabindex="-1" #title>{{ 'chat.thread.title' | transloco }}</h2>
        <button
          mat-icon-button
          type="button"
          (click)="closed.emit()"
          [attr.aria-label]="'chat.thread.close' | transloco"
          data-testid="thread-close"
        >
          <mat-icon aria-hidden="true" fontIcon="close" />
        </button>
      </header>
      @if (thread().loading && !thread().loaded) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
      }
      <div class="scroll" #scroll>
        @if (root(); as r) {
          <app-message-item
            class="root"
            [message]="r"
            [myId]="myId()"
            [inThread]="true"
            [canPost]="canPost()"
            (action)="action.emit($event)"
          />
          <div class="count" role="separator">
            <span>{{ 'chat.thread.replies' | transloco: { count: r.replyCount } }}</span>
          </div>
        } @else if (rootMissing()) {
          <p class="missing">{{ 'chat.notFound.title' | transloco }}</p>
        }
        @for (row of rows(); track row.key) {
          @if (row.kind === 'message') {
            <app-message-item
              [message]="row.message"
              [grouped]="row.grouped"
              [myId]="myId()"
              [inThread]="true"
              [canPost]="canPost()"
              (action)="action.emit($event)"
            />
          } @else if (row.kind === 'pending') {
            <app-message-item
              [pending]="row.pending"
              [grouped]="row.grouped"
              [myId]="myId()"
              [inThread]="true"
              (action)="action.emit($event)"
            />
          }
        }
      </div>
      @if (canPost() && root()) {
        <app-composer
          [channelId]="channelId()"
          [placeholder]="'chat.thread.placeholder' | transloco"
          testId="thread-composer"
          (submitted)="reply($event)"
        />
      }
    </aside>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      min-height: 0;
      background: #fff;
    }
    .thread {
      display: flex;
      flex-direction: column;
      flex: 1 1 auto;
      min-height: 0;
    }
    .head {
      display: flex;
      align-items: center;
      padding: 6px 8px 6px 16px;
      min-height: 52px;
      box-sizing: border-box;
      border-bottom: 1px solid var(--k-border);
    }
    .title {
      margin: 0 auto 0 0;
      font-size: 17px;
      font-weight: 700;
      color: var(--k-navy);
      outline: none;
    }
    .scroll {
      flex: 1 1 auto;
      overflow-y: auto;
      padding: 12px 0;
    }
    .count {
      display: flex;
      align-items: center;
      gap: 8px;
      margin: 8px 16px;
      font-size: 12px;
      color: var(--k-text-muted);
    }
    .count::after {
      content: '';
      flex: 1;
      border-top: 1px solid var(--k-border);
    }
    .missing {
      padding: 16px;
      color: var(--k-text-muted);
    }
  `,
})
export class ThreadPanelComponent {
  private readonly store = inject(ChatStore);
  private readonly api = inject(ChatApi);
  private readonly auth = inject(AuthStore);
  private readonly injector = inject(Injector);

  readonly channelId = input.required<string>();
  readonly rootId = input.required<string>();
  readonly canPost = input(true);
  readonly closed = output<void>();
  readonly action = output<MessageAction>();

  private readonly scroll = viewChild<ElementRef<HTMLElement>>('scroll');
  private readonly title = viewChild<ElementRef<HTMLElement>>('title');
  private readonly fetchedRoot = signal<Message | null>(null);
  protected readonly rootMissing = signal(false);
  protected readonly myId = computed(() => this.auth.user()?.id ?? null);
  protected readonly thread = computed(() => this.store.thread(this.rootId()));
  protected readonly root = computed(() => {
    this.store.windows();
    this.store.threads();
    return this.store.findMessage(this.rootId()) ?? this.fetchedRoot();
  });
  protected readonly rows = computed(() =>
    buildRows(
      this.thread().items,
      this.store.pending().filter((p) => p.threadRootId === this.rootId()),
      { dividerAfterSeq: null, myId: this.myId() },
    ).filter((r) => r.kind !== 'day'),
  );

  constructor() {
    effect(() => {
      const channelId = this.channelId();
      const rootId = this.rootId();
      untracked(() => {
        this.rootMissing.set(false);
        void this.store.loadThread(channelId, rootId);
        if (!this.store.findMessage(rootId)) {
          firstValueFrom(this.api.message(rootId))
            .then(({ message }) => this.fetchedRoot.set(message))
            .catch(() => this.rootMissing.set(true));
        }
        afterNextRender(() => this.title()?.nativeElement.focus(), { injector: this.injector });
      });
    });
    // keep the newest reply in view
    effect(() => {
      this.rows();
      afterNextRender(
        () => {
          const el = this.scroll()?.nativeElement;
          if (el) el.scrollTop = el.scrollHeight;
        },
        { injector: this.injector },
      );
    });
  }

  protected reply(e: ComposerSubmit): void {
    this.store.send(this.channelId(), e.body, { threadRootId: this.rootId(), attachments: e.attachments });
  }
}
