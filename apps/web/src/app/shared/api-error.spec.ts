import { HttpErrorResponse } from '@angular/common/http';
import { toApiError } from './api-error';

const httpError = (status: number, error: unknown) => new HttpErrorResponse({ status, error, url: '/api/x' });

describe('toApiError', () => {
  it('uses the API code when it is a known one', () => {
    const info = toApiError(httpError(401, { statusCode: 401, code: 'INVALID_CREDENTIALS', message: 'Wrong' }));
    expect(info.code).toBe('INVALID_CREDENTIALS');
    expect(info.messageKey).toBe('errors.INVALID_CREDENTIALS');
    expect(info.status).toBe(401);
  });

  it('carries validation field errors', () => {
    const info = toApiError(
      httpError(400, {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'bad',
        details: { fields: [{ field: 'email', message: 'must be an email' }] },
      }),
    );
    expect(info.messageKey).toBe('errors.VALIDATION_FAILED');
    expect(info.fields).toEqual([{ field: 'email', message: 'must be an email' }]);
  });

  it('falls back to a code derived from the status for unknown codes', () => {
    expect(toApiError(httpError(403, { statusCode: 403, code: 'SOMETHING_NEW', message: 'x' })).messageKey).toBe('errors.FORBIDDEN');
    expect(toApiError(httpError(429, 'Too Many Requests')).code).toBe('TOO_MANY_REQUESTS');
    expect(toApiError(httpError(502, '<html>Bad gateway</html>')).code).toBe('INTERNAL_ERROR');
    expect(toApiError(httpError(418, null)).messageKey).toBe('errors.UNKNOWN');
  });

  it('recognises network failures', () => {
    expect(toApiError(httpError(0, new ProgressEvent('error'))).messageKey).toBe('errors.NETWORK');
  });

  it('handles things that are not HTTP errors', () => {
    expect(toApiError(new Error('boom')).messageKey).toBe('errors.UNKNOWN');
    expect(toApiError(undefined).code).toBe('UNKNOWN');
  });
});
