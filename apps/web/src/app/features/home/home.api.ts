import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ClusterSummary, Page, PublicEvent } from '@klasteris/contracts';
import type { Observable } from 'rxjs';

/** What the visitor's front page reads: public endpoints only. */
@Injectable({ providedIn: 'root' })
export class HomeApi {
  private readonly http = inject(HttpClient);

  summary(): Observable<ClusterSummary> {
    return this.http.get<ClusterSummary>('/api/organisations/summary');
  }

  /** The next few public events (the visitor site's). */
  upcomingEvents(limit = 3): Observable<Page<PublicEvent>> {
    return this.http.get<Page<PublicEvent>>('/api/public/events', { params: { limit: String(limit) } });
  }
}
