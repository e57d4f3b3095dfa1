import { BadRequestException, NotFoundException } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { forbidden } from './api-exception';
import { toErrorBody } from './error-body';

describe('toErrorBody', () => {
  it('keeps our codes and details', () => {
    expect(toErrorBody(forbidden())).toEqual({
      body: { statusCode: 403, code: 'FORBIDDEN', message: 'You are not allowed to do this' },
      internal: false,
    });
  });

  it('maps framework exceptions, body-parser errors and duplicate keys to stable codes', () => {
    expect(toErrorBody(new NotFoundException('Cannot GET /api/x')).body).toEqual({
      statusCode: 404,
      code: 'NOT_FOUND',
      message: 'Not found',
    });
    expect(toErrorBody(new BadRequestException('x')).body.code).toBe('BAD_REQUEST');
    expect(toErrorBody(new ThrottlerException()).body.code).toBe('TOO_MANY_REQUESTS');
    expect(toErrorBody({ type: 'entity.too.large', status: 413 }).body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
    expect(toErrorBody({ type: 'entity.parse.failed', status: 400 }).body).toMatchObject({ statusCode: 400, code: 'BAD_REQUEST' });
    expect(toErrorBody(Object.assign(new Error('E11000 duplicate key error collection: users'), { code: 11000 })).body).toEqual({
      statusCode: 409,
      code: 'CONFLICT',
      message: 'This already exists',
    });
  });

  it('answers 503 SERVICE_UNAVAILABLE (retry) while the database cannot be reached, still flagged for logging', () => {
    const unreachable = [
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:27017'), { name: 'MongoNetworkError' }),
      Object.assign(new Error('Server selection timed out after 5000 ms'), { name: 'MongoServerSelectionError' }),
      Object.assign(new Error('Operation `messages.insertOne()` buffering timed out after 10000ms'), { name: 'MongooseError' }),
      new Error('write failed', { cause: Object.assign(new Error('pool cleared'), { name: 'MongoPoolClearedError' }) }),
    ];
    for (const err of unreachable) {
      expect(toErrorBody(err)).toEqual({
        body: {
          statusCode: 503,
          code: 'SERVICE_UNAVAILABLE',
          message: 'The database is not reachable right now; try again shortly',
          details: { retryAfter: 1 },
        },
        internal: true,
      });
    }
    expect(toErrorBody(Object.assign(new Error('Cast to ObjectId failed'), { name: 'MongooseError' })).body.statusCode).toBe(500);
  });

  it('hides internals of unknown errors and flags them for logging', () => {
    const r = toErrorBody(new Error('MongoServerError: connection refused at 10.0.0.1'));
    expect(r).toEqual({ body: { statusCode: 500, code: 'INTERNAL_ERROR', message: 'Something went wrong on our side' }, internal: true });
  });
});
