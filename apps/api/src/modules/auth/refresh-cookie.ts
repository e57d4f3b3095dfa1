import type { Response } from 'express';
import { REFRESH_COOKIE } from '@klasteris/contracts';
import type { AppConfig } from '../../config/app-config';

const base = (config: AppConfig) => ({ httpOnly: true, sameSite: 'strict' as const, secure: config.cookieSecure, path: '/api/auth' });

/** The refresh token travels only in this httpOnly cookie, scoped to /api/auth. */
export function setRefreshCookie(res: Response, token: string, config: AppConfig): void {
  res.cookie(REFRESH_COOKIE, token, { ...base(config), maxAge: config.refreshTokenTtlDays * 86_400_000 });
}

export function clearRefreshCookie(res: Response, config: AppConfig): void {
  res.clearCookie(REFRESH_COOKIE, base(config));
}
