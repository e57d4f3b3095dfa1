import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  numberAttribute,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTooltipModule } from '@angular/material/tooltip';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ChannelNotifyLevels, type AckError, type ChannelNotifyLevel, type Message } from '@klasteris/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthStore } from '../../../core/auth/auth.store';
import { ErrorMessageService } from '../../../core/http/error-message.service';
import { LanguageService } from '../../../core/i18n/language.service';
import { ConfirmDialogComponent, type ConfirmDialogData } from '../../../shared/ui/confirm-dialog.component';
import { EmptyStateComponent } from '../../../shared/ui/empty-state.component';
import { ChatApi } from '../chat.api';
import { cardTitleFrom } from '../card-from-message';
import { ChatCardsStore } from '../chat-cards.store';
import { ChatLive } from '../chat-live.store';
import { buildRows, maxSeq, messageKey } from '../chat-logic';
import { ChatPeopleStore } from '../chat-people.store';
import { ChatStore } from '../chat.store';
import { markdownText, plainText } from '../../../shared/markdown';
import { ChannelDetailsComponent } from '../components/channel-details.component';
import { ChannelNamePipe } from '../components/channel-name.pipe';
import { ComposerComponent, type ComposerSubmit } from '../components/composer.component';
import { CreateCardDialogComponent, type CreateCardDialogData, type CreateCardResult } from '../components/create-card-dialog.component';
import { LinkCardDialogComponent, type LinkCardDialogData } from '../components/link-card-dialog.component';
import { EditHistoryDialogComponent } from '../components/edit-history-dialog.component';
import { MessageListComponent } from '../components/message-list.component';
import { ReportDialogComponent, type ReportDialogData, type ReportOutcome } from '../components/report-dialog.component';
import type { MessageAction } from '../components/message-item.component';
import { ThreadPanelComponent } from '../components/thread-panel.component';

/** One channel: header, virtualised messages, typing line, composer, and the thread/details panel. */
@Component({
  selector: 'app-channel-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatIconModule,
    MatMenuModule,
    MatTooltipModule,
    TranslocoPipe,
    EmptyStateComponent,
    ChannelNamePipe,
    MessageListComponent,
    ComposerComponent,
    ThreadPanelComponent,
    ChannelDetailsComponent,
  ],
  templateUrl: './channel.page.html',
  styleUrl: './channel.page.scss',
  host: { '(keydown.escape)': 'closePanel()' },
})
export class ChannelPage {
  protected readonly store = inject(ChatStore);
  protected readonly people = inject(ChatPeopleStore);
  private readonly api = inject(ChatApi);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);
  private readonly snack = inject(MatSnackBar);
  private readonly errors = inject(ErrorMessageService);
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageService);
  private readonly cards = inject(ChatCardsStore);
  private readonly live = inject(ChatLive);

  /** route parameter and query parameters (component input binding) */
  readonly channelId = input.required<string>();
  readonly thread = input<string | undefined>();
  readonly panel = input<string | undefined>();
  readonly seq = input<number | undefined, unknown>(undefined, {
    transform: (v: unknown) => (v === undefined || v === null || v === '' ? undefined : numberAttribute(v)),
  });

  private readonly list = viewChild(MessageListComponent);
  private readonly composer = viewChild<ComposerComponent>('mainComposer');
  protected readonly missing = signal(false);
  protected readonly atBottom = signal(true);
  protected readonly liveText = signal('');
  /** the read position when the channel was opened: the "new messages" divider stays there */
  private readonly dividerAfter = signal<number | null>(null);
  private dividerFor: string | null = null;
  private lastAnnounced = new Map<string, number>();

  protected readonly channel = computed(() => this.store.activeChannel());
  protected readonly window = computed(() => this.store.window(this.channelId()));
  protected readonly myId = computed(() => this.auth.user()?.id ?? null);
  protected readonly isMember = this.store.isMember;
  protected readonly notifyLevels = ChannelNotifyLevels;

  protected notifyIcon(level: ChannelNotifyLevel): string {
    return level === 'all' ? 'notifications' : level === 'mentions' ? 'alternate_email' : 'notifications_off';
  }

  /** my level here: all messages, mentions only, or muted (no badge, no digest) */
  protected async setNotify(level: ChannelNotifyLevel): Promise<void> {
    const id = this.channelId();
    try {
      const { channel } = await firstValueFrom(this.api.setNotify(id, level));
      this.store.upsertChannel({ id, notify: channel.notify, muted: channel.muted });
      this.snack.open(
        this.transloco.translate('chat.notify.saved', { level: this.transloco.translate<string>(`chat.notify.${level}`) }),
        undefined,
        { duration: 2500 },
      );
    } catch (err) {
      this.snack.open(this.errors.message(err), undefined, { duration: 4000 });
    }
  }
  protected readonly canPost = computed(() => {
    const c = this.channel();
    if (!c || !this.isMember() || c.archived) return false;
    return c.type !== 'announcement' || c.role === 'owner' || this.auth.isStaff();
  });
  protected readonly rows = computed(() =>
    buildRows(
      this.window().items,
      this.store.pending().filter((p) => p.channelId === this.channelId() && !p.threadRootId),
      { dividerAfterSeq: this.dividerAfter(), myId: this.myId() },
    ),
  );
  protected readonly focusKey = computed(() => {
    const seq = this.seq();
    if (seq !== undefined) {
      const m = this.window().items.find((x) => x.seq === seq);
      return m ? messageKey(m.authorId, m.clientMsgId) : null;
    }
    return this.rows().some((r) => r.kind === 'new') ? 'new' : null;
  });
  protected readonly typingText = computed(() => {
    this.language.lang();
    this.people.typing();
    const ids = this.people.typingIn(this.channelId());
    const names = ids.map((id) => this.people.people()[id]?.displayName ?? '…');
    if (names.length === 0) return '';
    if (names.length === 1) return this.transloco.translate('chat.typing.one', { name: names[0] });
    if (names.length === 2) return this.transloco.translate('chat.typing.two', { a: names[0], b: names[1] });
    return this.transloco.translate('chat.typing.many');
  });
  protected readonly listLabel = computed(() => {
    this.language.lang();
    const c = this.channel();
    return c ? this.transloco.translate('chat.list.label', { name: c.type === 'direct' ? '' : `#${c.name}` }) : '';
  });
  protected readonly placeholder = computed(() => {
    this.language.lang();
    const c = this.channel();
    if (!c) return '';
    return c.type === 'direct'
      ? this.transloco.translate('chat.composer.placeholderDirect')
      : this.transloco.translate('chat.composer.placeholder', { name: c.name });
  });

  constructor() {
    // open the channel when the route changes
    effect(() => {
      const id = this.channelId();
      untracked(() => this.openChannel(id));
    });
    // a message in context (?seq=) loads the messages around it
    effect(() => {
      const id = this.channelId();
      const seq = this.seq();
      if (seq !== undefined && this.store.window(id).loaded) untracked(() => void this.store.jumpTo(id, seq));
    });
    // remember where the divider goes, once per opening
    effect(() => {
      const c = this.channel();
      const w = this.window();
      if (!c || !w.loaded || this.dividerFor === c.id) return;
      this.dividerFor = c.id;
      untracked(() => this.dividerAfter.set(c.lastSeq > c.lastReadSeq ? c.lastReadSeq : null));
    });
    // read when the bottom is visible
    effect(() => {
      const c = this.channel();
      const w = this.window();
      if (!c || !this.atBottom() || w.hasMoreAfter || !w.loaded) return;
      const seq = Math.max(maxSeq(w.items), c.lastSeq);
      if (seq > c.lastReadSeq && document.visibilityState === 'visible') untracked(() => this.store.markRead(c.id, seq));
    });
    // announce new messages of others politely
    effect(() => {
      const items = this.window().items;
      const id = this.channelId();
      const last = items[items.length - 1];
      if (!last) return;
      const prev = this.lastAnnounced.get(id);
      this.lastAnnounced.set(id, last.seq);
      if (prev === undefined || last.seq <= prev || last.authorId === this.myId() || last.deletedAt) return;
      const name = this.people.person(last.authorId)?.displayName ?? '';
      const text = plainText(last.body, { nameOf: (u) => this.people.person(u)?.displayName ?? null }).slice(0, 140);
      untracked(() => this.liveText.set(this.transloco.translate('chat.list.announce', { name, text })));
    });
    // authors the client does not know yet (joined after the member list was loaded): reload the members
    effect(() => {
      const id = this.channelId();
      const known = this.people.people();
      const unknown = this.window().items.filter((m) => m.authorId && !known[m.authorId] && !this.askedFor.has(m.authorId));
      if (unknown.length === 0) return;
      for (const m of unknown) this.askedFor.add(m.authorId);
      untracked(() => this.people.loadMembers(id, true));
    });
    // "Create card…" is offered when I may create cards in some project (asked again on each visit to the chat)
    void this.cards.loadProjects(true);
    inject(DestroyRef).onDestroy(() => this.store.open(null));
  }

  private readonly askedFor = new Set<string>();

  private openChannel(id: string): void {
    this.missing.set(false);
    this.dividerFor = null;
    this.dividerAfter.set(null);
    this.store.open(id);
    this.people.loadMembers(id);
    if (!this.store.channel(id)) {
      void this.store.loadChannels().then(async () => {
        if (this.store.channel(id)) return;
        const c = await this.store.fetchChannel(id);
        if (!c && this.channelId() === id) this.missing.set(true);
      });
    }
    setTimeout(() => this.composer()?.focus());
  }

  protected onSubmit(e: ComposerSubmit): void {
    this.store.send(this.channelId(), e.body, { attachments: e.attachments });
    this.list()?.scrollToBottom();
  }

  protected loadOlder(): void {
    void this.store.loadOlder(this.channelId());
  }

  protected onBottom(atBottom: boolean): void {
    this.atBottom.set(atBottom);
    if (atBottom && this.window().hasMoreAfter) void this.store.loadNewer(this.channelId());
  }

  protected toLatest(): void {
    if (this.seq() !== undefined)
      void this.router.navigate([], { queryParams: { seq: null }, queryParamsHandling: 'merge', replaceUrl: true });
    void this.store.jumpToLatest(this.channelId()).then(() => this.list()?.scrollToBottom());
  }

  async onAction(a: MessageAction): Promise<void> {
    switch (a.kind) {
      case 'react':
        this.report(await this.store.toggleReaction(a.message.id, a.emoji));
        return;
      case 'thread':
        void this.router.navigate([], { queryParams: { thread: a.message.id, panel: null }, queryParamsHandling: 'merge' });
        return;
      case 'edit':
        this.report(await this.store.edit(a.message.id, a.body));
        return;
      case 'delete':
        return this.confirmDelete(a.message);
      case 'pin':
        try {
          await this.store.setPinned(a.message, a.pinned);
        } catch (err) {
          this.snack.open(this.errors.message(err), this.transloco.translate('common.close'));
        }
        return;
      case 'history':
        this.dialog.open(EditHistoryDialogComponent, { data: a.message, width: '560px', maxWidth: '95vw' });
        return;
      case 'report':
        return this.openReport(a.message);
      case 'card':
        return this.openCreateCard(a.message);
      case 'link-card':
        return this.openLinkCard(a.message);
      case 'retry':
        this.store.retry(a.pending.clientMsgId);
        return;
      case 'discard':
        this.store.discard(a.pending.clientMsgId);
        return;
    }
  }

  private openCreateCard(message: Message): void {
    const projects = this.cards.projects() ?? [];
    if (projects.length === 0) return;
    const nameOf = (id: string): string | null => this.people.person(id)?.displayName ?? null;
    const text = markdownText(message.body, { nameOf, unknownName: this.transloco.translate('chat.unknownPerson') });
    const data: CreateCardDialogData = {
      message,
      projects,
      title: cardTitleFrom(text),
      authorName: nameOf(message.authorId) ?? this.transloco.translate('chat.unknownPerson'),
      excerpt: text.slice(0, 400),
      projectId: this.store.channel(message.channelId)?.projectId ?? null,
    };
    this.dialog
      .open(CreateCardDialogComponent, { data, width: '520px', maxWidth: '95vw', restoreFocus: true })
      .afterClosed()
      .subscribe((result: CreateCardResult | undefined) => {
        if (!result) return;
        this.cards.remember(result.card);
        // the message shows the card at once (its latest copy); the server's message:updated brings the same
        const held = this.store.window(message.channelId).items.find((m) => m.id === message.id);
        if (held && !held.cardId) this.live.receive([{ ...held, cardId: result.card.id }], false);
        this.snack.open(
          this.transloco.translate('chat.card.created', { title: result.card.title, project: result.project.name }),
          undefined,
          { duration: 5000 },
        );
      });
  }

  private openLinkCard(message: Message): void {
    const projects = this.cards.owned();
    if (projects.length === 0) return;
    const nameOf = (id: string): string | null => this.people.person(id)?.displayName ?? null;
    const text = markdownText(message.body, { nameOf, unknownName: this.transloco.translate('chat.unknownPerson') });
    const data: LinkCardDialogData = {
      message,
      projects,
      authorName: nameOf(message.authorId) ?? this.transloco.translate('chat.unknownPerson'),
      excerpt: text.slice(0, 400),
      projectId: this.store.channel(message.channelId)?.projectId ?? null,
    };
    this.dialog
      .open(LinkCardDialogComponent, { data, width: '560px', maxWidth: '95vw', restoreFocus: true })
      .afterClosed()
      .subscribe((result: CreateCardResult | undefined) => {
        if (!result) return;
        this.cards.remember(result.card);
        const held = this.store.window(message.channelId).items.find((m) => m.id === message.id);
        if (held && !held.cardId) this.live.receive([{ ...held, cardId: result.card.id }], false);
        this.snack.open(this.transloco.translate('chat.card.link.done', { title: result.card.title }), undefined, { duration: 5000 });
      });
  }

  private openReport(message: Message): void {
    const people = (id: string): string | null => this.people.person(id)?.displayName ?? null;
    const data: ReportDialogData = {
      message,
      authorName: people(message.authorId) ?? this.transloco.translate('chat.unknownPerson'),
      excerpt: plainText(message.body, { nameOf: people }).slice(0, 400),
    };
    this.dialog
      .open(ReportDialogComponent, { data, width: '480px', maxWidth: '95vw', autoFocus: 'first-tabbable', restoreFocus: true })
      .afterClosed()
      .subscribe((outcome: ReportOutcome | undefined) => {
        if (outcome) this.snack.open(this.transloco.translate(`moderation.report.${outcome}`), undefined, { duration: 5000 });
      });
  }

  private confirmDelete(m: Message): void {
    const data: ConfirmDialogData = {
      title: this.transloco.translate('chat.message.deleteTitle'),
      message: this.transloco.translate('chat.message.deleteText'),
      confirmLabel: this.transloco.translate('chat.message.delete'),
      danger: true,
    };
    this.dialog
      .open(ConfirmDialogComponent, { data, width: '420px' })
      .afterClosed()
      .subscribe((ok: unknown) => {
        if (ok) void this.store.remove(m.id).then((error) => this.report(error));
      });
  }

  private report(error: AckError | null): void {
    if (!error) return;
    const key = `errors.${error.code}`;
    const text = this.transloco.translate(key);
    this.snack.open(text === key ? this.transloco.translate('errors.UNKNOWN') : text, this.transloco.translate('common.close'));
  }

  protected async join(): Promise<void> {
    try {
      const { channel } = await firstValueFrom(this.api.join(this.channelId()));
      this.store.upsertChannel(channel);
      this.people.loadMembers(this.channelId(), true);
    } catch (err) {
      this.snack.open(this.errors.message(err), this.transloco.translate('common.close'));
    }
  }

  protected openDetails(): void {
    void this.router.navigate([], { queryParams: { panel: 'details', thread: null }, queryParamsHandling: 'merge' });
  }

  closePanel(): void {
    if (!this.thread() && !this.panel()) return;
    void this.router.navigate([], { queryParams: { panel: null, thread: null }, queryParamsHandling: 'merge' });
    setTimeout(() => this.composer()?.focus());
  }

  protected back(): void {
    void this.router.navigate(['/chat']);
  }
}
