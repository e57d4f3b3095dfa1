import { Injectable, inject } from '@angular/core';
import type {
  ApplicationListQuery,
  MembershipApplication,
  MembershipStatus,
  Organisation,
  OrganisationListQuery,
  Role,
  User,
  UserListQuery,
  UserStatus,
} from '@klasteris/contracts';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Observable, filter, tap } from 'rxjs';
import { SocketService } from '../../core/socket.service';
import { PagedList } from '../../shared/paged-list';
import { AdminApi } from './admin.api';

/** Administration lists (users, organisations, applications queue) and their actions. */
@Injectable()
export class AdminStore {
  private readonly api = inject(AdminApi);

  readonly users = new PagedList<User, UserListQuery>((q) => this.api.users(q), {});
  readonly organisations = new PagedList<Organisation, OrganisationListQuery>((q) => this.api.organisations(q), {});
  readonly applications = new PagedList<MembershipApplication, ApplicationListQuery>((q) => this.api.applications(q), {
    status: 'pending',
  });

  constructor() {
    // a new application shows up in the queue without a reload
    inject(SocketService)
      .on('notification:new')
      .pipe(
        filter(({ notification }) => notification.kind === 'application.submitted'),
        takeUntilDestroyed(),
      )
      .subscribe(() => {
        if (this.applications.loaded() && this.applications.query().status === 'pending') this.applications.reload();
      });
  }

  setRoles(user: User, roles: Role[]): Observable<{ user: User }> {
    return this.api.setRoles(user.id, { roles }).pipe(tap((res) => this.users.patch((u) => u.id === user.id, res.user)));
  }

  setStatus(user: User, status: UserStatus, reason?: string): Observable<{ user: User }> {
    return this.api
      .setStatus(user.id, { status, ...(reason ? { reason } : {}) })
      .pipe(tap((res) => this.users.patch((u) => u.id === user.id, res.user)));
  }

  setMembership(org: Organisation, membershipStatus: MembershipStatus): Observable<{ organisation: Organisation }> {
    return this.api
      .updateOrganisation(org.id, { membershipStatus })
      .pipe(tap((res) => this.organisations.patch((o) => o.id === org.id, res.organisation)));
  }

  approve(application: MembershipApplication, reason?: string): Observable<{ application: MembershipApplication }> {
    return this.api.approve(application.id, reason).pipe(tap((res) => this.afterDecision(res.application)));
  }

  reject(application: MembershipApplication, reason: string): Observable<{ application: MembershipApplication }> {
    return this.api.reject(application.id, reason).pipe(tap((res) => this.afterDecision(res.application)));
  }

  /** A decided application leaves the pending queue; in other views it is updated in place. */
  private afterDecision(app: MembershipApplication): void {
    const showingPending = this.applications.query().status === 'pending';
    this.applications.patch((a) => a.id === app.id, showingPending ? null : app);
  }
}
