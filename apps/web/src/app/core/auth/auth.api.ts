import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ChangePasswordRequest,
  LoginRequest,
  LoginResponse,
  MeResponse,
  RefreshResponse,
  RegisterRequest,
  RegisterResponse,
  UpdateProfileRequest,
} from '@klasteris/contracts';
import type { Observable } from 'rxjs';

export const API = '/api';

@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);

  login(body: LoginRequest): Observable<LoginResponse> {
    return this.http.post<LoginResponse>(`${API}/auth/login`, body, { withCredentials: true });
  }

  register(body: RegisterRequest): Observable<RegisterResponse> {
    return this.http.post<RegisterResponse>(`${API}/auth/register`, body, { withCredentials: true });
  }

  refresh(): Observable<RefreshResponse> {
    return this.http.post<RefreshResponse>(`${API}/auth/refresh`, {}, { withCredentials: true });
  }

  logout(): Observable<void> {
    return this.http.post<void>(`${API}/auth/logout`, {}, { withCredentials: true });
  }

  me(): Observable<MeResponse> {
    return this.http.get<MeResponse>(`${API}/auth/me`);
  }

  updateMe(body: UpdateProfileRequest): Observable<MeResponse> {
    return this.http.patch<MeResponse>(`${API}/auth/me`, body);
  }

  changePassword(body: ChangePasswordRequest): Observable<void> {
    return this.http.post<void>(`${API}/auth/me/password`, body);
  }
}
