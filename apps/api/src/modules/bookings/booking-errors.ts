import { HttpStatus } from '@nestjs/common';
import { ErrorCode, type BusyInterval } from '@klasteris/contracts';
import { ApiException } from '../../common/api-exception';
import type { RuleViolation } from './policy/rules';
import { iso, Span } from './policy/time';

export const toIntervals = (spans: Span[]): BusyInterval[] => spans.map((s) => ({ start: iso(s.start), end: iso(s.end) }));

export const bookingConflict = (spans: Span[], extra: Record<string, unknown> = {}): ApiException =>
  new ApiException(HttpStatus.CONFLICT, ErrorCode.BookingConflict, 'This time is already booked', {
    conflicts: toIntervals(spans),
    ...extra,
  });

export const ruleViolated = (v: RuleViolation, extra: Record<string, unknown> = {}): ApiException =>
  new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.BookingRuleViolated, v.message, {
    rule: v.rule,
    ...(v.limit ? { limit: v.limit } : {}),
    ...extra,
  });

export const stateConflict = (status: string): ApiException =>
  new ApiException(HttpStatus.CONFLICT, ErrorCode.BookingStateConflict, `The booking is ${status} and can no longer change this way`, {
    status,
  });
