import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { LoginResponse, User } from '@klasteris/contracts';
import { firstValueFrom } from 'rxjs';
import { authInterceptor } from './auth.interceptor';
import { AuthStore, SESSION_HINT_KEY } from './auth.store';

export function makeUser(patch: Partial<User> = {}): User {
  return {
    id: 'u1',
    email: 'member@klasteris.demo',
    displayName: 'Rūta Jonaitė',
    roles: ['member'],
    organisationId: 'o1',
    organisationName: 'Baltic Code UAB',
    status: 'active',
    language: 'en',
    timeZone: 'Europe/Vilnius',
    avatarColor: '#0f766e',
    initials: 'RJ',
    title: null,
    expertise: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    ...patch,
  };
}

describe('AuthStore', () => {
  let store: AuthStore;
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([authInterceptor])), provideHttpClientTesting()],
    });
    store = TestBed.inject(AuthStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('login stores the user and the access token and remembers that a session exists', async () => {
    const user = makeUser({ roles: ['member', 'org_admin'] });
    const done = firstValueFrom(store.login({ email: user.email, password: 'klasteris-demo' }));
    const req = http.expectOne('/api/auth/login');
    expect(req.request.method).toBe('POST');
    expect(req.request.withCredentials).toBe(true);
    expect(req.request.body).toEqual({ email: user.email, password: 'klasteris-demo' });
    req.flush({ accessToken: 'tok-1', expiresIn: 900, user } satisfies LoginResponse);

    await expect(done).resolves.toEqual(user);
    expect(store.user()).toEqual(user);
    expect(store.accessToken()).toBe('tok-1');
    expect(store.isLoggedIn()).toBe(true);
    expect(store.isOrgAdmin()).toBe(true);
    expect(store.isStaff()).toBe(false);
    expect(store.canManageOrganisation('o1')).toBe(true);
    expect(store.canManageOrganisation('o2')).toBe(false);
    expect(localStorage.getItem(SESSION_HINT_KEY)).toBe('1');
  });

  it('a failed login leaves nobody signed in', async () => {
    const done = firstValueFrom(store.login({ email: 'x@y.lt', password: 'wrong-password' }));
    http
      .expectOne('/api/auth/login')
      .flush({ statusCode: 401, code: 'INVALID_CREDENTIALS', message: 'no' }, { status: 401, statusText: 'Unauthorized' });
    await expect(done).rejects.toBeTruthy();
    expect(store.user()).toBeNull();
    expect(store.accessToken()).toBeNull();
    // a 401 from the login endpoint must not trigger a refresh
    http.expectNone('/api/auth/refresh');
  });

  it('logout calls the API with the token and clears the session even when the call fails', async () => {
    store.setSession({ accessToken: 'tok-1', expiresIn: 900, user: makeUser() });
    const done = firstValueFrom(store.logout(), { defaultValue: undefined });
    const req = http.expectOne('/api/auth/logout');
    expect(req.request.withCredentials).toBe(true);
    expect(req.request.headers.get('Authorization')).toBe('Bearer tok-1');
    req.flush(null, { status: 500, statusText: 'Server Error' });
    await done;
    expect(store.user()).toBeNull();
    expect(store.accessToken()).toBeNull();
    expect(store.isLoggedIn()).toBe(false);
    expect(localStorage.getItem(SESSION_HINT_KEY)).toBeNull();
  });

  it('restore resumes a remembered session from the refresh cookie', async () => {
    localStorage.setItem(SESSION_HINT_KEY, '1');
    const done = store.restore();
    http.expectOne('/api/auth/refresh').flush({ accessToken: 'tok-r', expiresIn: 900 });
    await Promise.resolve();
    const me = http.expectOne('/api/auth/me');
    expect(me.request.headers.get('Authorization')).toBe('Bearer tok-r');
    me.flush({ user: makeUser() });
    await done;
    expect(store.isLoggedIn()).toBe(true);
    expect(store.restored()).toBe(true);
  });

  it('restore without a hint does not call the API unless forced', async () => {
    await store.restore();
    http.expectNone('/api/auth/refresh');
    expect(store.restored()).toBe(true);
    expect(store.isLoggedIn()).toBe(false);
  });

  it('a failed restore clears everything', async () => {
    const done = store.restore(true);
    http.expectOne('/api/auth/refresh').flush({ statusCode: 401, code: 'UNAUTHENTICATED', message: 'x' }, { status: 401, statusText: 'x' });
    await done;
    expect(store.isLoggedIn()).toBe(false);
    expect(store.restored()).toBe(true);
  });
});
