import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '../../config/app-config';
import type { AuthUser } from '../../common/auth-user';
import { isObjectId } from '../../common/object-id';
import { SessionsService } from '../sessions/sessions.service';
import { UsersRepository } from '../users/users.repository';

export interface AccessClaims {
  sub: string;
  sid: string;
}

/**
 * Issues short-lived access tokens and turns a presented one into an AuthUser. Every check reads
 * the session and the user, so logout, revocation, role changes and disabling apply at once
 * (both reads are by primary key).
 */
@Injectable()
export class AccessTokensService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    private readonly sessions: SessionsService,
    private readonly users: UsersRepository,
  ) {}

  async issue(userId: string, sessionId: string): Promise<{ accessToken: string; expiresIn: number }> {
    const claims: AccessClaims = { sub: userId, sid: sessionId };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.config.accessTokenTtlSeconds });
    return { accessToken, expiresIn: this.config.accessTokenTtlSeconds };
  }

  /** Resolves verified claims to the caller, or null when the session or the account is no longer live. */
  async resolve(claims: Partial<AccessClaims>): Promise<AuthUser | null> {
    if (!isObjectId(claims.sub) || !isObjectId(claims.sid)) return null;
    const [session, user] = await Promise.all([this.sessions.findLive(claims.sid), this.users.findById(claims.sub)]);
    if (!session || !user || session.userId !== user.id || user.status !== 'active') return null;
    return { id: user.id, sessionId: session.id, roles: user.roles, organisationId: user.organisationId, displayName: user.displayName };
  }

  /** For sockets (handshake and re-authentication): verify signature and expiry, then resolve; with the token's expiry (ms). */
  async authenticate(token: string): Promise<{ user: AuthUser; expiresAt: number } | null> {
    try {
      const claims = await this.jwt.verifyAsync<AccessClaims & { exp?: number }>(token);
      const user = await this.resolve(claims);
      const expiresAt = typeof claims.exp === 'number' ? claims.exp * 1000 : Date.now() + this.config.accessTokenTtlSeconds * 1000;
      return user ? { user, expiresAt } : null;
    } catch {
      return null;
    }
  }
}
