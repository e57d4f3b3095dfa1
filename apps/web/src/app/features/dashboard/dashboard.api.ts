import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { MembershipApplication, Organisation, Page } from '@klasteris/contracts';
import type { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class DashboardApi {
  private readonly http = inject(HttpClient);

  organisation(id: string): Observable<{ organisation: Organisation }> {
    return this.http.get<{ organisation: Organisation }>(`/api/organisations/${encodeURIComponent(id)}`);
  }

  pendingApplications(limit = 100): Observable<Page<MembershipApplication>> {
    return this.http.get<Page<MembershipApplication>>('/api/applications', {
      params: new HttpParams().set('status', 'pending').set('limit', limit),
    });
  }
}
