import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CalendarFeedResponse, CalendarResponse } from '@klasteris/contracts';
import type { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class CalendarApi {
  private readonly http = inject(HttpClient);

  range(from: string, to: string): Observable<CalendarResponse> {
    return this.http.get<CalendarResponse>('/api/calendar', { params: { from, to } });
  }

  /** A new private feed URL (the old one stops working). */
  createFeed(): Observable<CalendarFeedResponse> {
    return this.http.post<CalendarFeedResponse>('/api/bookings/feed', {});
  }
}
