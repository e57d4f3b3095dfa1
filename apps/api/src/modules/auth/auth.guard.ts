import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Role } from '@klasteris/contracts';
import { forbidden, unauthenticated } from '../../common/api-exception';
import { IS_PUBLIC, REQUIRED_ROLES } from '../../common/auth.decorators';
import { hasRole, type AuthUser } from '../../common/auth-user';

/** Global: every route needs a valid access token unless marked @Public(); @Authenticated({ roles }) narrows it. */
@Injectable()
export class GlobalAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) {
      // Public routes still recognise a signed-in caller (e.g. staff see more of the directory).
      const req = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>();
      if (req.headers['authorization']) await Promise.resolve(super.canActivate(context)).catch(() => false);
      return true;
    }
    await super.canActivate(context);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets) ?? [];
    const user = context.switchToHttp().getRequest<{ user: AuthUser }>().user;
    if (roles.length > 0 && !hasRole(user, ...roles)) throw forbidden();
    return true;
  }

  override handleRequest<T>(err: unknown, user: T | false): T {
    if (err) throw err instanceof Error && 'getStatus' in err ? err : unauthenticated();
    if (!user) throw unauthenticated();
    return user;
  }
}
