import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { LanguageService } from '../../../core/i18n/language.service';
import { TranslocoPipe } from '@jsverse/transloco';
import type { MessageSearchHit, MessageSearchQuery, PersonSummary } from '@klasteris/contracts';
import { ErrorMessageService } from '../../../core/http/error-message.service';
import { ChatApi } from '../chat.api';
import { ChatPeopleStore } from '../chat-people.store';
import { ChatStore } from '../chat.store';
import { ChannelNamePipe } from '../components/channel-name.pipe';
import { plainText } from '../../../shared/markdown';

/** Message search with channel, author and date filters; each hit links to the message in context. */
@Component({
  selector: 'app-chat-search-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    TranslocoPipe,
    ChannelNamePipe,
  ],
  templateUrl: './search.page.html',
  styleUrl: './search.page.scss',
})
export class SearchPage {
  protected readonly language = inject(LanguageService);
  protected readonly store = inject(ChatStore);
  private readonly api = inject(ChatApi);
  private readonly people = inject(ChatPeopleStore);
  private readonly errors = inject(ErrorMessageService);

  protected q = '';
  protected channelId = '';
  protected authorId = '';
  protected from = '';
  protected to = '';
  protected authorQuery = '';
  protected readonly authors = signal<PersonSummary[]>([]);
  protected readonly hits = signal<MessageSearchHit[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly searched = signal(false);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);

  constructor() {
    void this.store.loadChannels();
  }

  protected async findAuthors(): Promise<void> {
    const q = this.authorQuery.trim();
    this.api.people(q, 20).subscribe({
      next: (page) => {
        this.authors.set(page.items);
        this.people.rememberSummaries(page.items);
      },
      error: () => undefined,
    });
  }

  protected search(cursor?: string): void {
    const q = this.q.trim();
    if (!q) return;
    const query: MessageSearchQuery = { q, limit: 25 };
    if (this.channelId) query.channelId = this.channelId;
    if (this.authorId) query.authorId = this.authorId;
    if (this.from) query.from = new Date(`${this.from}T00:00:00`).toISOString();
    if (this.to) query.to = new Date(`${this.to}T23:59:59.999`).toISOString();
    if (cursor) query.cursor = cursor;
    this.loading.set(true);
    this.error.set(null);
    this.api.search(query).subscribe({
      next: (page) => {
        this.hits.update((h) => (cursor ? [...h, ...page.items] : page.items));
        this.nextCursor.set(page.nextCursor);
        this.searched.set(true);
        this.loading.set(false);
      },
      error: (err: unknown) => {
        this.error.set(this.errors.message(err));
        this.loading.set(false);
      },
    });
  }

  protected more(): void {
    const c = this.nextCursor();
    if (c) this.search(c);
  }

  protected link(hit: MessageSearchHit): { commands: string[]; params: Record<string, string | number> } {
    const m = hit.message;
    return { commands: ['/chat', m.channelId], params: m.threadRootId ? { thread: m.threadRootId } : { seq: m.seq } };
  }

  protected text(hit: MessageSearchHit): string {
    return plainText(hit.message.body, { nameOf: (id) => this.people.person(id)?.displayName ?? null });
  }

  protected author(hit: MessageSearchHit): PersonSummary | null {
    const p = this.people.person(hit.message.authorId);
    return p ? { ...p, expertise: [], organisationId: null } : null;
  }
}
