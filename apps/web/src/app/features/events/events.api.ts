import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AttendeesResponse,
  CheckInResponse,
  EventAnnouncementResponse,
  EventChannelResponse,
  PostEventAnnouncementRequest,
  ClusterEvent,
  CreateEventRequest,
  CreateEventSeriesRequest,
  EventSeriesResponse,
  EventListQuery,
  EventResponse,
  Page,
  RsvpChoice,
  RsvpResponse,
  UpdateEventRequest,
} from '@klasteris/contracts';
import type { Observable } from 'rxjs';
import { toParams } from '../../core/http/http-params';

const id = (value: string): string => encodeURIComponent(value);

/** The members' events API (issue 12): list, read, create, change, cancel, RSVP, attendance. */
@Injectable({ providedIn: 'root' })
export class EventsApi {
  private readonly http = inject(HttpClient);

  list(query: EventListQuery): Observable<Page<ClusterEvent>> {
    return this.http.get<Page<ClusterEvent>>('/api/events', { params: toParams(query) });
  }
  get(eventId: string): Observable<EventResponse> {
    return this.http.get<EventResponse>(`/api/events/${id(eventId)}`);
  }
  create(body: CreateEventRequest): Observable<EventResponse> {
    return this.http.post<EventResponse>('/api/events', body);
  }
  update(eventId: string, body: UpdateEventRequest): Observable<EventResponse> {
    return this.http.patch<EventResponse>(`/api/events/${id(eventId)}`, body);
  }
  cancel(eventId: string, reason?: string): Observable<EventResponse> {
    return this.http.post<EventResponse>(`/api/events/${id(eventId)}/cancel`, reason ? { reason } : {});
  }
  createSeries(body: CreateEventSeriesRequest): Observable<EventSeriesResponse> {
    return this.http.post<EventSeriesResponse>('/api/event-series', body);
  }
  series(seriesId: string): Observable<EventSeriesResponse> {
    return this.http.get<EventSeriesResponse>(`/api/event-series/${id(seriesId)}`);
  }
  cancelSeries(seriesId: string, reason?: string): Observable<EventSeriesResponse> {
    return this.http.post<EventSeriesResponse>(`/api/event-series/${id(seriesId)}/cancel`, reason ? { reason } : {});
  }
  rsvp(eventId: string, status: RsvpChoice): Observable<RsvpResponse> {
    return this.http.post<RsvpResponse>(`/api/events/${id(eventId)}/rsvp`, { status });
  }
  attendees(eventId: string, q?: string): Observable<AttendeesResponse> {
    return this.http.get<AttendeesResponse>(`/api/events/${id(eventId)}/attendees`, { params: toParams({ q: q?.trim() || undefined }) });
  }
  /** At the event: an organiser marks someone present or absent. */
  checkIn(eventId: string, attendeeId: string, present: boolean): Observable<CheckInResponse> {
    return this.http.post<CheckInResponse>(`/api/events/${id(eventId)}/attendees/${id(attendeeId)}/check-in`, { present });
  }
  /** The attendees' chat (people going and organisers). */
  channel(eventId: string): Observable<EventChannelResponse> {
    return this.http.get<EventChannelResponse>(`/api/events/${id(eventId)}/channel`);
  }
  /** The organisers' post to the people going. */
  announce(eventId: string, body: PostEventAnnouncementRequest): Observable<EventAnnouncementResponse> {
    return this.http.post<EventAnnouncementResponse>(`/api/events/${id(eventId)}/announcements`, body);
  }
  /** The .ics and the CSV need the bearer token: fetched here, saved as files by the page. */
  ics(eventId: string): Observable<string> {
    return this.http.get(`/api/events/${id(eventId)}/calendar.ics`, { responseType: 'text' });
  }
  attendeesCsv(eventId: string): Observable<string> {
    return this.http.get(`/api/events/${id(eventId)}/attendees.csv`, { responseType: 'text' });
  }
}
