import { HttpException, HttpStatus } from '@nestjs/common';
import { ErrorCode } from '@klasteris/contracts';

/** An HTTP error with a stable machine `code` (libs/contracts ErrorCode) and optional details. */
export class ApiException extends HttpException {
  constructor(
    status: HttpStatus,
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super({ statusCode: status, code, message, details }, status);
  }
}

export const notFound = (what = 'Resource'): ApiException =>
  new ApiException(HttpStatus.NOT_FOUND, ErrorCode.NotFound, `${what} not found`);

export const forbidden = (message = 'You are not allowed to do this'): ApiException =>
  new ApiException(HttpStatus.FORBIDDEN, ErrorCode.Forbidden, message);

export const unauthenticated = (message = 'Sign in first'): ApiException =>
  new ApiException(HttpStatus.UNAUTHORIZED, ErrorCode.Unauthenticated, message);

export const validationFailed = (fields: { field: string; message: string }[]): ApiException =>
  new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.ValidationFailed, fields.map((f) => `${f.field}: ${f.message}`).join('; '), {
    fields,
  });
