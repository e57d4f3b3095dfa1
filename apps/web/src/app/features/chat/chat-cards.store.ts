import { Injectable, computed, effect, inject, signal, untracked } from '@angular/core';
import type { Card, Project } from '@klasteris/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthStore } from '../../core/auth/auth.store';
import { ProjectsApi } from '../projects/projects.api';
import { writableProjects } from './card-from-message';

/** What a message shows of the card made from it. */
export type MessageCardRef = { state: 'loading' } | { state: 'hidden' } | { state: 'shown'; id: string; title: string; projectId: string };

const PROJECT_PAGES = 5;

/**
 * Cards and chat: the projects in which I may create cards (loaded when the chat opens; a
 * message offers "Create card…" only when there is one), and the cards messages point to (title and
 * project, fetched once each; a card of a project I am not in stays `hidden`).
 */
@Injectable({ providedIn: 'root' })
export class ChatCardsStore {
  private readonly api = inject(ProjectsApi);
  private readonly auth = inject(AuthStore);

  private readonly _projects = signal<Project[] | null>(null);
  private readonly _cards = signal<Record<string, MessageCardRef>>({});
  private loadingFor: string | null = null;

  /** null until loaded */
  readonly projects = this._projects.asReadonly();
  readonly canCreate = computed(() => (this._projects() ?? []).length > 0);
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
        }
      });
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

  /** Asks once for the card of a message. */
  want(cardId: string): void {
    if (this._cards()[cardId]) return;
    this._cards.update((m) => ({ ...m, [cardId]: { state: 'loading' } }));
    this.api.card(cardId).subscribe({
      next: ({ card }) => this.remember(card),
      error: () => this._cards.update((m) => ({ ...m, [cardId]: { state: 'hidden' } })),
    });
  }

  /** A card I just made (or fetched). */
  remember(card: Card): void {
    this._cards.update((m) => ({ ...m, [card.id]: { state: 'shown', id: card.id, title: card.title, projectId: card.projectId } }));
  }
}
