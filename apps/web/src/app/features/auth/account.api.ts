import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { EmailChangeRequest, MailTokenRequest, PasswordResetConfirmRequest, PasswordResetRequest } from '@klasteris/contracts';
import type { Observable } from 'rxjs';

/** Account mails with single-use links: password reset and e-mail change. */
@Injectable({ providedIn: 'root' })
export class AccountApi {
  private readonly http = inject(HttpClient);

  requestReset(body: PasswordResetRequest): Observable<void> {
    return this.http.post<void>('/api/auth/password-reset', body);
  }

  confirmReset(body: PasswordResetConfirmRequest): Observable<void> {
    return this.http.post<void>('/api/auth/password-reset/confirm', body);
  }

  requestEmailChange(body: EmailChangeRequest): Observable<void> {
    return this.http.post<void>('/api/users/me/email', body);
  }

  confirmEmailChange(body: MailTokenRequest): Observable<void> {
    return this.http.post<void>('/api/auth/email-change/confirm', body);
  }

  verifyEmail(body: MailTokenRequest): Observable<void> {
    return this.http.post<void>('/api/auth/verify-email', body);
  }
}
