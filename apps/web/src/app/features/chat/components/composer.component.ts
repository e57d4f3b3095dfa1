import { TextFieldModule } from '@angular/cdk/text-field';
import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, ElementRef, computed, effect, inject, input, output, signal, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTooltipModule } from '@angular/material/tooltip';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { MESSAGE_MAX_LENGTH, type Attachment } from '@klasteris/contracts';
import { firstValueFrom } from 'rxjs';
import { ErrorMessageService } from '../../../core/http/error-message.service';
import { LanguageService } from '../../../core/i18n/language.service';
import { AvatarComponent } from '../../../shared/ui/avatar.component';
import { ChatApi } from '../chat.api';
import { ChatPeopleStore, memberToPerson, type ChatPerson } from '../chat-people.store';
import { ChatStore } from '../chat.store';
import { formatSize } from '../../../shared/format';

export interface ComposerSubmit {
  body: string;
  attachments: Attachment[];
}

interface Upload {
  key: string;
  name: string;
  size: number;
  attachment: Attachment | null;
}

const MAX_SUGGESTIONS = 8;

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** Replaces the `@Name` of people picked from the autocomplete by `<@id>` tokens the server understands. */
export function encodeMentions(text: string, picked: ReadonlyMap<string, string>): string {
  let out = text;
  const names = [...picked.keys()].sort((a, b) => b.length - a.length);
  for (const name of names) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out.replace(
      new RegExp(`(^|[^\\p{L}\\p{N}_])@${escaped}(?![\\p{L}\\p{N}_])`, 'gu'),
      (_m, lead: string) => `${lead}<@${picked.get(name)}>`,
    );
  }
  return out;
}

/**
 * The message box: Enter sends, Shift+Enter adds a line, Ctrl/⌘+B and Ctrl/⌘+I wrap the selection
 * in Markdown, "@" suggests channel members, files can be attached, dropped or pasted.
 */
@Component({
  selector: 'app-composer',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    TextFieldModule,
    MatButtonModule,
    MatIconModule,
    MatProgressSpinnerModule,
    MatTooltipModule,
    TranslocoPipe,
    AvatarComponent,
  ],
  templateUrl: './composer.component.html',
  styleUrl: './composer.component.scss',
  host: {
    '[class.dragging]': 'dragging()',
    '(dragover)': 'onDragOver($event)',
    '(dragleave)': 'dragging.set(false)',
    '(drop)': 'onDrop($event)',
  },
})
export class ComposerComponent {
  private readonly api = inject(ChatApi);
  private readonly people = inject(ChatPeopleStore);
  private readonly snack = inject(MatSnackBar);
  private readonly errors = inject(ErrorMessageService);
  private readonly transloco = inject(TranslocoService);
  private readonly chat = inject(ChatStore);
  protected readonly language = inject(LanguageService);

  readonly channelId = input.required<string>();
  readonly placeholder = input('');
  /** data-testid prefix: `composer` or `thread-composer` */
  readonly testId = input('composer');
  readonly submitted = output<ComposerSubmit>();

  private readonly box = viewChild.required<ElementRef<HTMLTextAreaElement>>('box');
  private readonly fileInput = viewChild.required<ElementRef<HTMLInputElement>>('fileInput');
  protected readonly text = signal('');
  protected readonly uploads = signal<Upload[]>([]);
  protected readonly dragging = signal(false);
  protected readonly maxLength = MESSAGE_MAX_LENGTH;
  protected readonly suggestions = signal<ChatPerson[]>([]);
  protected readonly activeSuggestion = signal(0);
  private mentionStart = -1;
  private readonly picked = new Map<string, string>();

  // ---- moderation: a timed mute locks the box until it ends; slow mode counts down after each post ----
  /** ticks every second while a mute or a slow-mode wait is running, so both lift by themselves */
  protected readonly now = signal(Date.now());
  private readonly channel = computed(() => this.chat.channel(this.channelId()));
  protected readonly mutedUntil = computed(() => {
    const until = this.channel()?.mutedUntil;
    return until && Date.parse(until) > this.now() ? until : null;
  });
  /** seconds between posts that apply to me (0: no slow mode, or I am exempt) */
  protected readonly slowMode = computed(() => {
    const c = this.channel();
    return c && !c.slowModeExempt ? c.slowModeSeconds : 0;
  });
  protected readonly slowWait = computed(() => {
    if (this.slowMode() === 0) return 0; // turned off (or exempt) meanwhile
    const until = this.chat.slowUntil()[this.channelId()] ?? 0;
    return until > this.now() ? Math.ceil((until - this.now()) / 1000) : 0;
  });

  protected readonly uploading = computed(() => this.uploads().some((u) => !u.attachment));
  protected readonly canSend = computed(
    () =>
      !this.mutedUntil() &&
      this.slowWait() === 0 &&
      !this.uploading() &&
      (this.text().trim().length > 0 || this.uploads().length > 0) &&
      this.text().length <= MESSAGE_MAX_LENGTH,
  );
  protected readonly listId = computed(() => `${this.testId()}-mentions-${this.channelId()}`);

  constructor() {
    effect((onCleanup) => {
      const until = this.channel()?.mutedUntil;
      const slow = this.chat.slowUntil()[this.channelId()] ?? 0;
      const end = Math.max(until ? Date.parse(until) : 0, slow);
      this.now.set(Date.now());
      if (end <= Date.now()) return;
      const timer = setInterval(() => {
        this.now.set(Date.now());
        if (Date.now() >= end) clearInterval(timer);
      }, 1000);
      onCleanup(() => clearInterval(timer));
    });
  }

  focus(): void {
    this.box().nativeElement.focus();
  }

  protected onInput(): void {
    const el = this.box().nativeElement;
    this.text.set(el.value);
    if (el.value.trim()) this.people.notifyTyping(this.channelId());
    this.updateSuggestions();
  }

  protected onKeydown(event: KeyboardEvent): void {
    const list = this.suggestions();
    if (list.length) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        this.activeSuggestion.update((i) => (i + step + list.length) % list.length);
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        this.pick(list[this.activeSuggestion()]);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        this.suggestions.set([]);
        return;
      }
    }
    const mod = event.ctrlKey || event.metaKey;
    if (mod && (event.key === 'b' || event.key === 'B')) {
      event.preventDefault();
      this.wrap('**');
      return;
    }
    if (mod && (event.key === 'i' || event.key === 'I')) {
      event.preventDefault();
      this.wrap('_');
      return;
    }
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      this.send();
    }
  }

  send(): void {
    if (!this.canSend()) return;
    const body = encodeMentions(this.text().trim(), this.picked);
    const attachments = this.uploads().flatMap((u) => (u.attachment ? [u.attachment] : []));
    this.submitted.emit({ body, attachments });
    this.box().nativeElement.value = '';
    this.text.set('');
    this.uploads.set([]);
    this.picked.clear();
    this.suggestions.set([]);
    this.people.resetTyping(this.channelId());
    this.focus();
  }

  /** Wraps the selection (or inserts an empty pair) in a Markdown marker. */
  private wrap(marker: string): void {
    const el = this.box().nativeElement;
    const { selectionStart: s, selectionEnd: e, value } = el;
    const selected = value.slice(s, e);
    el.setRangeText(`${marker}${selected}${marker}`, s, e, 'end');
    if (!selected) el.setSelectionRange(s + marker.length, s + marker.length);
    this.text.set(el.value);
  }

  // ---- mentions ----

  private updateSuggestions(): void {
    const el = this.box().nativeElement;
    const before = el.value.slice(0, el.selectionStart);
    const match = /(^|[\s(])@([\p{L}\p{N}_.-]{0,30})$/u.exec(before);
    if (!match) {
      this.suggestions.set([]);
      return;
    }
    this.mentionStart = before.length - match[2].length - 1;
    const q = fold(match[2]);
    const members = (this.people.members()[this.channelId()] ?? []).map(memberToPerson);
    const list = members.filter(
      (p) =>
        fold(p.displayName)
          .split(/\s+/)
          .some((w) => w.startsWith(q)) || fold(p.displayName).startsWith(q),
    );
    this.suggestions.set(list.slice(0, MAX_SUGGESTIONS));
    this.activeSuggestion.set(0);
  }

  protected pick(person: ChatPerson): void {
    const el = this.box().nativeElement;
    const end = el.selectionStart;
    el.setRangeText(`@${person.displayName} `, this.mentionStart, end, 'end');
    this.picked.set(person.displayName, person.id);
    this.text.set(el.value);
    this.suggestions.set([]);
    el.focus();
  }

  // ---- files ----

  protected chooseFiles(): void {
    this.fileInput().nativeElement.click();
  }

  protected onFilesChosen(event: Event): void {
    const input = event.target as HTMLInputElement;
    this.upload(Array.from(input.files ?? []));
    input.value = '';
  }

  protected onPaste(event: ClipboardEvent): void {
    const files = Array.from(event.clipboardData?.files ?? []);
    if (files.length) {
      event.preventDefault();
      this.upload(files);
    }
  }

  protected onDragOver(event: DragEvent): void {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    this.dragging.set(true);
  }

  protected onDrop(event: DragEvent): void {
    this.dragging.set(false);
    const files = Array.from(event.dataTransfer?.files ?? []);
    if (!files.length) return;
    event.preventDefault();
    this.upload(files);
  }

  private upload(files: File[]): void {
    for (const file of files.slice(0, 10)) {
      const key = `${file.name}-${file.size}-${Math.random().toString(36).slice(2)}`;
      this.uploads.update((u) => [...u, { key, name: file.name, size: file.size, attachment: null }]);
      firstValueFrom(this.api.upload(this.channelId(), file))
        .then(({ attachment }) => this.uploads.update((u) => u.map((x) => (x.key === key ? { ...x, attachment } : x))))
        .catch((err: unknown) => {
          this.uploads.update((u) => u.filter((x) => x.key !== key));
          this.snack.open(`${file.name}: ${this.errors.message(err)}`, this.transloco.translate('common.close'));
        });
    }
  }

  protected removeUpload(key: string): void {
    this.uploads.update((u) => u.filter((x) => x.key !== key));
  }

  protected size(bytes: number): string {
    return formatSize(bytes);
  }
}
