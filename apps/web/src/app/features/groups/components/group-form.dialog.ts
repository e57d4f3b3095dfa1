import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { GroupVisibilities, type GroupVisibility, type MyGroup } from '@klasteris/contracts';

/** What the dialog answers: the fields of a new or edited group (and, when editing, a reason for the audit log). */
export interface GroupFormResult {
  name: string;
  description: string;
  tags: string[];
  visibility: GroupVisibility;
  reason?: string;
}

/** Tags typed as "energy, hydrogen" become ['energy', 'hydrogen'] (trimmed, no empties, no duplicates). */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((t) => t.trim())
        .filter((t) => t.length > 0),
    ),
  ];
}

/** New group (data null) or edit a group (data: the group). */
@Component({
  selector: 'app-group-form-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatSelectModule, TranslocoPipe],
  template: `
    <h2 mat-dialog-title>{{ (group ? 'groups.form.editTitle' : 'groups.form.newTitle') | transloco }}</h2>
    <form #f="ngForm" (ngSubmit)="f.valid && save()">
      <mat-dialog-content class="fields">
        <mat-form-field appearance="outline">
          <mat-label>{{ 'groups.form.name' | transloco }}</mat-label>
          <input
            matInput
            name="name"
            required
            minlength="3"
            maxlength="120"
            [(ngModel)]="name"
            cdkFocusInitial
            data-testid="group-form-name"
          />
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'groups.form.description' | transloco }}</mat-label>
          <textarea
            matInput
            name="description"
            rows="3"
            maxlength="2000"
            [(ngModel)]="description"
            data-testid="group-form-description"
          ></textarea>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'groups.form.tags' | transloco }}</mat-label>
          <input matInput name="tags" maxlength="400" [(ngModel)]="tags" data-testid="group-form-tags" />
          <mat-hint>{{ 'groups.form.tagsHint' | transloco }}</mat-hint>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'groups.form.visibility' | transloco }}</mat-label>
          <mat-select name="visibility" [(ngModel)]="visibility" data-testid="group-form-visibility">
            @for (v of visibilities; track v) {
              <mat-option [value]="v">{{ 'groups.visibility.' + v | transloco }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        @if (group) {
          <mat-form-field appearance="outline">
            <mat-label>{{ 'groups.console.reason' | transloco }}</mat-label>
            <input matInput name="reason" maxlength="1000" [(ngModel)]="reason" data-testid="group-form-reason" />
          </mat-form-field>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="!f.valid" data-testid="group-form-save">
          {{ (group ? 'common.save' : 'groups.form.create') | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .fields {
      display: flex;
      flex-direction: column;
      gap: 4px;
      min-width: min(480px, 80vw);
    }
  `,
})
export class GroupFormDialog {
  protected readonly group = inject<MyGroup | null>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<GroupFormDialog, GroupFormResult>>(MatDialogRef);
  protected readonly visibilities = GroupVisibilities;
  protected name = this.group?.name ?? '';
  protected description = this.group?.description ?? '';
  protected tags = (this.group?.tags ?? []).join(', ');
  protected visibility: GroupVisibility = this.group?.visibility ?? 'open';
  protected reason = '';

  save(): void {
    const reason = this.reason.trim();
    this.ref.close({
      name: this.name.trim(),
      description: this.description.trim(),
      tags: parseTags(this.tags),
      visibility: this.visibility,
      ...(reason ? { reason } : {}),
    });
  }
}
