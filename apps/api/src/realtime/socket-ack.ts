import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Ack, ClientToServerEvents } from '@klasteris/contracts';
import { validationFailed } from '../common/api-exception';
import { toErrorBody } from '../common/error-body';
import { findOperatorKeys } from '../common/operator-guard.middleware';
import { toFieldErrors } from '../common/validation';

type Ctor<T> = new () => T;

/** Validates a socket payload with the same rules as HTTP bodies (whitelist, no unknown fields, no operators). */
export async function parsePayload<T extends object>(type: Ctor<T>, payload: unknown): Promise<T> {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw validationFailed([{ field: '(payload)', message: 'must be an object' }]);
  }
  const operators = findOperatorKeys(payload);
  if (operators.length > 0) throw validationFailed(operators);
  const dto = plainToInstance(type, payload);
  const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) throw validationFailed(toFieldErrors(errors));
  return dto;
}

/**
 * Runs a socket handler and shapes its outcome as the contract's ack: `{ ok: true, ...result }` or
 * `{ ok: false, error: { code, message, details } }` — the same error bodies as HTTP; never a crash.
 */
export async function ack<T extends object>(work: () => Promise<T>, onInternal: (err: unknown) => void): Promise<Ack<T>> {
  try {
    return { ok: true, ...(await work()) };
  } catch (err) {
    const { body, internal } = toErrorBody(err);
    if (internal) onInternal(err);
    return { ok: false, error: { code: body.code, message: body.message, ...(body.details ? { details: body.details } : {}) } };
  }
}

/** What a client→server event answers, as the contracts declare it: a handler's return type ties it to the event map. */
export type AckOf<E extends keyof ClientToServerEvents> = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0];
