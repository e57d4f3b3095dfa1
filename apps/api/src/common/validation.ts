import { ValidationError, ValidationPipe } from '@nestjs/common';
import type { FieldError } from '@klasteris/contracts';
import { validationFailed } from './api-exception';

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message: message.replace(/^property /, '') }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

export const toFieldErrors = flatten;

/** The global pipe: whitelist DTOs, refuse unknown fields, transform types; errors → VALIDATION_FAILED. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    stopAtFirstError: false,
    exceptionFactory: (errors) => validationFailed(flatten(errors)),
  });
}
