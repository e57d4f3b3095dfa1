import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Role } from '@klasteris/contracts';
import { ApiPublic } from './api-docs';
import type { AuthUser } from './auth-user';

export const IS_PUBLIC = 'klasteris:public';
export const REQUIRED_ROLES = 'klasteris:roles';

/** Opts a route out of the global authentication guard (and marks it `security: []` in the document). */
export const Public = (): MethodDecorator & ClassDecorator => applyDecorators(SetMetadata(IS_PUBLIC, true), ApiPublic());

/**
 * Documents and enforces authentication; with `roles`, the caller needs at least one of them.
 * Object-level checks (membership, organisation) live in services next to their queries.
 */
export function Authenticated(options: { roles?: Role[] } = {}): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(REQUIRED_ROLES, options.roles ?? []),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED' }),
    ...(options.roles?.length ? [ApiForbiddenResponse({ description: 'FORBIDDEN' })] : []),
  );
}

/** The authenticated caller, as resolved by the guard. */
export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthUser => {
  const req = ctx.switchToHttp().getRequest<{ user: AuthUser }>();
  return req.user;
});
