import { Clipboard } from '@angular/cdk/clipboard';
import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { CreateInvitationResponse } from '@klasteris/contracts';
import type { Observable } from 'rxjs';
import { ErrorMessageService } from '../../../core/http/error-message.service';

export interface InviteDialogData {
  organisationName: string;
  invite: (email: string, message?: string) => Observable<CreateInvitationResponse>;
}

/** Makes the API's relative invitation link absolute for sharing. */
export function absoluteLink(link: string, origin: string): string {
  if (/^https?:\/\//i.test(link)) return link;
  return `${origin.replace(/\/$/, '')}${link.startsWith('/') ? '' : '/'}${link}`;
}

@Component({
  selector: 'app-invite-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressSpinnerModule,
    TranslocoPipe,
  ],
  template: `
    <h2 mat-dialog-title>{{ 'invite.dialogTitle' | transloco: { organisation: data.organisationName } }}</h2>
    @if (link(); as l) {
      <mat-dialog-content>
        <div class="done" role="status">
          <mat-icon aria-hidden="true" fontIcon="check_circle" />
          <p>{{ 'invite.created' | transloco: { email: sentTo() } }}</p>
        </div>
        <p class="muted">{{ 'invite.shareHint' | transloco }}</p>
        <div class="link-box">
          <code class="link" data-testid="invite-link">{{ l }}</code>
          <button mat-icon-button type="button" (click)="copy(l)" data-testid="invite-copy" [attr.aria-label]="'invite.copy' | transloco">
            <mat-icon aria-hidden="true" fontIcon="content_copy" />
          </button>
        </div>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" (click)="again()">{{ 'invite.another' | transloco }}</button>
        <button mat-flat-button type="button" mat-dialog-close cdkFocusInitial data-testid="invite-done">
          {{ 'common.done' | transloco }}
        </button>
      </mat-dialog-actions>
    } @else {
      <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
        <mat-dialog-content>
          <p class="muted">{{ 'invite.dialogLead' | transloco }}</p>
          <mat-form-field class="full-width">
            <mat-label>{{ 'auth.email' | transloco }}</mat-label>
            <input matInput type="email" formControlName="email" required data-testid="invite-email" cdkFocusInitial />
            @if (form.controls.email.touched && form.controls.email.invalid) {
              <mat-error>{{ 'validation.email' | transloco }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field class="full-width">
            <mat-label>{{ 'invite.message' | transloco }}</mat-label>
            <textarea matInput formControlName="message" rows="3" data-testid="invite-message"></textarea>
          </mat-form-field>
          @if (error()) {
            <p class="form-error" role="alert">{{ error() }}</p>
          }
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
          <button mat-flat-button type="submit" [disabled]="busy()" data-testid="invite-submit">
            @if (busy()) {
              <mat-spinner diameter="18" [attr.aria-label]="'common.loading' | transloco" />
            } @else {
              {{ 'invite.send' | transloco }}
            }
          </button>
        </mat-dialog-actions>
      </form>
    }
  `,
  styles: `
    .done {
      display: flex;
      gap: 10px;
      align-items: center;
      color: #064e45;
    }
    .done p {
      margin: 0;
    }
    .link-box {
      display: flex;
      align-items: center;
      gap: 4px;
      background: var(--k-surface);
      border: 1px solid var(--k-border);
      border-radius: 10px;
      padding: 6px 6px 6px 12px;
    }
    .link {
      flex: 1;
      word-break: break-all;
      font-size: 13px;
    }
  `,
})
export class InviteDialogComponent {
  protected readonly data = inject<InviteDialogData>(MAT_DIALOG_DATA);
  private readonly clipboard = inject(Clipboard);
  private readonly snack = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly errors = inject(ErrorMessageService);
  private readonly origin = inject(DOCUMENT).location.origin;

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    message: ['', Validators.maxLength(500)],
  });
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly link = signal<string | null>(null);
  protected readonly sentTo = signal('');

  submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { email, message } = this.form.getRawValue();
    this.busy.set(true);
    this.error.set(null);
    this.data.invite(email.trim(), message.trim() || undefined).subscribe({
      next: (res) => {
        this.busy.set(false);
        this.sentTo.set(res.invitation.email);
        this.link.set(absoluteLink(res.link, this.origin));
      },
      error: (err: unknown) => {
        this.busy.set(false);
        this.error.set(this.errors.message(err));
      },
    });
  }

  copy(link: string): void {
    const ok = this.clipboard.copy(link);
    this.snack.open(this.transloco.translate(ok ? 'invite.copied' : 'invite.copyFailed'), undefined, { duration: 3000 });
  }

  again(): void {
    this.form.reset();
    this.link.set(null);
  }
}
