import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { Card, Project, User } from '@klasteris/contracts';
import { Subject } from 'rxjs';
import { AuthStore } from '../../core/auth/auth.store';
import { SocketService } from '../../core/socket.service';
import { CARD_FRESH_MS, ChatCardsStore } from './chat-cards.store';

const card = (id: string, title: string): Card => ({ id, title, projectId: 'p1' }) as Card;

describe('ChatCardsStore — the card a message shows', () => {
  let store: ChatCardsStore;
  let http: HttpTestingController;
  const events = new Map<string, Subject<unknown>>();
  const emit = (name: string, payload: unknown) => events.get(name)?.next(payload);

  beforeEach(() => {
    jest.useFakeTimers();
    events.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        {
          provide: SocketService,
          useValue: {
            on: (name: string) => {
              const s = events.get(name) ?? new Subject<unknown>();
              events.set(name, s);
              return s;
            },
          },
        },
        { provide: AuthStore, useValue: { user: signal<Partial<User> | null>({ id: 'me', displayName: 'Me' }) } },
      ],
    });
    store = TestBed.inject(ChatCardsStore);
    http = TestBed.inject(HttpTestingController);
    TestBed.tick();
  });

  afterEach(() => {
    http.verify();
    jest.useRealTimers();
  });

  it('asks once while fresh, and again (keeping the title shown) once older than CARD_FRESH_MS: a rename shows', () => {
    store.want('c1');
    store.want('c1');
    http.expectOne('/api/cards/c1').flush({ card: card('c1', 'Old title') });
    expect(store.cards()['c1']).toMatchObject({ state: 'shown', title: 'Old title' });
    store.want('c1');
    http.expectNone('/api/cards/c1');

    jest.advanceTimersByTime(CARD_FRESH_MS + 1);
    store.want('c1');
    expect(store.cards()['c1']).toMatchObject({ state: 'shown', title: 'Old title' });
    http.expectOne('/api/cards/c1').flush({ card: card('c1', 'New title') });
    expect(store.cards()['c1']).toMatchObject({ title: 'New title' });
  });

  it('follows the board events of cards it shows, and hides a deleted card', () => {
    store.remember(card('c1', 'Draft'));
    emit('board:card-updated', { projectId: 'p1', card: card('c1', 'Draft, renamed'), fields: ['title'] });
    emit('board:card-updated', { projectId: 'p1', card: card('other', 'Not shown anywhere'), fields: ['title'] });
    expect(store.cards()['c1']).toMatchObject({ title: 'Draft, renamed' });
    expect(store.cards()['other']).toBeUndefined();
    emit('board:card-deleted', { projectId: 'p1', cardId: 'c1', columnId: 'col' });
    expect(store.cards()['c1']).toEqual({ state: 'hidden' });
  });

  it('a card I may not open is hidden; offline keeps what is shown', () => {
    store.want('secret');
    http.expectOne('/api/cards/secret').flush({ code: 'NOT_FOUND' }, { status: 404, statusText: 'Not Found' });
    expect(store.cards()['secret']).toEqual({ state: 'hidden' });

    store.remember(card('c2', 'Kept'));
    jest.advanceTimersByTime(CARD_FRESH_MS + 1);
    store.want('c2');
    http.expectOne('/api/cards/c2').error(new ProgressEvent('error'), { status: 0 });
    expect(store.cards()['c2']).toMatchObject({ state: 'shown', title: 'Kept' });
  });

  it('offers "Link to a card…" only with a project I own', async () => {
    const load = store.loadProjects();
    const projects = [
      { id: 'a', myRole: 'member' },
      { id: 'b', myRole: 'observer' },
    ] as Project[];
    http.expectOne((r) => r.url === '/api/projects').flush({ items: projects, nextCursor: null });
    await load;
    expect(store.canCreate()).toBe(true);
    expect(store.canLink()).toBe(false);
    const again = store.loadProjects(true);
    http.expectOne((r) => r.url === '/api/projects').flush({ items: [...projects, { id: 'c', myRole: 'owner' }], nextCursor: null });
    await again;
    expect(store.owned().map((p) => p.id)).toEqual(['c']);
    expect(store.canLink()).toBe(true);
  });
});
