import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ApplicationListQuery,
  ApplicationReport,
  MembershipApplication,
  Organisation,
  OrganisationListQuery,
  Page,
  UpdateOrganisationRequest,
  UpdateRolesRequest,
  UpdateStatusRequest,
  User,
  UserListQuery,
} from '@klasteris/contracts';
import type { Observable } from 'rxjs';
import { toParams } from '../../core/http/http-params';

const id = (value: string): string => encodeURIComponent(value);

@Injectable({ providedIn: 'root' })
export class AdminApi {
  private readonly http = inject(HttpClient);

  users(query: UserListQuery): Observable<Page<User>> {
    return this.http.get<Page<User>>('/api/users', { params: toParams(query) });
  }

  setRoles(userId: string, body: UpdateRolesRequest): Observable<{ user: User }> {
    return this.http.patch<{ user: User }>(`/api/users/${id(userId)}/roles`, body);
  }

  setStatus(userId: string, body: UpdateStatusRequest): Observable<{ user: User }> {
    return this.http.patch<{ user: User }>(`/api/users/${id(userId)}/status`, body);
  }

  organisations(query: OrganisationListQuery): Observable<Page<Organisation>> {
    return this.http.get<Page<Organisation>>('/api/organisations', { params: toParams(query) });
  }

  updateOrganisation(orgId: string, body: UpdateOrganisationRequest): Observable<{ organisation: Organisation }> {
    return this.http.patch<{ organisation: Organisation }>(`/api/organisations/${id(orgId)}`, body);
  }

  applications(query: ApplicationListQuery): Observable<Page<MembershipApplication>> {
    return this.http.get<Page<MembershipApplication>>('/api/applications', { params: toParams(query) });
  }

  /** Applications by source event and by country (coordinators and admins). */
  applicationsReport(): Observable<ApplicationReport> {
    return this.http.get<ApplicationReport>('/api/applications/report');
  }

  approve(applicationId: string, reason?: string): Observable<{ application: MembershipApplication }> {
    return this.http.post<{ application: MembershipApplication }>(
      `/api/applications/${id(applicationId)}/approve`,
      reason ? { reason } : {},
    );
  }

  reject(applicationId: string, reason: string): Observable<{ application: MembershipApplication }> {
    return this.http.post<{ application: MembershipApplication }>(`/api/applications/${id(applicationId)}/reject`, { reason });
  }
}
