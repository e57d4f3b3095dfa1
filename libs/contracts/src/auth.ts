import type { Language } from './common';
import type { User } from './users';

export interface RegisterRequest {
  email: string;
  password: string;
  displayName: string;
  organisationId?: string;
  /** IANA time zone (the web app sends the browser's); default Europe/Vilnius */
  timeZone?: string;
  /** the language the person used (the web app sends its current one; default en): their notifications and mails are written in it */
  language?: Language;
}
export interface RegisterResponse {
  user: User;
}

export interface LoginRequest {
  email: string;
  password: string;
}
export interface LoginResponse {
  accessToken: string;
  /** seconds until the access token expires */
  expiresIn: number;
  user: User;
}

export interface RefreshResponse {
  accessToken: string;
  expiresIn: number;
}

export interface MeResponse {
  user: User;
}

/** Name of the httpOnly cookie holding the refresh token (path /api/auth). */
export const REFRESH_COOKIE = 'klasteris_rt';
