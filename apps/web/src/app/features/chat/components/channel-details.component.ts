import { DatePipe } from '@angular/common';
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
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTabsModule } from '@angular/material/tabs';
import { Router } from '@angular/router';
import { LanguageService } from '../../../core/i18n/language.service';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { Attachment, ChannelMember, Message, MyChannel, PersonSummary } from '@klasteris/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthStore } from '../../../core/auth/auth.store';
import { ErrorMessageService } from '../../../core/http/error-message.service';
import { AvatarComponent } from '../../../shared/ui/avatar.component';
import { ChatApi } from '../chat.api';
import { ChatPeopleStore } from '../chat-people.store';
import { ChatStore } from '../chat.store';
import { plainText } from '../../../shared/markdown';
import { AttachmentViewComponent } from './attachment-view.component';
import { ChannelNamePipe } from './channel-name.pipe';

/** Channel details: about (topic, description, archive, leave), members with organisations, pinned messages, files. */
@Component({
  selector: 'app-channel-details',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatTabsModule,
    TranslocoPipe,
    AvatarComponent,
    AttachmentViewComponent,
    ChannelNamePipe,
  ],
  templateUrl: './channel-details.component.html',
  styleUrl: './channel-details.component.scss',
})
export class ChannelDetailsComponent {
  protected readonly language = inject(LanguageService);
  private readonly api = inject(ChatApi);
  private readonly store = inject(ChatStore);
  protected readonly people = inject(ChatPeopleStore);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly snack = inject(MatSnackBar);
  private readonly errors = inject(ErrorMessageService);
  private readonly transloco = inject(TranslocoService);
  private readonly injector = inject(Injector);

  readonly channel = input.required<MyChannel>();
  readonly closed = output<void>();

  private readonly heading = viewChild<ElementRef<HTMLElement>>('heading');
  protected readonly members = signal<ChannelMember[]>([]);
  protected readonly membersCursor = signal<string | null>(null);
  protected readonly pins = signal<Message[] | null>(null);
  protected readonly files = signal<Attachment[] | null>(null);
  protected readonly editing = signal(false);
  protected topic = '';
  protected description = '';
  protected readonly addResults = signal<PersonSummary[]>([]);
  protected addQuery = '';

  protected readonly isDirect = computed(() => this.channel().type === 'direct');
  protected readonly canManage = computed(() => !this.isDirect() && (this.channel().role === 'owner' || this.auth.isStaff()));
  protected readonly isMember = this.store.isMember;
  protected readonly myId = computed(() => this.auth.user()?.id ?? null);

  constructor() {
    effect(() => {
      const id = this.channel().id;
      untracked(() => {
        this.pins.set(null);
        this.files.set(null);
        this.loadMembers(id, null);
        afterNextRender(() => this.heading()?.nativeElement.focus(), { injector: this.injector });
      });
    });
  }

  private loadMembers(channelId: string, cursor: string | null): void {
    this.api.members(channelId, { limit: 50, ...(cursor ? { cursor } : {}) }).subscribe({
      next: (page) => {
        this.members.update((list) => (cursor ? [...list, ...page.items] : page.items));
        this.membersCursor.set(page.nextCursor);
        this.people.loadPresence(page.items.map((m) => m.userId));
      },
      error: () => undefined,
    });
  }

  protected moreMembers(): void {
    const c = this.membersCursor();
    if (c) this.loadMembers(this.channel().id, c);
  }

  protected onTab(index: number): void {
    const id = this.channel().id;
    if (index === 2 && this.pins() === null)
      this.api.pins(id).subscribe({ next: (r) => this.pins.set(r.items), error: () => this.pins.set([]) });
    if (index === 3 && this.files() === null)
      this.api.files(id).subscribe({ next: (r) => this.files.set(r.items), error: () => this.files.set([]) });
  }

  protected status(userId: string): string {
    return this.people.presence()[userId] ?? 'offline';
  }

  protected preview(m: Message): string {
    return plainText(m.body, { nameOf: (id) => this.people.person(id)?.displayName ?? null }).slice(0, 200);
  }

  protected authorName(m: Message): string {
    return this.people.person(m.authorId)?.displayName ?? this.transloco.translate('chat.unknownPerson');
  }

  protected startEdit(): void {
    this.topic = this.channel().topic ?? '';
    this.description = this.channel().description ?? '';
    this.editing.set(true);
  }

  protected async save(): Promise<void> {
    await this.run(async () => {
      const { channel } = await firstValueFrom(
        this.api.update(this.channel().id, { topic: this.topic.trim(), description: this.description.trim() }),
      );
      this.store.upsertChannel({ ...channel, id: channel.id });
      this.editing.set(false);
    });
  }

  protected async setArchived(archived: boolean): Promise<void> {
    await this.run(async () => {
      const { channel } = await firstValueFrom(this.api.archive(this.channel().id, archived));
      this.store.upsertChannel({ ...channel, id: channel.id });
    });
  }

  protected async leave(): Promise<void> {
    await this.run(async () => {
      const id = this.channel().id;
      await firstValueFrom(this.api.leave(id));
      this.store.removeChannel(id);
      this.people.forgetMembers(id);
      void this.router.navigate(['/chat']);
    });
  }

  protected async searchPeople(): Promise<void> {
    const q = this.addQuery.trim();
    if (!q) {
      this.addResults.set([]);
      return;
    }
    const page = await firstValueFrom(this.api.people(q, 8)).catch(() => null);
    const inChannel = new Set(this.members().map((m) => m.userId));
    this.addResults.set((page?.items ?? []).filter((p) => !inChannel.has(p.id)));
  }

  protected async add(p: PersonSummary): Promise<void> {
    await this.run(async () => {
      await firstValueFrom(this.api.addMember(this.channel().id, p.id));
      this.addResults.set([]);
      this.addQuery = '';
      this.loadMembers(this.channel().id, null);
      this.people.loadMembers(this.channel().id, true);
    });
  }

  protected async remove(m: ChannelMember): Promise<void> {
    await this.run(async () => {
      await firstValueFrom(this.api.removeMember(this.channel().id, m.userId));
      this.members.update((list) => list.filter((x) => x.userId !== m.userId));
    });
  }

  protected jump(m: Message): void {
    void this.router.navigate(['/chat', m.channelId], { queryParams: m.threadRootId ? { thread: m.threadRootId } : { seq: m.seq } });
  }

  private async run(fn: () => Promise<void>): Promise<void> {
    try {
      await fn();
    } catch (err) {
      this.snack.open(this.errors.message(err), this.transloco.translate('common.close'));
    }
  }
}
