import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { toErrorBody } from './error-body';
import { logSafe } from './text';

/** The one place that shapes HTTP errors (socket acks use toErrorBody too). */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const res = host.switchToHttp().getResponse<Response>();
    const { body, internal } = toErrorBody(exception);
    // one line whatever the error quotes (input included): a request cannot forge log lines
    if (internal) this.logger.error(logSafe(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception)));
    if (res.headersSent) return;
    const retryAfter = body.statusCode === 429 || body.statusCode === 503 ? retryAfterOf(body.details, res) : null;
    if (retryAfter !== null) res.setHeader('Retry-After', String(retryAfter));
    // A route may have declared another type (@Header('Content-Type', 'text/csv')) before failing:
    // the error is JSON, shown in place, never a download.
    res.removeHeader('Content-Disposition');
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.status(body.statusCode).json(body);
  }
}

/**
 * Whole seconds to wait: from the error's `retryAfter`, or from the header @nestjs/throttler sets
 * under its throttler's name (`Retry-After-public-writes`), which clients do not know to read.
 */
function retryAfterOf(details: Record<string, unknown> | undefined, res: Response): number | null {
  let seconds = typeof details?.['retryAfter'] === 'number' ? details['retryAfter'] : NaN;
  if (Number.isNaN(seconds)) {
    const named = res.getHeaderNames().find((h) => h.startsWith('retry-after-'));
    seconds = named ? Number(res.getHeader(named)) : NaN;
  }
  return Number.isFinite(seconds) ? Math.max(1, Math.ceil(seconds)) : null;
}
