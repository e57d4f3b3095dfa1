import { HttpException, HttpStatus } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { ErrorBody, ErrorCode } from '@klasteris/contracts';
import { ApiException } from './api-exception';
import { isDatabaseUnavailableError } from './database-unavailable';
import { isDuplicateKeyError } from './duplicate-key';

const STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  400: ErrorCode.BadRequest,
  401: ErrorCode.Unauthenticated,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  409: ErrorCode.Conflict,
  413: ErrorCode.PayloadTooLarge,
  415: ErrorCode.UnsupportedMediaType,
  429: ErrorCode.TooManyRequests,
  503: ErrorCode.ServiceUnavailable,
};

/** What body-parser throws (an http-errors object; `type` is missing for some, e.g. a broken gzip stream). */
interface BodyParserError {
  type?: string;
  status: number;
  expose?: boolean;
}
const isBodyParserError = (e: unknown): e is BodyParserError =>
  typeof e === 'object' &&
  e !== null &&
  typeof (e as BodyParserError).status === 'number' &&
  (typeof (e as BodyParserError).type === 'string' || typeof (e as BodyParserError).expose === 'boolean');

/**
 * Maps anything thrown to the contract's error body. Unknown errors become a generic 500 without
 * internals (no stack, no Mongo text); `internal` tells the caller to log the original.
 */
export function toErrorBody(exception: unknown): { body: ErrorBody; internal: boolean } {
  if (exception instanceof ApiException) {
    const status = exception.getStatus();
    return {
      body: {
        statusCode: status,
        code: exception.code,
        message: exception.message,
        ...(exception.details ? { details: exception.details } : {}),
      },
      internal: false,
    };
  }
  if (exception instanceof ThrottlerException) {
    return { body: { statusCode: 429, code: ErrorCode.TooManyRequests, message: 'Too many requests, slow down' }, internal: false };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const code = STATUS_CODES[status] ?? (status >= 500 ? ErrorCode.InternalError : ErrorCode.BadRequest);
    const message = status === 404 ? 'Not found' : exception.message;
    return { body: { statusCode: status, code, message }, internal: status >= 500 };
  }
  if (isBodyParserError(exception)) {
    if (exception.type === 'entity.too.large') {
      return { body: { statusCode: 413, code: ErrorCode.PayloadTooLarge, message: 'Request body is too large' }, internal: false };
    }
    if (exception.type === 'charset.unsupported' || exception.type === 'encoding.unsupported' || exception.status === 415) {
      return {
        body: {
          statusCode: 415,
          code: ErrorCode.UnsupportedMediaType,
          message: 'Send the body as UTF-8 JSON (gzip, deflate or br, or no Content-Encoding)',
        },
        internal: false,
      };
    }
    if (exception.status >= 400 && exception.status < 500) {
      return { body: { statusCode: 400, code: ErrorCode.BadRequest, message: 'Malformed request body' }, internal: false };
    }
  }
  if (isDuplicateKeyError(exception)) {
    return { body: { statusCode: HttpStatus.CONFLICT, code: ErrorCode.Conflict, message: 'This already exists' }, internal: false };
  }
  if (isDatabaseUnavailableError(exception)) {
    // transient: the client retries (an idempotent send with the same clientMsgId); still logged
    const body = {
      statusCode: 503,
      code: ErrorCode.ServiceUnavailable,
      message: 'The database is not reachable right now; try again shortly',
      details: { retryAfter: 1 },
    };
    return { body, internal: true };
  }
  return { body: { statusCode: 500, code: ErrorCode.InternalError, message: 'Something went wrong on our side' }, internal: true };
}
