import { HttpStatus, Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import {
  ErrorCode,
  type Language,
  type LoginResponse,
  type RegisterRequest,
  type UpdateProfileRequest,
  type User,
} from '@klasteris/contracts';
import { ApiException, notFound, unauthenticated } from '../../common/api-exception';
import type { AuthUser } from '../../common/auth-user';
import { colorFor, initialsOf } from '../../common/text';
import { AppConfig } from '../../config/app-config';
import { OrganisationsRepository } from '../organisations/organisations.repository';
import { SessionsService } from '../sessions/sessions.service';
import { toUser } from '../users/user.mapper';
import type { UserRecord } from '../users/user.schema';
import { UserActivatedEvent, UserIdentityChangedEvent, UserRegisteredEvent } from '../users/users.events';
import { UsersRepository } from '../users/users.repository';
import { AccessTokensService } from './access-tokens.service';
import { RegistrationAwaitsApprovalEvent } from './auth.events';
import { LoginThrottleService } from './login-throttle.service';
import { burnPasswordCheck, hashPassword, verifyPassword } from './passwords';
import { isDuplicateKeyError } from '../../common/duplicate-key';

export interface ClientMeta {
  ip: string;
  userAgent: string | null;
}

export interface SignedIn extends LoginResponse {
  refreshToken: string;
}

const invalidCredentials = (): ApiException =>
  new ApiException(HttpStatus.UNAUTHORIZED, ErrorCode.InvalidCredentials, 'E-mail or password is not correct');

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly sessions: SessionsService,
    private readonly tokens: AccessTokensService,
    private readonly throttle: LoginThrottleService,
    private readonly config: AppConfig,
    private readonly events: EventEmitter2,
  ) {}

  /** Self-registration: active at once in demo mode, pending approval in production. */
  async register(input: RegisterRequest): Promise<User> {
    let organisationName: string | null = null;
    if (input.organisationId) {
      const org = await this.organisations.findById(input.organisationId);
      if (!org || (org.membershipStatus !== 'member' && org.membershipStatus !== 'partner')) {
        throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.ValidationFailed, 'Choose a member or partner organisation', {
          fields: [{ field: 'organisationId', message: 'is not a member or partner organisation' }],
        });
      }
      organisationName = org.name;
    }
    const user = await this.createUser({ ...input, organisationName, status: this.config.isDemo ? 'active' : 'pending' });
    if (!this.config.isDemo) this.events.emit(UserRegisteredEvent.event, new UserRegisteredEvent(user.id));
    if (user.status === 'pending') {
      const reviewers = await this.users.idsWithRole(['coordinator', 'admin']);
      const orgAdmins = user.organisationId ? await this.users.idsWithRole(['org_admin'], user.organisationId) : [];
      await this.events.emitAsync(
        RegistrationAwaitsApprovalEvent.event,
        new RegistrationAwaitsApprovalEvent([...reviewers, ...orgAdmins], { id: user.id, displayName: user.displayName }),
      );
    }
    return toUser(user);
  }

  /** Creates an account (shared by registration, applications and invitations). Duplicate e-mail → 409 EMAIL_TAKEN. */
  async createUser(input: {
    email: string;
    password: string;
    displayName: string;
    organisationId?: string | null;
    organisationName?: string | null;
    status: UserRecord['status'];
    roles?: UserRecord['roles'];
    title?: string | null;
    timeZone?: string;
    language?: Language;
  }): Promise<UserRecord> {
    if (await this.users.findByEmail(input.email)) throw emailTaken();
    try {
      const user = await this.users.create({
        email: input.email,
        passwordHash: await hashPassword(input.password),
        displayName: input.displayName,
        roles: input.roles ?? ['member'],
        organisationId: input.organisationId ?? null,
        organisationName: input.organisationName ?? null,
        status: input.status,
        avatarColor: colorFor(input.email),
        initials: initialsOf(input.displayName),
        title: input.title ?? null,
        ...(input.timeZone ? { timeZone: input.timeZone } : {}),
        ...(input.language ? { language: input.language } : {}),
      });
      if (user.status === 'active') this.events.emit(UserActivatedEvent.event, new UserActivatedEvent(user.id));
      return user;
    } catch (err) {
      if (isDuplicateKeyError(err)) throw emailTaken();
      throw err;
    }
  }

  async login(email: string, password: string, meta: ClientMeta): Promise<SignedIn> {
    await this.throttle.assertAllowed(email, meta.ip);
    const user = await this.users.findByEmail(email);
    const ok = user ? await verifyPassword(user.passwordHash, password) : (await burnPasswordCheck(password), false);
    if (!user || !ok) {
      await this.throttle.recordFailure(email, meta.ip);
      throw invalidCredentials();
    }
    await this.throttle.recordSuccess(email, meta.ip);
    if (user.status === 'pending') {
      throw new ApiException(HttpStatus.FORBIDDEN, ErrorCode.AccountPending, 'Your account waits for approval', {
        reason: user.statusReason,
      });
    }
    if (user.status === 'disabled') {
      throw new ApiException(HttpStatus.FORBIDDEN, ErrorCode.AccountDisabled, 'Your account is disabled', { reason: user.statusReason });
    }
    return this.signIn(user, meta);
  }

  /** Opens a session for an active user: access token + refresh token. */
  async signIn(user: UserRecord, meta: ClientMeta): Promise<SignedIn> {
    const { session, refreshToken } = await this.sessions.open(user.id, { ip: meta.ip, userAgent: meta.userAgent });
    const access = await this.tokens.issue(user.id, session.id);
    return { ...access, user: toUser(user), refreshToken };
  }

  async refresh(token: string | undefined): Promise<{ accessToken: string; expiresIn: number; refreshToken: string }> {
    if (!token) throw unauthenticated('No refresh token');
    const outcome = await this.sessions.refresh(token);
    switch (outcome.kind) {
      case 'rotated': {
        const user = await this.users.findById(outcome.session.userId);
        if (!user || user.status !== 'active') {
          await this.sessions.revoke(outcome.session.id, 'account-not-active');
          throw unauthenticated('Your account is not active');
        }
        return { ...(await this.tokens.issue(user.id, outcome.session.id)), refreshToken: outcome.refreshToken };
      }
      case 'raced':
        throw unauthenticated('This refresh token was just rotated; use the new one');
      case 'reused':
        throw new ApiException(
          HttpStatus.UNAUTHORIZED,
          ErrorCode.SessionRevoked,
          'This refresh token was already used; the session has been ended for safety',
        );
      case 'invalid':
        throw unauthenticated('Refresh token is not valid');
    }
  }

  logout(me: AuthUser): Promise<void> {
    return this.sessions.revoke(me.sessionId, 'logout');
  }

  async me(me: AuthUser): Promise<User> {
    const user = await this.users.findById(me.id);
    if (!user) throw notFound('User');
    return toUser(user);
  }

  async updateProfile(me: AuthUser, patch: UpdateProfileRequest): Promise<User> {
    const user = await this.users.updateProfile(me.id, patch);
    if (!user) throw notFound('User');
    if (patch.displayName !== undefined) this.events.emit(UserIdentityChangedEvent.event, new UserIdentityChangedEvent(me.id, 'profile'));
    return toUser(user);
  }

  /** Changes the password and ends every other session of the user. */
  async changePassword(me: AuthUser, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.users.findById(me.id);
    if (!user) throw notFound('User');
    if (!(await verifyPassword(user.passwordHash, currentPassword))) {
      throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.WrongPassword, 'The current password is not correct', {
        fields: [{ field: 'currentPassword', message: 'is not correct' }],
      });
    }
    await this.users.setPasswordHash(me.id, await hashPassword(newPassword));
    await this.sessions.revokeAllForUser(me.id, 'password-changed', me.sessionId);
  }
}

const emailTaken = (): ApiException =>
  new ApiException(HttpStatus.CONFLICT, ErrorCode.EmailTaken, 'An account with this e-mail already exists', {
    fields: [{ field: 'email', message: 'is already registered' }],
  });
