import { HttpStatus, Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { ErrorCode, type Page, type Role, type User, type UserStatus } from '@klasteris/contracts';
import { ApiException, forbidden, notFound } from '../../common/api-exception';
import { AuthUser, hasRole, isStaff } from '../../common/auth-user';
import { toPage } from '../../common/pagination';
import { AuditService } from '../audit/audit.service';
import { SessionsService } from '../sessions/sessions.service';
import { toUser } from './user.mapper';
import type { UserRecord } from './user.schema';
import { UserActivatedEvent, UserIdentityChangedEvent } from './users.events';
import { UserSearch, UsersRepository } from './users.repository';

/** Administration of people: listing, roles, statuses. Profile and password live in AuthService. */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly events: EventEmitter2,
  ) {}

  async list(me: AuthUser, q: Omit<UserSearch, 'organisationIds'>): Promise<Page<User>> {
    let organisationId = q.organisationId;
    if (!isStaff(me)) {
      if (!hasRole(me, 'org_admin') || !me.organisationId) throw forbidden();
      if (organisationId && organisationId !== me.organisationId) throw forbidden();
      organisationId = me.organisationId;
    }
    const rows = await this.users.search({ ...q, organisationId });
    return toPage(rows, q.limit, (r) => r.displayName, toUser);
  }

  async setRoles(me: AuthUser, id: string, requested: Role[]): Promise<User> {
    const target = await this.users.findById(id);
    if (!target) throw notFound('User');
    const roles = [...new Set<Role>(['member', ...requested])];
    if (roles.includes('org_admin') && !target.organisationId) {
      throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.ValidationFailed, 'An organisation admin must belong to an organisation', {
        fields: [{ field: 'roles', message: 'org_admin needs an organisation' }],
      });
    }
    if (target.roles.includes('admin') && !roles.includes('admin')) await this.assertNotLastAdmin(target);
    const updated = await this.users.setRoles(id, roles);
    if (!updated) throw notFound('User');
    // open sockets keep no stale roles: realtime re-reads the identity before their next event
    this.events.emit(UserIdentityChangedEvent.event, new UserIdentityChangedEvent(id, 'roles'));
    await this.audit.record({
      actorId: me.id,
      action: 'user.roles.changed',
      targetType: 'user',
      targetId: id,
      before: { roles: target.roles },
      after: { roles },
    });
    return toUser(updated);
  }

  /**
   * Admins may set any status; coordinators may activate pending people; organisation admins may
   * activate, disable and re-enable people of their own organisation (not cluster staff).
   * Disabling revokes every session at once.
   */
  async setStatus(me: AuthUser, id: string, status: UserStatus, reason: string | null): Promise<User> {
    const target = await this.users.findById(id);
    if (!target) throw notFound('User');
    if (target.id === me.id) throw forbidden('You cannot change your own status');
    this.assertMayChangeStatus(me, target, status);
    if (status === 'disabled' && target.roles.includes('admin')) await this.assertNotLastAdmin(target);
    const updated = await this.users.setStatus(id, status, reason);
    if (!updated) throw notFound('User');
    if (status !== 'active') await this.sessions.revokeAllForUser(id, `status-${status}`);
    else if (target.status !== 'active') this.events.emit(UserActivatedEvent.event, new UserActivatedEvent(id));
    this.events.emit(UserIdentityChangedEvent.event, new UserIdentityChangedEvent(id, `status-${status}`));
    await this.audit.record({
      actorId: me.id,
      action: 'user.status.changed',
      targetType: 'user',
      targetId: id,
      scopeId: target.organisationId,
      reason,
      before: { status: target.status },
      after: { status },
    });
    return toUser(updated);
  }

  private assertMayChangeStatus(me: AuthUser, target: UserRecord, status: UserStatus): void {
    if (hasRole(me, 'admin')) return;
    if (hasRole(me, 'coordinator') && target.status === 'pending' && status === 'active') return;
    const sameOrg = hasRole(me, 'org_admin') && me.organisationId !== null && me.organisationId === target.organisationId;
    if (sameOrg && !hasRole(target, 'admin', 'coordinator')) return;
    throw forbidden();
  }

  private async assertNotLastAdmin(target: UserRecord): Promise<void> {
    const admins = await this.users.idsWithRole(['admin']);
    if (admins.length <= 1 && admins.includes(target.id)) {
      throw new ApiException(HttpStatus.CONFLICT, ErrorCode.LastAdmin, 'The last active admin cannot lose the admin role or be disabled');
    }
  }
}
