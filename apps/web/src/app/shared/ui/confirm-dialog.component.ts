import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';

export interface ConfirmDialogData {
  /** already translated texts */
  title: string;
  message: string;
  confirmLabel: string;
  /** show a reason box with this label */
  reasonLabel?: string;
  reasonRequired?: boolean;
  danger?: boolean;
}

export interface ConfirmDialogResult {
  confirmed: true;
  reason: string;
}

@Component({
  selector: 'app-confirm-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule, TranslocoPipe],
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <mat-dialog-content>
      <p class="message">{{ data.message }}</p>
      @if (data.reasonLabel) {
        <mat-form-field class="full-width">
          <mat-label>{{ data.reasonLabel }}</mat-label>
          <textarea
            matInput
            [formControl]="reason"
            rows="3"
            data-testid="dialog-reason"
            cdkFocusInitial
            [required]="!!data.reasonRequired"
          ></textarea>
          @if (reason.hasError('required') && reason.touched) {
            <mat-error>{{ 'common.reasonRequired' | transloco }}</mat-error>
          }
        </mat-form-field>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close data-testid="dialog-cancel">{{ 'common.cancel' | transloco }}</button>
      <button mat-flat-button type="button" [class.danger]="data.danger" (click)="confirm()" data-testid="dialog-confirm">
        {{ data.confirmLabel }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .message {
      margin-top: 0;
      white-space: pre-line;
    }
    .danger {
      --mat-button-filled-container-color: #b3261e;
      --mat-button-filled-label-text-color: #fff;
    }
  `,
})
export class ConfirmDialogComponent {
  protected readonly data = inject<ConfirmDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<ConfirmDialogComponent, ConfirmDialogResult>>(MatDialogRef);
  protected readonly reason = new FormControl('', {
    nonNullable: true,
    validators: this.data.reasonRequired ? [Validators.required, Validators.maxLength(1000)] : [Validators.maxLength(1000)],
  });

  confirm(): void {
    if (this.reason.invalid) {
      this.reason.markAsTouched();
      return;
    }
    this.ref.close({ confirmed: true, reason: this.reason.value.trim() });
  }
}
