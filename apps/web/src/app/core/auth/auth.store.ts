import { Injectable, computed, inject, signal } from '@angular/core';
import type { LoginRequest, LoginResponse, Role, UpdateProfileRequest, User } from '@klasteris/contracts';
import { Observable, catchError, finalize, firstValueFrom, map, of, share, switchMap, tap, throwError } from 'rxjs';
import { AuthApi } from './auth.api';

/** Remembered between reloads so that we only try a silent refresh when a session probably exists. */
export const SESSION_HINT_KEY = 'klasteris.session';

/**
 * The signed-in person and the in-memory access token. The refresh token lives in an httpOnly
 * cookie that only the API can read; the access token is never written to storage.
 */
@Injectable({ providedIn: 'root' })
export class AuthStore {
  private readonly api = inject(AuthApi);

  private readonly _user = signal<User | null>(null);
  private readonly _token = signal<string | null>(null);
  private readonly _restored = signal(false);
  private refreshInFlight: Observable<string> | null = null;

  readonly user = this._user.asReadonly();
  readonly accessToken = this._token.asReadonly();
  /** true once the start-up session restore attempt has finished */
  readonly restored = this._restored.asReadonly();
  readonly isLoggedIn = computed(() => this._user() !== null && this._token() !== null);
  readonly roles = computed<readonly Role[]>(() => this._user()?.roles ?? []);
  readonly isAdmin = computed(() => this.roles().includes('admin'));
  readonly isCoordinator = computed(() => this.roles().includes('coordinator'));
  readonly isStaff = computed(() => this.isAdmin() || this.isCoordinator());
  readonly isOrgAdmin = computed(() => this.roles().includes('org_admin'));

  hasAnyRole(roles: readonly Role[]): boolean {
    const mine = this.roles();
    return roles.some((r) => mine.includes(r));
  }

  /** May this person manage (edit, invite into) the given organisation? */
  canManageOrganisation(organisationId: string): boolean {
    const u = this._user();
    if (!u) return false;
    return this.isAdmin() || (this.isOrgAdmin() && u.organisationId === organisationId);
  }

  login(credentials: LoginRequest): Observable<User> {
    return this.api.login(credentials).pipe(
      tap((res) => this.setSession(res)),
      map((res) => res.user),
    );
  }

  /** Adopt a session obtained elsewhere (login, accepted invitation). */
  setSession(res: LoginResponse): void {
    this._token.set(res.accessToken);
    this._user.set(res.user);
    this.writeHint(true);
  }

  setUser(user: User): void {
    this._user.set(user);
  }

  updateProfile(body: UpdateProfileRequest): Observable<User> {
    return this.api.updateMe(body).pipe(
      map((res) => res.user),
      tap((user) => this._user.set(user)),
    );
  }

  /**
   * Exchanges the refresh cookie for a new access token. Concurrent callers share one request,
   * so a burst of 401s causes a single refresh (the API rotates the cookie on every call).
   */
  refreshAccessToken(): Observable<string> {
    if (!this.refreshInFlight) {
      this.refreshInFlight = this.api.refresh().pipe(
        map((res) => res.accessToken),
        tap((token) => this._token.set(token)),
        finalize(() => (this.refreshInFlight = null)),
        share(),
      );
    }
    return this.refreshInFlight;
  }

  /**
   * Called once at start-up: silently resumes a session from the refresh cookie. Without a
   * remembered hint it only tries when `force` is set (the page opened needs a signed-in user).
   */
  async restore(force = false): Promise<void> {
    if (!force && !this.readHint()) {
      this._restored.set(true);
      return;
    }
    try {
      await firstValueFrom(
        this.refreshAccessToken().pipe(
          switchMap(() => this.api.me()),
          tap((res) => this._user.set(res.user)),
          catchError(() => {
            this.clearSession();
            return of(null);
          }),
        ),
      );
    } finally {
      this._restored.set(true);
    }
  }

  /** Ends the session on the server (best effort) and locally. */
  logout(): Observable<void> {
    const hadToken = this._token() !== null;
    const request = hadToken ? this.api.logout() : of(undefined);
    return request.pipe(
      catchError(() => of(undefined)),
      map(() => undefined),
      finalize(() => this.clearSession()),
    );
  }

  /** Forget the session locally (no server call). */
  clearSession(): void {
    this._token.set(null);
    this._user.set(null);
    this.writeHint(false);
  }

  /** Re-read the current user from the API. */
  reloadMe(): Observable<User> {
    return this.api.me().pipe(
      map((res) => res.user),
      tap((user) => this._user.set(user)),
      catchError((err: unknown) => throwError(() => err)),
    );
  }

  private readHint(): boolean {
    try {
      return localStorage.getItem(SESSION_HINT_KEY) === '1';
    } catch {
      return false;
    }
  }

  private writeHint(on: boolean): void {
    try {
      if (on) localStorage.setItem(SESSION_HINT_KEY, '1');
      else localStorage.removeItem(SESSION_HINT_KEY);
    } catch {
      /* storage unavailable (private mode): sessions simply do not survive reloads */
    }
  }
}
