import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AcceptInvitationRequest,
  ApplyInvitationPreviewResponse,
  CreateApplicationRequest,
  InvitationPreview,
  LoginResponse,
  MembershipApplication,
} from '@klasteris/contracts';
import type { Observable } from 'rxjs';

/** Public onboarding calls: membership applications and invitation acceptance. */
@Injectable({ providedIn: 'root' })
export class OnboardingApi {
  private readonly http = inject(HttpClient);

  apply(body: CreateApplicationRequest): Observable<{ application: MembershipApplication }> {
    return this.http.post<{ application: MembershipApplication }>('/api/applications', body);
  }

  /** What an invitation to apply prefills (its mail's link: /apply?invitation=…). */
  applyInvitation(token: string): Observable<ApplyInvitationPreviewResponse> {
    return this.http.get<ApplyInvitationPreviewResponse>(`/api/applications/invitations/${encodeURIComponent(token)}`);
  }

  invitation(token: string): Observable<{ invitation: InvitationPreview }> {
    return this.http.get<{ invitation: InvitationPreview }>(`/api/invitations/${encodeURIComponent(token)}`);
  }

  acceptInvitation(token: string, body: AcceptInvitationRequest): Observable<LoginResponse> {
    return this.http.post<LoginResponse>(`/api/invitations/${encodeURIComponent(token)}/accept`, body, {
      withCredentials: true,
    });
  }
}
