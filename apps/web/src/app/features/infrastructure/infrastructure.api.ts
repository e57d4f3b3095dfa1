import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AvailabilityResponse,
  Booking,
  BookingListQuery,
  CalendarFeedResponse,
  CancelBookingRequest,
  CancelBookingResponse,
  CreateBookingRequest,
  CreateBookingResponse,
  Page,
  Resource,
  ResourceListQuery,
  CreateResourceRequest,
  UpdateResourceRequest,
  TimelineQuery,
  TimelineRow,
  UtilisationResponse,
  WaitlistEntry,
} from '@klasteris/contracts';
import type { Observable } from 'rxjs';
import { toParams } from '../../core/http/http-params';

const id = (value: string): string => encodeURIComponent(value);

@Injectable({ providedIn: 'root' })
export class InfrastructureApi {
  private readonly http = inject(HttpClient);

  resources(query: ResourceListQuery): Observable<Page<Resource>> {
    return this.http.get<Page<Resource>>('/api/resources', { params: toParams(query) });
  }

  timeline(query: TimelineQuery): Observable<Page<TimelineRow>> {
    return this.http.get<Page<TimelineRow>>('/api/resources/timeline', { params: toParams(query) });
  }

  utilisation(month: string): Observable<UtilisationResponse> {
    return this.http.get<UtilisationResponse>('/api/bookings/utilisation', { params: toParams({ month }) });
  }

  utilisationCsv(month: string): Observable<string> {
    return this.http.get('/api/bookings/utilisation.csv', { params: toParams({ month }), responseType: 'text' });
  }

  joinWaitlist(body: {
    resourceId: string;
    start: string;
    end: string;
    purpose: string;
    units?: number;
  }): Observable<{ entry: WaitlistEntry }> {
    return this.http.post<{ entry: WaitlistEntry }>('/api/waitlist', body);
  }

  myWaitlist(): Observable<Page<WaitlistEntry>> {
    return this.http.get<Page<WaitlistEntry>>('/api/waitlist/mine');
  }

  acceptOffer(entryId: string): Observable<{ booking: Booking }> {
    return this.http.post<{ booking: Booking }>(`/api/waitlist/${id(entryId)}/accept`, {});
  }

  leaveWaitlist(entryId: string): Observable<void> {
    return this.http.delete<void>(`/api/waitlist/${id(entryId)}`);
  }

  createResource(body: CreateResourceRequest): Observable<{ resource: Resource }> {
    return this.http.post<{ resource: Resource }>('/api/resources', body);
  }

  updateResource(resourceId: string, body: UpdateResourceRequest): Observable<{ resource: Resource }> {
    return this.http.patch<{ resource: Resource }>(`/api/resources/${id(resourceId)}`, body);
  }

  resource(resourceId: string): Observable<{ resource: Resource }> {
    return this.http.get<{ resource: Resource }>(`/api/resources/${id(resourceId)}`);
  }

  availability(resourceId: string, from: string, to: string): Observable<AvailabilityResponse> {
    return this.http.get<AvailabilityResponse>(`/api/resources/${id(resourceId)}/availability`, { params: toParams({ from, to }) });
  }

  book(body: CreateBookingRequest): Observable<CreateBookingResponse> {
    return this.http.post<CreateBookingResponse>('/api/bookings', body);
  }

  booking(bookingId: string): Observable<{ booking: Booking }> {
    return this.http.get<{ booking: Booking }>(`/api/bookings/${id(bookingId)}`);
  }

  mine(query: BookingListQuery): Observable<Page<Booking>> {
    return this.http.get<Page<Booking>>('/api/bookings/mine', { params: toParams(query) });
  }

  /** Every booking linked to a card, by start (project members only). */
  cardBookings(cardId: string, cursor?: string): Observable<Page<Booking>> {
    return this.http.get<Page<Booking>>(`/api/bookings/card/${id(cardId)}`, { params: toParams({ limit: 100, cursor }) });
  }

  /** Upcoming pending and confirmed bookings linked to a project (project members only). */
  projectBookings(projectId: string): Observable<{ items: Booking[]; nextCursor: null }> {
    return this.http.get<{ items: Booking[]; nextCursor: null }>(`/api/bookings/project/${id(projectId)}`);
  }

  approvals(cursor?: string): Observable<Page<Booking>> {
    return this.http.get<Page<Booking>>('/api/bookings/approvals', { params: toParams({ limit: 50, cursor }) });
  }

  approve(bookingId: string, note?: string): Observable<{ booking: Booking }> {
    return this.http.post<{ booking: Booking }>(`/api/bookings/${id(bookingId)}/approve`, note ? { note } : {});
  }

  reject(bookingId: string, note?: string): Observable<{ booking: Booking }> {
    return this.http.post<{ booking: Booking }>(`/api/bookings/${id(bookingId)}/reject`, note ? { note } : {});
  }

  checkIn(bookingId: string): Observable<{ booking: Booking }> {
    return this.http.post<{ booking: Booking }>(`/api/bookings/${id(bookingId)}/check-in`, {});
  }

  cancel(bookingId: string, body: CancelBookingRequest = {}): Observable<CancelBookingResponse> {
    return this.http.post<CancelBookingResponse>(`/api/bookings/${id(bookingId)}/cancel`, body);
  }

  resourceIcs(resourceId: string): Observable<string> {
    return this.http.get(`/api/resources/${id(resourceId)}/calendar.ics`, { responseType: 'text' });
  }

  createFeed(): Observable<CalendarFeedResponse> {
    return this.http.post<CalendarFeedResponse>('/api/bookings/feed', {});
  }
}
