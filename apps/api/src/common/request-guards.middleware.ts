import { HttpStatus } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ErrorCode } from '@klasteris/contracts';
import { ApiException } from './api-exception';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Bodies a cross-site HTML form can send without a CORS preflight. */
const FORM_TYPES = /^\s*(application\/x-www-form-urlencoded|text\/plain)\b/i;
/** RFC 8058 one-click unsubscribe: mail clients POST `List-Unsubscribe=One-Click` as a form (the token is in the URL). */
const FORM_ALLOWED = new Set(['/api/mail/unsubscribe']);

const hasBody = (req: Request): boolean => req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;

/**
 * Login CSRF and friends: the API takes JSON (and multipart uploads), never the form encodings a
 * foreign page can post without a preflight (415); and a write that a browser marks as coming from
 * another origin is refused (403 ORIGIN_NOT_ALLOWED) — the refresh cookie would otherwise ride
 * along. Clients outside a browser send no Origin and are unaffected.
 */
export function requestGuards(allowedOrigins: readonly string[]): RequestHandler {
  const allowed = new Set(allowedOrigins);
  return (req: Request, _res: Response, next: NextFunction): void => {
    if (!WRITES.has(req.method) || !req.path.startsWith('/api/')) return next();
    const origin = req.headers.origin;
    if (origin !== undefined && !allowed.has(origin)) {
      return next(new ApiException(HttpStatus.FORBIDDEN, ErrorCode.OriginNotAllowed, 'Requests from this origin are not accepted'));
    }
    const type = req.headers['content-type'];
    if (hasBody(req) && type !== undefined && FORM_TYPES.test(type) && !FORM_ALLOWED.has(req.path)) {
      return next(new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ErrorCode.UnsupportedMediaType, 'Send the body as application/json'));
    }
    next();
  };
}
