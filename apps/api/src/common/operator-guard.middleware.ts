import type { NextFunction, Request, Response } from 'express';
import type { FieldError } from '@klasteris/contracts';
import { validationFailed } from './api-exception';

const MAX_DEPTH = 12;
/** Keys that reach an object's prototype when copied (JSON.parse keeps `__proto__` as an own key). */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Lists every key that MongoDB would read as an operator or a path (`$...` or containing a dot), and prototype keys. */
export function findOperatorKeys(value: unknown, path = '', depth = 0, out: FieldError[] = []): FieldError[] {
  if (depth > MAX_DEPTH) {
    out.push({ field: path || '(root)', message: 'is nested too deeply' });
    return out;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => findOperatorKeys(v, `${path}[${i}]`, depth + 1, out));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      const field = path ? `${path}.${key}` : key;
      if (key.startsWith('$') || key.includes('.') || key.includes('\0')) {
        out.push({ field, message: 'must not contain "$" operators or dots in keys' });
      } else if (PROTOTYPE_KEYS.has(key)) {
        out.push({ field, message: 'is not an allowed key' });
      } else {
        findOperatorKeys(v, field, depth + 1, out);
      }
    }
  }
  return out;
}

/** Rejects bodies and queries carrying MongoDB operators before any handler sees them. */
export function operatorGuardMiddleware(req: Request, _res: Response, next: NextFunction): void {
  const fields = [...findOperatorKeys(req.body), ...findOperatorKeys(req.query)];
  const queryKeys = Object.keys(req.query ?? {}).filter((k) => k.includes('$') || k.includes('['));
  for (const k of queryKeys) fields.push({ field: k, message: 'must not contain "$" operators or brackets' });
  if (fields.length > 0) throw validationFailed(fields);
  next();
}
