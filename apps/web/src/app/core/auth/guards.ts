import { inject } from '@angular/core';
import { Router, type CanActivateFn, type CanMatchFn } from '@angular/router';
import type { Role } from '@klasteris/contracts';
import { AuthStore } from './auth.store';

/** Only for signed-in people; others go to /login and come back afterwards. */
export const authGuard: CanActivateFn = (_route, state) => {
  const auth = inject(AuthStore);
  if (auth.isLoggedIn()) return true;
  return inject(Router).createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
};

/** Sign-in and registration pages make no sense when already signed in. */
export const guestGuard: CanActivateFn = () => {
  const auth = inject(AuthStore);
  return auth.isLoggedIn() ? inject(Router).createUrlTree(['/dashboard']) : true;
};

/** Matches only for visitors who are not signed in (the front page `/`). */
export const guestMatch: CanMatchFn = () => !inject(AuthStore).isLoggedIn();

/** Allows the route when the person has at least one of the roles. */
export function roleGuard(roles: readonly Role[]): CanMatchFn & CanActivateFn {
  return () => {
    const auth = inject(AuthStore);
    const router = inject(Router);
    if (!auth.isLoggedIn()) {
      // canMatch runs before the shell's authGuard: keep the address to come back to
      const attempted = router.currentNavigation()?.extractedUrl.toString();
      return router.createUrlTree(['/login'], attempted ? { queryParams: { returnUrl: attempted } } : {});
    }
    return auth.hasAnyRole(roles) ? true : router.createUrlTree(['/dashboard']);
  };
}
