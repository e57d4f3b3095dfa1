import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AcknowledgementReport,
  Announcement,
  AuditEntry,
  AuditQuery,
  CreateGroupRequest,
  GroupBan,
  GroupChannel,
  GroupMember,
  InviteOrganisationResponse,
  Organisation,
  PersonSummary,
  JoinRequest,
  Mute,
  MyGroup,
  Page,
  Report,
  ResolveReportRequest,
  UpdateGroupRequest,
  WordFilterRule,
} from '@klasteris/contracts';
import type { Observable } from 'rxjs';

export interface Coordinator {
  userId: string;
  displayName: string;
  organisationName: string | null;
}

const params = (query: object): HttpParams => {
  let p = new HttpParams();
  for (const [k, v] of Object.entries(query) as [string, unknown][])
    if (v !== undefined && v !== null && v !== '') p = p.set(k, String(v as string | number));
  return p;
};
const id = (value: string): string => encodeURIComponent(value);

@Injectable({ providedIn: 'root' })
export class GroupsApi {
  private readonly http = inject(HttpClient);

  list(query: { q?: string; archived?: boolean; cursor?: string; limit?: number }): Observable<Page<MyGroup>> {
    return this.http.get<Page<MyGroup>>('/api/groups', { params: params(query) });
  }
  get(groupId: string): Observable<{ group: MyGroup; coordinators: Coordinator[] }> {
    return this.http.get<{ group: MyGroup; coordinators: Coordinator[] }>(`/api/groups/${id(groupId)}`);
  }
  create(body: CreateGroupRequest): Observable<{ group: MyGroup }> {
    return this.http.post<{ group: MyGroup }>('/api/groups', body);
  }
  update(groupId: string, body: UpdateGroupRequest): Observable<{ group: MyGroup }> {
    return this.http.patch<{ group: MyGroup }>(`/api/groups/${id(groupId)}`, body);
  }
  archive(groupId: string, reason: string): Observable<{ group: MyGroup }> {
    return this.http.post<{ group: MyGroup }>(`/api/groups/${id(groupId)}/archive`, { reason });
  }
  restore(groupId: string, reason?: string): Observable<{ group: MyGroup }> {
    return this.http.post<{ group: MyGroup }>(`/api/groups/${id(groupId)}/restore`, reason ? { reason } : {});
  }
  appoint(groupId: string, userId: string, reason?: string): Observable<void> {
    return this.http.put<void>(`/api/groups/${id(groupId)}/coordinators/${id(userId)}`, reason ? { reason } : {});
  }
  dismiss(groupId: string, userId: string, reason?: string): Observable<void> {
    return this.http.delete<void>(`/api/groups/${id(groupId)}/coordinators/${id(userId)}`, { params: params({ reason }) });
  }
  invite(groupId: string, userId: string, reason?: string): Observable<void> {
    return this.http.post<void>(`/api/groups/${id(groupId)}/invitations`, { userId, ...(reason ? { reason } : {}) });
  }
  inviteOrganisation(groupId: string, organisationId: string, reason?: string): Observable<InviteOrganisationResponse> {
    return this.http.post<InviteOrganisationResponse>(`/api/groups/${id(groupId)}/organisation-invitations`, {
      organisationId,
      ...(reason ? { reason } : {}),
    });
  }
  /** People of the cluster to invite (directory search). */
  people(q: string): Observable<Page<PersonSummary>> {
    return this.http.get<Page<PersonSummary>>('/api/people', { params: params({ q, limit: 10 }) });
  }
  /** Member and partner organisations to invite as a whole. */
  organisations(): Observable<Page<Organisation>> {
    return this.http.get<Page<Organisation>>('/api/organisations', { params: params({ limit: 100 }) });
  }
  bans(groupId: string): Observable<{ items: GroupBan[] }> {
    return this.http.get<{ items: GroupBan[] }>(`/api/groups/${id(groupId)}/bans`);
  }
  unban(groupId: string, userId: string, reason?: string): Observable<void> {
    return this.http.delete<void>(`/api/groups/${id(groupId)}/bans/${id(userId)}`, { params: params({ reason }) });
  }
  channels(groupId: string): Observable<{ items: GroupChannel[] }> {
    return this.http.get<{ items: GroupChannel[] }>(`/api/groups/${id(groupId)}/channels`);
  }
  members(groupId: string, cursor?: string): Observable<Page<GroupMember>> {
    return this.http.get<Page<GroupMember>>(`/api/groups/${id(groupId)}/members`, { params: params({ cursor, limit: 100 }) });
  }
  join(groupId: string, message?: string): Observable<{ group: MyGroup }> {
    return this.http.post<{ group: MyGroup }>(`/api/groups/${id(groupId)}/join`, message ? { message } : {});
  }
  leave(groupId: string): Observable<void> {
    return this.http.post<void>(`/api/groups/${id(groupId)}/leave`, {});
  }
  requests(groupId: string): Observable<Page<JoinRequest>> {
    return this.http.get<Page<JoinRequest>>(`/api/groups/${id(groupId)}/requests`, { params: params({ status: 'pending', limit: 100 }) });
  }
  decide(groupId: string, requestId: string, approve: boolean, reason?: string): Observable<void> {
    return this.http.post<void>(`/api/groups/${id(groupId)}/requests/${id(requestId)}/decision`, {
      approve,
      ...(reason ? { reason } : {}),
    });
  }
  reports(groupId: string): Observable<Page<Report>> {
    return this.http.get<Page<Report>>(`/api/groups/${id(groupId)}/reports`, { params: params({ status: 'open', limit: 100 }) });
  }
  resolve(groupId: string, reportId: string, body: ResolveReportRequest): Observable<{ report: Report }> {
    return this.http.post<{ report: Report }>(`/api/groups/${id(groupId)}/reports/${id(reportId)}/resolve`, body);
  }
  mutes(groupId: string): Observable<{ items: Mute[] }> {
    return this.http.get<{ items: Mute[] }>(`/api/groups/${id(groupId)}/mutes`);
  }
  mute(groupId: string, userId: string, durationSeconds: number, reason: string): Observable<{ mute: Mute }> {
    return this.http.post<{ mute: Mute }>(`/api/groups/${id(groupId)}/mutes`, { userId, durationSeconds, reason });
  }
  unmute(groupId: string, userId: string, reason?: string): Observable<void> {
    return this.http.delete<void>(`/api/groups/${id(groupId)}/mutes/${id(userId)}`, { params: params({ reason }) });
  }
  remove(groupId: string, userId: string, reason: string, ban: boolean): Observable<void> {
    return this.http.post<void>(`/api/groups/${id(groupId)}/${ban ? 'bans' : 'removals'}`, { userId, reason });
  }
  slowMode(groupId: string, channelId: string, seconds: number, reason?: string): Observable<void> {
    return this.http.put<void>(`/api/groups/${id(groupId)}/slow-mode`, { channelId, seconds, ...(reason ? { reason } : {}) });
  }
  wordFilter(groupId: string): Observable<{ rules: WordFilterRule[] }> {
    return this.http.get<{ rules: WordFilterRule[] }>(`/api/groups/${id(groupId)}/word-filter`);
  }
  setWordFilter(groupId: string, rules: WordFilterRule[], reason?: string): Observable<{ rules: WordFilterRule[] }> {
    return this.http.put<{ rules: WordFilterRule[] }>(`/api/groups/${id(groupId)}/word-filter`, { rules, ...(reason ? { reason } : {}) });
  }
  announcements(groupId: string): Observable<Page<Announcement>> {
    return this.http.get<Page<Announcement>>(`/api/groups/${id(groupId)}/announcements`, { params: params({ limit: 10 }) });
  }
  announce(groupId: string, body: string, requireAck: boolean): Observable<{ announcement: Announcement }> {
    return this.http.post<{ announcement: Announcement }>(`/api/groups/${id(groupId)}/announcements`, {
      body,
      requireAck,
      clientMsgId: `a${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`,
    });
  }
  acknowledge(groupId: string, announcementId: string): Observable<{ announcement: Announcement }> {
    return this.http.post<{ announcement: Announcement }>(`/api/groups/${id(groupId)}/announcements/${id(announcementId)}/ack`, {});
  }
  acks(groupId: string, announcementId: string): Observable<AcknowledgementReport> {
    return this.http.get<AcknowledgementReport>(`/api/groups/${id(groupId)}/announcements/${id(announcementId)}/acks`);
  }
  audit(query: AuditQuery): Observable<Page<AuditEntry>> {
    return this.http.get<Page<AuditEntry>>('/api/audit', { params: params(query) });
  }
  auditCsv(query: AuditQuery): Observable<Blob> {
    return this.http.get('/api/audit.csv', { params: params(query), responseType: 'blob' });
  }
}
