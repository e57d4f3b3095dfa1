import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ConfirmRegistrationResponse,
  Page,
  PublicEvent,
  PublicRegistration,
  PublicRegistrationRequest,
  PublicRegistrationResponse,
} from '@klasteris/contracts';
import { map, type Observable } from 'rxjs';

/** The visitor site's events: public endpoints only, no session needed. */
@Injectable({ providedIn: 'root' })
export class VisitApi {
  private readonly http = inject(HttpClient);

  events(q: { limit?: number; cursor?: string | null } = {}): Observable<Page<PublicEvent>> {
    const params: Record<string, string> = { limit: String(q.limit ?? 20) };
    if (q.cursor) params['cursor'] = q.cursor;
    return this.http.get<Page<PublicEvent>>('/api/public/events', { params });
  }

  event(id: string): Observable<PublicEvent> {
    return this.http.get<{ event: PublicEvent }>(`/api/public/events/${encodeURIComponent(id)}`).pipe(map((r) => r.event));
  }

  register(id: string, body: PublicRegistrationRequest): Observable<PublicRegistration> {
    return this.http
      .post<PublicRegistrationResponse>(`/api/public/events/${encodeURIComponent(id)}/registrations`, body)
      .pipe(map((r) => r.registration));
  }

  /** The confirm link of an offer mail: takes up the place held for the prospect (or says what became of the hold). */
  confirm(token: string): Observable<ConfirmRegistrationResponse> {
    return this.http.post<ConfirmRegistrationResponse>('/api/public/events/registrations/confirm', { token });
  }

  cancel(token: string): Observable<void> {
    return this.http.post<void>('/api/public/events/registrations/cancel', { token });
  }
}

/** The public calendar (iCalendar) of upcoming public events, and one event's. */
export const PUBLIC_EVENTS_ICS = '/api/public/events/calendar.ics';
export const publicEventIcs = (id: string): string => `/api/public/events/${encodeURIComponent(id)}/calendar.ics`;
