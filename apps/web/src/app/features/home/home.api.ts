import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ClusterSummary } from '@klasteris/contracts';
import type { Observable } from 'rxjs';

/** What the visitor's front page reads: public endpoints only. */
@Injectable({ providedIn: 'root' })
export class HomeApi {
  private readonly http = inject(HttpClient);

  summary(): Observable<ClusterSummary> {
    return this.http.get<ClusterSummary>('/api/organisations/summary');
  }
}
