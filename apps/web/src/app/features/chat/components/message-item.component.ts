import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, ElementRef, computed, effect, inject, input, output, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatTooltipModule } from '@angular/material/tooltip';
import { LanguageService } from '../../../core/i18n/language.service';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { Attachment, Message, Reaction } from '@klasteris/contracts';
import { AvatarComponent } from '../../../shared/ui/avatar.component';
import { ChatPeopleStore, type ChatPerson } from '../chat-people.store';
import { ChatStore } from '../chat.store';
import type { PendingMessage } from '../chat-logic';
import { renderMarkdown } from '../../../shared/markdown';
import { AttachmentViewComponent } from './attachment-view.component';
import { ChatCardsStore } from '../chat-cards.store';
import { MessageCardComponent } from './message-card.component';
import { MatDialog } from '@angular/material/dialog';
import { EmojiPickerDialogComponent } from './emoji-picker-dialog.component';

export const QUICK_EMOJI = ['👍', '❤️', '😂', '🎉', '👀', '🙏', '✅', '🔥', '😮', '😢', '🚀', '👏'];

export type MessageAction =
  | { kind: 'react'; message: Message; emoji: string }
  | { kind: 'thread'; message: Message }
  | { kind: 'edit'; message: Message; body: string }
  | { kind: 'delete'; message: Message }
  | { kind: 'pin'; message: Message; pinned: boolean }
  | { kind: 'history'; message: Message }
  | { kind: 'report'; message: Message }
  | { kind: 'card'; message: Message }
  | { kind: 'link-card'; message: Message }
  | { kind: 'retry'; pending: PendingMessage }
  | { kind: 'discard'; pending: PendingMessage };

/** One message (stored or pending) with its actions: react, reply in thread, edit, delete, pin. */
@Component({
  selector: 'app-message-item',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    FormsModule,
    MatButtonModule,
    MatIconModule,
    MatMenuModule,
    MatTooltipModule,
    TranslocoPipe,
    AvatarComponent,
    AttachmentViewComponent,
    MessageCardComponent,
  ],
  templateUrl: './message-item.component.html',
  styleUrl: './message-item.component.scss',
  host: {
    role: 'article',
    '[class.grouped]': 'grouped()',
    '[class.pending]': '!!pending()',
    '[class.failed]': "pending()?.state === 'failed'",
    '[class.mentioned]': 'mentionsMe()',
    '[attr.data-testid]': "'message-item'",
    '[attr.data-seq]': 'message()?.seq ?? null',
    '[attr.data-pending]': 'pending() ? pending()!.state : null',
    '[attr.aria-label]': 'ariaLabel()',
    '(keydown.escape)': 'cancelEdit()',
  },
})
export class MessageItemComponent {
  protected readonly language = inject(LanguageService);
  private readonly people = inject(ChatPeopleStore);
  private readonly chat = inject(ChatStore);
  private readonly transloco = inject(TranslocoService);
  private readonly cards = inject(ChatCardsStore);

  readonly message = input<Message | null>(null);
  readonly pending = input<PendingMessage | null>(null);
  readonly grouped = input(false);
  readonly myId = input<string | null>(null);
  /** inside the thread panel: no "reply in thread" */
  readonly inThread = input(false);
  readonly canPost = input(true);
  readonly action = output<MessageAction>();

  protected readonly quickEmoji = QUICK_EMOJI;
  protected readonly editing = signal(false);
  protected editBody = '';
  private readonly editBox = viewChild<ElementRef<HTMLTextAreaElement>>('editBox');

  protected readonly authorId = computed(() => this.message()?.authorId ?? this.pending()?.authorId ?? '');
  protected readonly author = computed<ChatPerson | null>(() => this.people.people()[this.authorId()] ?? null);
  protected readonly authorName = computed(() => {
    this.language.lang();
    return this.author()?.displayName ?? this.transloco.translate('chat.unknownPerson');
  });
  protected readonly createdAt = computed(() => this.message()?.createdAt ?? this.pending()?.createdAt ?? '');
  protected readonly mine = computed(() => !!this.myId() && this.authorId() === this.myId());
  protected readonly deleted = computed(() => !!this.message()?.deletedAt);
  /** others' messages in working-group channels can be reported to the group's coordinators */
  protected readonly canReport = computed(() => {
    const m = this.message();
    return !!m && !this.mine() && !!m.authorId && !!this.chat.channel(m.channelId)?.groupId;
  });
  /** "Create card…": a message without a card yet, and I may create cards in some project */
  protected readonly canCreateCard = computed(() => {
    const m = this.message();
    return !!m && !m.cardId && this.cards.canCreate();
  });
  /** "Link to a card…": a message without a card yet, and I own some project */
  protected readonly canLinkCard = computed(() => {
    const m = this.message();
    return !!m && !m.cardId && this.cards.canLink();
  });
  protected readonly attachments = computed<Attachment[]>(() => this.message()?.attachments ?? this.pending()?.attachments ?? []);
  protected readonly reactions = computed<Reaction[]>(() => this.message()?.reactions ?? []);
  protected readonly mentionsMe = computed(() => {
    const m = this.message();
    const me = this.myId();
    return !!m && !m.deletedAt && m.authorId !== me && ((!!me && m.mentions.includes(me)) || m.mentionsChannel);
  });
  protected readonly html = computed(() => {
    this.language.lang();
    const body = this.message()?.body ?? this.pending()?.body ?? '';
    const people = this.people.people();
    return renderMarkdown(body, {
      nameOf: (id) => people[id]?.displayName ?? null,
      myId: this.myId(),
      unknownName: this.transloco.translate('chat.unknownPerson'),
    });
  });
  protected readonly ariaLabel = computed(() => this.authorName());

  constructor() {
    // names of authors and mentioned people the member lists do not hold
    effect(() => {
      const m = this.message();
      if (m) this.people.want([m.authorId, ...m.mentions]);
    });
  }

  protected reactedByMe(r: Reaction): boolean {
    const me = this.myId();
    return !!me && r.userIds.includes(me);
  }

  protected reactionLabel(r: Reaction): string {
    const names = r.userIds.map((id) => this.people.people()[id]?.displayName ?? '…');
    return this.transloco.translate('chat.reactions.label', { emoji: r.emoji, count: r.userIds.length, names: names.join(', ') });
  }

  protected reactionWho(r: Reaction): string {
    const names = r.userIds.map((id) => this.people.people()[id]?.displayName ?? '…');
    return this.transloco.translate('chat.reactions.who', { names: names.join(', ') });
  }

  private readonly dialog = inject(MatDialog);

  /** Any emoji, from the full picker (search, skin tones). */
  protected pickAnyEmoji(): void {
    this.dialog
      .open<EmojiPickerDialogComponent, void, string>(EmojiPickerDialogComponent, { width: 'min(420px, 94vw)', autoFocus: 'dialog' })
      .afterClosed()
      .subscribe((emoji) => {
        if (emoji) this.react(emoji);
      });
  }

  protected react(emoji: string): void {
    const m = this.message();
    if (m) this.action.emit({ kind: 'react', message: m, emoji });
  }

  protected openThread(): void {
    const m = this.message();
    if (m) this.action.emit({ kind: 'thread', message: m });
  }

  protected startEdit(): void {
    const m = this.message();
    if (!m) return;
    this.editBody = m.body;
    this.editing.set(true);
    setTimeout(() => this.editBox()?.nativeElement.focus());
  }

  protected cancelEdit(): void {
    this.editing.set(false);
  }

  protected saveEdit(): void {
    const m = this.message();
    const body = this.editBody.trim();
    if (!m || !body) return;
    this.editing.set(false);
    if (body !== m.body) this.action.emit({ kind: 'edit', message: m, body });
  }

  protected onEditKey(event: KeyboardEvent): void {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      this.saveEdit();
    }
  }

  protected emit(kind: 'delete' | 'history' | 'report' | 'card' | 'link-card'): void {
    const m = this.message();
    if (m) this.action.emit({ kind, message: m });
  }

  protected pin(): void {
    const m = this.message();
    if (m) this.action.emit({ kind: 'pin', message: m, pinned: !m.pinned });
  }

  protected retry(): void {
    const p = this.pending();
    if (p) this.action.emit({ kind: 'retry', pending: p });
  }

  protected discard(): void {
    const p = this.pending();
    if (p) this.action.emit({ kind: 'discard', pending: p });
  }
}
