import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';

export interface PromptDialogData {
  /** translated texts */
  title: string;
  label: string;
  value: string;
  confirmLabel: string;
  type?: 'text' | 'number';
  /** empty allowed (e.g. "no WIP limit") */
  optional?: boolean;
  maxLength?: number;
  hint?: string;
}

/** Asks for one value (a column name, a WIP limit); closes with the trimmed text or undefined. */
@Component({
  selector: 'app-prompt-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, TranslocoPipe],
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <form (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <mat-form-field class="full-width">
          <mat-label>{{ data.label }}</mat-label>
          <input
            matInput
            [type]="data.type ?? 'text'"
            [formControl]="value"
            [attr.maxlength]="data.maxLength ?? null"
            min="1"
            cdkFocusInitial
            data-testid="prompt-input"
          />
          @if (data.hint) {
            <mat-hint>{{ data.hint }}</mat-hint>
          }
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="value.invalid" data-testid="prompt-confirm">{{ data.confirmLabel }}</button>
      </mat-dialog-actions>
    </form>
  `,
})
export class PromptDialogComponent {
  protected readonly data = inject<PromptDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<PromptDialogComponent, string>);
  protected readonly value = new FormControl(this.data.value, {
    nonNullable: true,
    validators: this.data.optional ? [] : [Validators.required],
  });

  submit(): void {
    if (this.value.invalid) return;
    this.ref.close(String(this.value.value ?? '').trim());
  }
}
