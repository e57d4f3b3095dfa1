import { Injectable, computed, effect, inject, signal, untracked } from '@angular/core';
import type { Card, Project } from '@klasteris/contracts';
import { firstValueFrom, merge } from 'rxjs';
import { AuthStore } from '../../core/auth/auth.store';
import { SocketService } from '../../core/socket.service';
import { ProjectsApi } from '../projects/projects.api';
import { ownedProjects, writableProjects } from './card-from-message';

/** What a message shows of the card made from it. */
export type MessageCardRef = { state: 'loading' } | { state: 'hidden' } | { state: 'shown'; id: string; title: string; projectId: string };

const PROJECT_PAGES = 5;
/** a card's title shown on a message is asked again when the message is shown after this long */
export const CARD_FRESH_MS = 30_000;

/**
 * Cards and chat: the projects in which I may create cards (loaded when the chat opens; a
 * message offers "Create card…" only when there is one), and the cards messages point to (title and
 * project; a card of a project I am not in stays `hidden`). A renamed card reaches its messages:
 * live from the board's events while I have its board open, else when a message shows it again
 * after `CARD_FRESH_MS` (asked again then, the last title shown meanwhile).
 */
@Injectable({ providedIn: 'root' })
export class ChatCardsStore {
  private readonly api = inject(ProjectsApi);
  private readonly auth = inject(AuthStore);
  private readonly socket = inject(SocketService);
  private readonly fetchedAt = new Map<string, number>();

  private readonly _projects = signal<Project[] | null>(null);
  private readonly _cards = signal<Record<string, MessageCardRef>>({});
  private loadingFor: string | null = null;

  /** null until loaded */
  readonly projects = this._projects.asReadonly();
  readonly canCreate = computed(() => (this._projects() ?? []).length > 0);
  /** projects whose cards I may link to a message: those I own */
  readonly owned = computed(() => ownedProjects(this._projects() ?? []));
  readonly canLink = computed(() => this.owned().length > 0);
  readonly cards = this._cards.asReadonly();

  constructor() {
    // another person signed in: forget what the last one could see
    effect(() => {
      const id = this.auth.user()?.id ?? null;
      untracked(() => {
        if (this.loadingFor !== null && this.loadingFor !== id) {
          this.loadingFor = null;
          this._projects.set(null);
          this._cards.set({});
          this.fetchedAt.clear();
        }
      });
    });
    // a card changed on a board I have open: the messages that show it follow
    merge(this.socket.on('board:card-updated'), this.socket.on('board:card-moved')).subscribe((p) => {
      if (this._cards()[p.card.id]?.state === 'shown') this.remember(p.card);
    });
    this.socket.on('board:card-deleted').subscribe((p) => {
      if (this._cards()[p.cardId]) this._cards.update((m) => ({ ...m, [p.cardId]: { state: 'hidden' } }));
    });
  }

  /** Loads my writable projects once (again after `refresh`). */
  async loadProjects(refresh = false): Promise<void> {
    const me = this.auth.user()?.id ?? null;
    if (!me || (!refresh && this.loadingFor === me)) return;
    this.loadingFor = me;
    const all: Project[] = [];
    let cursor: string | undefined;
    try {
      for (let i = 0; i < PROJECT_PAGES; i++) {
        const page = await firstValueFrom(this.api.projects({ limit: 100, cursor }));
        all.push(...page.items);
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
    } catch {
      // offline or signed out meanwhile: offer nothing now, try again next time
      if (this.loadingFor === me) this.loadingFor = null;
      return;
    }
    if (this.loadingFor === me) this._projects.set(writableProjects(all));
  }

  /** Asks for the card of a message being shown: once, and again when what I know is older than `CARD_FRESH_MS`. */
  want(cardId: string): void {
    const known = this._cards()[cardId];
    if (known && (known.state === 'loading' || Date.now() - (this.fetchedAt.get(cardId) ?? 0) < CARD_FRESH_MS)) return;
    this.fetchedAt.set(cardId, Date.now());
    if (!known) this._cards.update((m) => ({ ...m, [cardId]: { state: 'loading' } }));
    this.api.card(cardId).subscribe({
      next: ({ card }) => this.remember(card),
      error: (err: unknown) => {
        // gone or not mine (404/403): hidden; offline: keep what is shown and ask next time
        const status = (err as { status?: number } | null)?.status ?? 0;
        if (status === 0 && known?.state === 'shown') this.fetchedAt.delete(cardId);
        else this._cards.update((m) => ({ ...m, [cardId]: { state: 'hidden' } }));
      },
    });
  }

  /** A card I just made, linked or fetched (or saw change on its board). */
  remember(card: Card): void {
    this.fetchedAt.set(card.id, Date.now());
    this._cards.update((m) => ({ ...m, [card.id]: { state: 'shown', id: card.id, title: card.title, projectId: card.projectId } }));
  }
}
