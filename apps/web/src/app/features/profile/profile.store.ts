import { Injectable, inject, signal } from '@angular/core';
import type { ChangePasswordRequest, UpdateProfileRequest, User } from '@klasteris/contracts';
import { Observable, finalize } from 'rxjs';
import { AuthApi } from '../../core/auth/auth.api';
import { AuthStore } from '../../core/auth/auth.store';

@Injectable()
export class ProfileStore {
  private readonly auth = inject(AuthStore);
  private readonly api = inject(AuthApi);

  readonly saving = signal(false);
  readonly changingPassword = signal(false);

  save(body: UpdateProfileRequest): Observable<User> {
    this.saving.set(true);
    return this.auth.updateProfile(body).pipe(finalize(() => this.saving.set(false)));
  }

  changePassword(body: ChangePasswordRequest): Observable<void> {
    this.changingPassword.set(true);
    return this.api.changePassword(body).pipe(finalize(() => this.changingPassword.set(false)));
  }
}
