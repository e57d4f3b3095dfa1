import { HttpErrorResponse } from '@angular/common/http';
import { ErrorCode, type ErrorBody, type FieldError } from '@klasteris/contracts';

const KNOWN_CODES: ReadonlySet<string> = new Set<string>(Object.values(ErrorCode));

/** Client-side codes for failures that never reached the API's error filter. */
export const CLIENT_ERROR_CODES = ['NETWORK', 'UNKNOWN'] as const;
export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number];

export interface ApiErrorInfo {
  /** HTTP status, 0 when the request never reached the server */
  status: number;
  /** the API's machine code, or a client-side one */
  code: ErrorCode | ClientErrorCode;
  /** translation key under `errors.` for the user-facing message */
  messageKey: string;
  /** per-field validation messages (as sent by the API) */
  fields: FieldError[];
  details: Record<string, unknown> | undefined;
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v['code'] === 'string' && typeof v['statusCode'] === 'number';
}

function codeFromStatus(status: number): ErrorCode | ClientErrorCode {
  switch (status) {
    case 0:
      return 'NETWORK';
    case 400:
      return ErrorCode.BadRequest;
    case 401:
      return ErrorCode.Unauthenticated;
    case 403:
      return ErrorCode.Forbidden;
    case 404:
      return ErrorCode.NotFound;
    case 409:
      return ErrorCode.Conflict;
    case 413:
      return ErrorCode.PayloadTooLarge;
    case 429:
      return ErrorCode.TooManyRequests;
    case 503:
      return ErrorCode.ServiceUnavailable;
    default:
      return status >= 500 ? ErrorCode.InternalError : 'UNKNOWN';
  }
}

/**
 * Turns anything thrown by HttpClient (or elsewhere) into a stable, translatable description.
 * Unknown API codes fall back to a code derived from the HTTP status, then to `UNKNOWN`.
 */
export function toApiError(err: unknown): ApiErrorInfo {
  if (err instanceof HttpErrorResponse) {
    const body: unknown = err.error;
    if (isErrorBody(body) && KNOWN_CODES.has(body.code)) {
      return {
        status: err.status,
        code: body.code,
        messageKey: `errors.${body.code}`,
        fields: Array.isArray(body.details?.fields) ? body.details.fields : [],
        details: body.details,
      };
    }
    const code = codeFromStatus(err.status);
    return {
      status: err.status,
      code,
      messageKey: `errors.${code}`,
      fields: isErrorBody(body) && Array.isArray(body.details?.fields) ? body.details.fields : [],
      details: isErrorBody(body) ? body.details : undefined,
    };
  }
  return { status: -1, code: 'UNKNOWN', messageKey: 'errors.UNKNOWN', fields: [], details: undefined };
}
