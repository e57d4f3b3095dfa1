import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { NotificationPreferencesResponse, UpdateNotificationPreferencesRequest } from '@klasteris/contracts';
import type { Observable } from 'rxjs';

/** My notification preferences (GET/PUT /api/users/me/notification-preferences). */
@Injectable({ providedIn: 'root' })
export class NotificationPreferencesApi {
  private readonly http = inject(HttpClient);

  get(): Observable<NotificationPreferencesResponse> {
    return this.http.get<NotificationPreferencesResponse>('/api/users/me/notification-preferences');
  }

  update(body: UpdateNotificationPreferencesRequest): Observable<NotificationPreferencesResponse> {
    return this.http.put<NotificationPreferencesResponse>('/api/users/me/notification-preferences', body);
  }
}
