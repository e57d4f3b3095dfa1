import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { type ActivatedRouteSnapshot, type RouterStateSnapshot, UrlTree, provideRouter } from '@angular/router';
import { AuthStore } from './auth.store';
import { makeUser } from './auth.store.spec';
import { authGuard, guestGuard, roleGuard } from './guards';

describe('guards', () => {
  const route = {} as ActivatedRouteSnapshot;
  const state = (url: string) => ({ url }) as RouterStateSnapshot;
  let auth: AuthStore;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()] });
    auth = TestBed.inject(AuthStore);
  });

  const run = <T>(fn: () => T): T => TestBed.runInInjectionContext(fn);
  const asUrl = (v: unknown) => (v instanceof UrlTree ? v.toString() : v);

  it('authGuard sends anonymous visitors to /login with the address to return to', () => {
    expect(asUrl(run(() => authGuard(route, state('/directory?tab=people'))))).toBe('/login?returnUrl=%2Fdirectory%3Ftab%3Dpeople');
    auth.setSession({ accessToken: 't', expiresIn: 900, user: makeUser() });
    expect(run(() => authGuard(route, state('/directory')))).toBe(true);
  });

  it('guestGuard keeps signed-in people away from the sign-in page', () => {
    expect(run(() => guestGuard(route, state('/login')))).toBe(true);
    auth.setSession({ accessToken: 't', expiresIn: 900, user: makeUser() });
    expect(asUrl(run(() => guestGuard(route, state('/login'))))).toBe('/dashboard');
  });

  it('roleGuard admits only the listed roles', () => {
    const staffOnly = roleGuard(['admin', 'coordinator']);
    auth.setSession({ accessToken: 't', expiresIn: 900, user: makeUser({ roles: ['member', 'org_admin'] }) });
    expect(asUrl(run(() => staffOnly(route, state('/admin'))))).toBe('/dashboard');
    auth.setSession({ accessToken: 't', expiresIn: 900, user: makeUser({ roles: ['coordinator'] }) });
    expect(run(() => staffOnly(route, state('/admin')))).toBe(true);
  });
});
