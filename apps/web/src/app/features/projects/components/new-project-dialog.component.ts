import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { PROJECT_NAME_MAX, PROJECT_SUMMARY_MAX, ProjectStatuses, type CreateProjectRequest, type Project } from '@klasteris/contracts';
import { ErrorMessageService } from '../../../core/http/error-message.service';

export interface NewProjectDialogData {
  create: (body: CreateProjectRequest) => Promise<Project>;
}

@Component({
  selector: 'app-new-project-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatSelectModule, TranslocoPipe],
  template: `
    <h2 mat-dialog-title>{{ 'projects.new.title' | transloco }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <p class="muted">{{ 'projects.new.lead' | transloco }}</p>
        <mat-form-field class="full-width">
          <mat-label>{{ 'projects.fields.name' | transloco }}</mat-label>
          <input matInput formControlName="name" required [maxlength]="nameMax" data-testid="project-name" cdkFocusInitial />
          @if (form.controls.name.touched && form.controls.name.invalid) {
            <mat-error>{{ 'projects.new.nameRequired' | transloco }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field class="full-width">
          <mat-label>{{ 'projects.fields.summary' | transloco }}</mat-label>
          <textarea matInput formControlName="summary" rows="3" [maxlength]="summaryMax" data-testid="project-summary"></textarea>
        </mat-form-field>
        <mat-form-field class="full-width">
          <mat-label>{{ 'projects.fields.status' | transloco }}</mat-label>
          <mat-select formControlName="status" data-testid="project-status">
            @for (s of statuses; track s) {
              <mat-option [value]="s">{{ 'projects.status.' + s | transloco }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        @if (error()) {
          <p class="form-error" role="alert">{{ error() }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="project-create">
          {{ 'projects.new.create' | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
})
export class NewProjectDialogComponent {
  protected readonly data = inject<NewProjectDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<NewProjectDialogComponent, Project>);
  private readonly errors = inject(ErrorMessageService);
  protected readonly statuses = ProjectStatuses;
  protected readonly nameMax = PROJECT_NAME_MAX;
  protected readonly summaryMax = PROJECT_SUMMARY_MAX;
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.minLength(2), Validators.maxLength(PROJECT_NAME_MAX)]],
    summary: [''],
    status: ['proposed' as (typeof ProjectStatuses)[number]],
  });

  async submit(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    const v = this.form.getRawValue();
    try {
      this.ref.close(await this.data.create({ name: v.name.trim(), summary: v.summary.trim() || undefined, status: v.status }));
    } catch (err) {
      this.error.set(this.errors.message(err));
    } finally {
      this.busy.set(false);
    }
  }
}
