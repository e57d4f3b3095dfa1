import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreateInvitationRequest,
  CreateInvitationResponse,
  Invitation,
  Organisation,
  OrganisationListQuery,
  Page,
  PeopleQuery,
  PersonSummary,
  UpdateOrganisationRequest,
  UpdateStatusRequest,
  User,
  UserListQuery,
} from '@klasteris/contracts';
import type { Observable } from 'rxjs';
import { toParams } from '../../core/http/http-params';

const id = (value: string): string => encodeURIComponent(value);

@Injectable({ providedIn: 'root' })
export class DirectoryApi {
  private readonly http = inject(HttpClient);

  organisations(query: OrganisationListQuery): Observable<Page<Organisation>> {
    return this.http.get<Page<Organisation>>('/api/organisations', { params: toParams(query) });
  }

  organisation(orgId: string): Observable<{ organisation: Organisation }> {
    return this.http.get<{ organisation: Organisation }>(`/api/organisations/${id(orgId)}`);
  }

  updateOrganisation(orgId: string, body: UpdateOrganisationRequest): Observable<{ organisation: Organisation }> {
    return this.http.patch<{ organisation: Organisation }>(`/api/organisations/${id(orgId)}`, body);
  }

  organisationPeople(orgId: string, query: PeopleQuery = {}): Observable<Page<PersonSummary>> {
    return this.http.get<Page<PersonSummary>>(`/api/organisations/${id(orgId)}/people`, { params: toParams(query) });
  }

  people(query: PeopleQuery): Observable<Page<PersonSummary>> {
    return this.http.get<Page<PersonSummary>>('/api/people', { params: toParams(query) });
  }

  invitations(orgId: string, query: { limit?: number; cursor?: string } = {}): Observable<Page<Invitation>> {
    return this.http.get<Page<Invitation>>(`/api/organisations/${id(orgId)}/invitations`, { params: toParams(query) });
  }

  invite(orgId: string, body: CreateInvitationRequest): Observable<CreateInvitationResponse> {
    return this.http.post<CreateInvitationResponse>(`/api/organisations/${id(orgId)}/invitations`, body);
  }

  revokeInvitation(orgId: string, invitationId: string): Observable<void> {
    return this.http.delete<void>(`/api/organisations/${id(orgId)}/invitations/${id(invitationId)}`);
  }

  /** People of the organisation waiting for activation (needs the API to allow org admins this filter). */
  pendingUsers(query: UserListQuery): Observable<Page<User>> {
    return this.http.get<Page<User>>('/api/users', { params: toParams({ ...query, status: 'pending' }) });
  }

  setUserStatus(userId: string, body: UpdateStatusRequest): Observable<{ user: User }> {
    return this.http.patch<{ user: User }>(`/api/users/${id(userId)}/status`, body);
  }
}
