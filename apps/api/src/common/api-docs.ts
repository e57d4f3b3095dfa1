import { applyDecorators } from '@nestjs/common';
import type { Type } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiExtension, ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/**
 * OpenAPI helpers. Most of the document is completed generically (openapi/document.ts): success
 * bodies from the handlers' return types, and the error statuses every operation of a kind can
 * answer (400 with parameters or a body, 401/403 when authenticated, 404 with a path id, 409 for
 * writes, 413/415 with a body, 503). These decorators add what only the handler knows.
 */
export const ERROR_BODY_REF = '#/components/schemas/ErrorBody';

export const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'VALIDATION_FAILED (details.fields) or another bad-request code',
  401: 'UNAUTHENTICATED: no, an expired or a revoked access token',
  403: 'FORBIDDEN: signed in but not allowed',
  404: 'NOT_FOUND: no such thing, or one the caller may not know exists',
  409: 'A conflict with the current state (CONFLICT, VERSION_CONFLICT with details.current, …)',
  410: 'Gone: the link or token has expired or was used',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'A rule refused the request (details say which)',
  429: 'TOO_MANY_REQUESTS / RATE_LIMITED / SLOW_MODE, with Retry-After in seconds',
  503: 'SERVICE_UNAVAILABLE: the database (or a dependency) is not reachable; retry',
};

/** The extension marking `@Public()` operations; the document turns it into `security: []`. */
export const PUBLIC_EXTENSION = 'x-klasteris-public';

/** Documents error statuses a handler answers beyond those of its kind, with the error body. */
export function ApiErrors(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: ERROR_DESCRIPTIONS[status] ?? 'Error',
        content: { 'application/json': { schema: { $ref: ERROR_BODY_REF } } },
      }),
    ),
  );
}

/** A success response that is not JSON (a file, a calendar, a CSV): its media types as strings. */
export function ApiFileResponse(mediaTypes: string[], status = 200, description = 'The file'): MethodDecorator & ClassDecorator {
  const content = Object.fromEntries(
    mediaTypes.map((t) => [
      t,
      { schema: t.startsWith('text/') ? { type: 'string' as const } : { type: 'string' as const, format: 'binary' } },
    ]),
  );
  return ApiResponse({ status, description, content });
}

/** Marks a public operation in the document (used by `@Public()`). */
export const ApiPublic = (): MethodDecorator & ClassDecorator => ApiExtension(PUBLIC_EXTENSION, true) as MethodDecorator & ClassDecorator;

/** A multipart upload: the file in field `file` (plus the fields of the DTO `extra`). */
export function ApiFileUpload(extra?: Type): MethodDecorator {
  const file: SchemaObject = { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } };
  return applyDecorators(
    ...(extra ? [ApiExtraModels(extra)] : []),
    ApiConsumes('multipart/form-data'),
    ApiBody({ required: true, schema: extra ? { allOf: [{ $ref: getSchemaPath(extra) }, file] } : file }),
    ApiErrors(413, 415),
  );
}
