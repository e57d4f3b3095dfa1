import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { authInterceptor } from './auth.interceptor';
import { AuthStore } from './auth.store';
import { makeUser } from './auth.store.spec';

const unauthorized = { status: 401, statusText: 'Unauthorized' };
const body401 = { statusCode: 401, code: 'UNAUTHENTICATED', message: 'expired' };

describe('authInterceptor', () => {
  let http: HttpClient;
  let ctrl: HttpTestingController;
  let auth: AuthStore;
  let navigate: jest.SpyInstance;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(withInterceptors([authInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpClient);
    ctrl = TestBed.inject(HttpTestingController);
    auth = TestBed.inject(AuthStore);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    auth.setSession({ accessToken: 'old', expiresIn: 900, user: makeUser() });
  });

  afterEach(() => ctrl.verify());

  it('adds the Bearer token to API calls only', () => {
    http.get('/api/organisations').subscribe();
    http.get('/i18n/en.json').subscribe();
    expect(ctrl.expectOne('/api/organisations').request.headers.get('Authorization')).toBe('Bearer old');
    expect(ctrl.expectOne('/i18n/en.json').request.headers.has('Authorization')).toBe(false);
  });

  it('on 401 refreshes once (with the cookie) and retries with the new token', async () => {
    const result = firstValueFrom(http.get<{ ok: boolean }>('/api/users'));
    ctrl.expectOne('/api/users').flush(body401, unauthorized);

    const refresh = ctrl.expectOne('/api/auth/refresh');
    expect(refresh.request.method).toBe('POST');
    expect(refresh.request.withCredentials).toBe(true);
    expect(refresh.request.headers.has('Authorization')).toBe(false);
    refresh.flush({ accessToken: 'new', expiresIn: 900 });

    const retry = ctrl.expectOne('/api/users');
    expect(retry.request.headers.get('Authorization')).toBe('Bearer new');
    retry.flush({ ok: true });

    await expect(result).resolves.toEqual({ ok: true });
    expect(auth.accessToken()).toBe('new');
    expect(auth.isLoggedIn()).toBe(true);
  });

  it('shares one refresh between concurrent 401s', async () => {
    const a = firstValueFrom(http.get('/api/a'));
    const b = firstValueFrom(http.get('/api/b'));
    ctrl.expectOne('/api/a').flush(body401, unauthorized);
    ctrl.expectOne('/api/b').flush(body401, unauthorized);
    ctrl.expectOne('/api/auth/refresh').flush({ accessToken: 'new', expiresIn: 900 });
    ctrl.expectOne('/api/a').flush('A');
    ctrl.expectOne('/api/b').flush('B');
    await expect(Promise.all([a, b])).resolves.toEqual(['A', 'B']);
  });

  it('does not refresh a second time when the retried request is refused again', async () => {
    const result = firstValueFrom(http.get('/api/users'));
    ctrl.expectOne('/api/users').flush(body401, unauthorized);
    ctrl.expectOne('/api/auth/refresh').flush({ accessToken: 'new', expiresIn: 900 });
    ctrl.expectOne('/api/users').flush(body401, unauthorized);
    await expect(result).rejects.toMatchObject({ status: 401 });
    ctrl.expectNone('/api/auth/refresh');
  });

  it('signs out and goes to /login when the refresh fails', async () => {
    const result = firstValueFrom(http.get('/api/users'));
    ctrl.expectOne('/api/users').flush(body401, unauthorized);
    ctrl.expectOne('/api/auth/refresh').flush({ statusCode: 401, code: 'SESSION_REVOKED', message: 'x' }, unauthorized);

    await expect(result).rejects.toMatchObject({ status: 401 });
    expect(auth.isLoggedIn()).toBe(false);
    expect(auth.accessToken()).toBeNull();
    expect(navigate).toHaveBeenCalledWith(['/login'], expect.objectContaining({ queryParams: expect.any(Object) }));
  });

  it('passes other errors through untouched', async () => {
    const result = firstValueFrom(http.get('/api/users'));
    ctrl.expectOne('/api/users').flush({ statusCode: 403, code: 'FORBIDDEN', message: 'no' }, { status: 403, statusText: 'Forbidden' });
    await expect(result).rejects.toMatchObject({ status: 403 });
    ctrl.expectNone('/api/auth/refresh');
    expect(auth.isLoggedIn()).toBe(true);
  });
});
