import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { EventProspectsResponse, InviteProspectRequest, InviteProspectResponse } from '@klasteris/contracts';
import type { Observable } from 'rxjs';

const id = (value: string): string => encodeURIComponent(value);

/** An event's prospects and their invitations to apply for membership (the organisers only). */
@Injectable({ providedIn: 'root' })
export class ProspectsApi {
  private readonly http = inject(HttpClient);

  list(eventId: string): Observable<EventProspectsResponse> {
    return this.http.get<EventProspectsResponse>(`/api/events/${id(eventId)}/prospects`);
  }
  invite(eventId: string, registrationId: string, body: InviteProspectRequest): Observable<InviteProspectResponse> {
    return this.http.post<InviteProspectResponse>(`/api/events/${id(eventId)}/prospects/${id(registrationId)}/invite`, body);
  }
}
