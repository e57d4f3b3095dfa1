import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { type AbstractControl, FormControl, FormGroup, ReactiveFormsModule, type ValidationErrors, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { REPORT_REASON_MAX_LENGTH, type Message } from '@klasteris/contracts';
import { firstValueFrom } from 'rxjs';
import { ErrorMessageService } from '../../../core/http/error-message.service';
import { ChatApi } from '../chat.api';

export interface ReportDialogData {
  message: Message;
  /** already resolved: the author's name and the message as plain text */
  authorName: string;
  excerpt: string;
}

const blank = (c: AbstractControl<string>): ValidationErrors | null => (c.value.trim() ? null : { required: true });

/** How the dialog ended: filed now, or found filed by me before. */
export type ReportOutcome = 'sent' | 'already';

/** Asks why a message should be looked at, then reports it to the group's coordinators; closes with the outcome once filed. */
@Component({
  selector: 'app-report-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule, TranslocoPipe],
  template: `
    <h2 mat-dialog-title>{{ 'moderation.report.title' | transloco }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()">
      <mat-dialog-content>
        <p class="intro">{{ 'moderation.report.intro' | transloco }}</p>
        <blockquote class="quote" data-testid="report-quote">
          <span class="who">{{ data.authorName }}</span>
          <span class="text">{{ data.excerpt }}</span>
        </blockquote>
        <mat-form-field class="full-width">
          <mat-label>{{ 'moderation.report.reason' | transloco }}</mat-label>
          <textarea
            matInput
            [formControl]="reason"
            rows="3"
            required
            cdkFocusInitial
            [attr.maxlength]="max"
            data-testid="report-reason"
          ></textarea>
          <mat-hint align="end">{{ reason.value.length }}/{{ max }}</mat-hint>
          @if (reason.invalid && reason.touched) {
            <mat-error>{{ 'moderation.report.reasonRequired' | transloco }}</mat-error>
          }
        </mat-form-field>
        @if (error(); as e) {
          <p class="error" role="alert" data-testid="report-error">{{ e }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close data-testid="report-cancel">{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="report-submit">
          {{ 'moderation.report.submit' | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .intro {
      margin-top: 0;
    }
    .quote {
      margin: 0 0 16px;
      padding: 8px 12px;
      border-left: 3px solid var(--k-border, #c4ced6);
      background: var(--k-surface-alt, #f4f7f9);
      border-radius: 4px;
    }
    .quote .who {
      display: block;
      font-weight: 600;
      margin-bottom: 2px;
    }
    .quote .text {
      display: -webkit-box;
      -webkit-line-clamp: 4;
      line-clamp: 4;
      -webkit-box-orient: vertical;
      overflow: hidden;
      white-space: pre-line;
    }
    .full-width {
      width: 100%;
    }
    .error {
      color: #b3261e;
      margin: 4px 0 0;
    }
  `,
})
export class ReportDialogComponent {
  protected readonly data = inject<ReportDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<ReportDialogComponent, ReportOutcome>>(MatDialogRef);
  private readonly api = inject(ChatApi);
  private readonly errors = inject(ErrorMessageService);
  private readonly transloco = inject(TranslocoService);

  protected readonly max = REPORT_REASON_MAX_LENGTH;
  protected readonly reason = new FormControl('', {
    nonNullable: true,
    validators: [blank, Validators.maxLength(REPORT_REASON_MAX_LENGTH)],
  });
  protected readonly form = new FormGroup({ reason: this.reason });
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected async submit(): Promise<void> {
    this.reason.markAsTouched();
    if (this.reason.invalid || this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      const { created } = await firstValueFrom(this.api.report(this.data.message.id, this.reason.value.trim()));
      this.ref.close(created ? 'sent' : 'already');
    } catch (err) {
      // a message deleted meanwhile answers 404: say so rather than a bare "not found"
      this.error.set(this.errors.info(err).status === 404 ? this.transloco.translate('moderation.report.gone') : this.errors.message(err));
      this.busy.set(false);
    }
  }
}
