import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { PersonSummary, User } from '@klasteris/contracts';
import { Subject } from 'rxjs';
import { AuthStore } from '../../core/auth/auth.store';
import { SocketService } from '../../core/socket.service';
import { ChatPeopleStore } from './chat-people.store';

const person = (id: string, displayName: string): PersonSummary => ({
  id,
  displayName,
  initials: displayName.slice(0, 2).toUpperCase(),
  avatarColor: '#1f5f8b',
  organisationId: null,
  organisationName: null,
  expertise: [],
});

describe('ChatPeopleStore — names of people outside the member lists', () => {
  let store: ChatPeopleStore;
  let http: HttpTestingController;
  const lookups = () => http.match((r) => r.url === '/api/people/lookup');

  beforeEach(() => {
    jest.useFakeTimers();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: SocketService, useValue: { on: () => new Subject(), request: () => Promise.resolve() } },
        {
          provide: AuthStore,
          useValue: { user: signal<Partial<User> | null>({ id: 'me', displayName: 'Me', initials: 'ME', avatarColor: '#1f5f8b' }) },
        },
      ],
    });
    store = TestBed.inject(ChatPeopleStore);
    http = TestBed.inject(HttpTestingController);
    TestBed.tick();
  });

  afterEach(() => {
    http.verify();
    jest.useRealTimers();
  });

  it('collects the ids wanted in a moment into one request and remembers the names', () => {
    store.want(['a', 'b']);
    store.want(['b', 'c', 'me']);
    expect(lookups()).toHaveLength(0);
    jest.advanceTimersByTime(400);
    const [req] = lookups();
    expect(req!.request.params.get('ids')).toBe('a,b,c');
    req!.flush({ items: [person('a', 'Ona'), person('c', 'Cezaris')] });
    expect(store.person('a')?.displayName).toBe('Ona');
    expect(store.person('c')?.displayName).toBe('Cezaris');
  });

  it('asks for each id once, and not for people a member list brought meanwhile', () => {
    store.want(['a', 'b']);
    store.remember([{ id: 'a', displayName: 'Ona', initials: 'ON', avatarColor: '#1f5f8b', organisationName: null }]);
    jest.advanceTimersByTime(400);
    const [req] = lookups();
    expect(req!.request.params.get('ids')).toBe('b');
    req!.flush({ items: [] });
    store.want(['b']);
    jest.advanceTimersByTime(400);
    expect(lookups()).toHaveLength(0);
  });

  it('splits more than 100 ids into batches and asks again after a failed lookup', () => {
    const ids = Array.from({ length: 130 }, (_, i) => `p${i}`);
    store.want(ids);
    jest.advanceTimersByTime(400);
    const first = lookups();
    expect(first).toHaveLength(1);
    expect(first[0]!.request.params.get('ids')!.split(',')).toHaveLength(100);
    first[0]!.flush({ items: [] });
    jest.advanceTimersByTime(1);
    const second = lookups();
    expect(second[0]!.request.params.get('ids')!.split(',')).toHaveLength(30);
    second[0]!.flush('down', { status: 503, statusText: 'Service Unavailable' });
    store.want(['p120']);
    jest.advanceTimersByTime(400);
    const [again] = lookups();
    expect(again!.request.params.get('ids')).toBe('p120');
    again!.flush({ items: [] });
  });
});
