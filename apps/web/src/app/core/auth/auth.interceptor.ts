import { HttpContextToken, HttpErrorResponse, type HttpInterceptorFn, type HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, switchMap, throwError } from 'rxjs';
import { AuthStore } from './auth.store';

/** Marks a request that was already retried after a refresh, so we never loop. */
export const AUTH_RETRIED = new HttpContextToken<boolean>(() => false);

/** Never retried after a refresh (a 401 there is the answer itself). */
const AUTH_ENDPOINTS = /\/api\/auth\/(login|refresh|logout|register)$/;
/** Sent without the access token (logout does carry it, so the API knows which session ends). */
const TOKENLESS_ENDPOINTS = /\/api\/auth\/(login|refresh|register)$/;

function isApi(url: string): boolean {
  return url.startsWith('/api/') || url.startsWith('api/');
}

function withToken<T>(req: HttpRequest<T>, token: string | null): HttpRequest<T> {
  return token ? req.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : req;
}

/**
 * Adds the Bearer token to API calls and, on a 401, refreshes the access token once
 * (POST /api/auth/refresh with the httpOnly cookie) and retries the original request.
 * When the refresh itself fails the session is over: clear it and go to the sign-in page.
 */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  if (!isApi(req.url)) return next(req);

  const auth = inject(AuthStore);
  const router = inject(Router);
  const isAuthEndpoint = AUTH_ENDPOINTS.test(req.url);
  const base = req.url.includes('/api/auth/') ? req.clone({ withCredentials: true }) : req;

  return next(TOKENLESS_ENDPOINTS.test(req.url) ? base : withToken(base, auth.accessToken())).pipe(
    catchError((err: unknown) => {
      const canRetry =
        err instanceof HttpErrorResponse &&
        err.status === 401 &&
        !isAuthEndpoint &&
        !req.context.get(AUTH_RETRIED) &&
        auth.accessToken() !== null;
      if (!canRetry) return throwError(() => err);

      return auth.refreshAccessToken().pipe(
        catchError(() => {
          auth.clearSession();
          void router.navigate(['/login'], { queryParams: { returnUrl: router.url } });
          return throwError(() => err);
        }),
        switchMap((token) => {
          const retry = withToken(base, token);
          retry.context.set(AUTH_RETRIED, true);
          return next(retry);
        }),
      );
    }),
  );
};
