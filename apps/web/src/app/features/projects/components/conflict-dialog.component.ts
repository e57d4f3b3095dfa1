import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatRadioModule } from '@angular/material/radio';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { CardEditableField, Label, ProjectMember } from '@klasteris/contracts';
import type { FieldConflict } from '../board-logic';

export interface ConflictDialogData {
  conflicts: FieldConflict[];
  /** who changed the card meanwhile, if known */
  labels: Map<string, Label>;
  members: Map<string, ProjectMember>;
}

/** For each field both I and someone else changed: keep theirs or mine. Closes with the fields to keep theirs. */
@Component({
  selector: 'app-conflict-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatDialogModule, MatIconModule, MatRadioModule, TranslocoPipe],
  template: `
    <h2 mat-dialog-title><mat-icon aria-hidden="true" fontIcon="merge_type" />{{ 'projects.conflict.title' | transloco }}</h2>
    <mat-dialog-content>
      <p>{{ 'projects.conflict.lead' | transloco }}</p>
      @for (c of data.conflicts; track c.field) {
        <fieldset class="field" [attr.data-testid]="'conflict-' + c.field">
          <legend>{{ 'projects.fields.' + c.field | transloco }}</legend>
          <mat-radio-group
            [value]="choice()[c.field] ?? 'mine'"
            (change)="choose(c.field, $event.value)"
            [attr.aria-label]="'projects.fields.' + c.field | transloco"
          >
            <mat-radio-button value="theirs" [attr.data-testid]="'conflict-theirs-' + c.field">
              <span class="who">{{ 'projects.conflict.theirs' | transloco }}</span>
              <span class="value">{{ show(c.field, c.theirs) }}</span>
            </mat-radio-button>
            <mat-radio-button value="mine" [attr.data-testid]="'conflict-mine-' + c.field">
              <span class="who">{{ 'projects.conflict.mine' | transloco }}</span>
              <span class="value">{{ show(c.field, c.mine) }}</span>
            </mat-radio-button>
          </mat-radio-group>
        </fieldset>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close data-testid="conflict-cancel">{{ 'common.cancel' | transloco }}</button>
      <button mat-flat-button type="button" (click)="apply()" cdkFocusInitial data-testid="conflict-apply">
        {{ 'projects.conflict.apply' | transloco }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    h2 {
      display: flex;
      align-items: center;
      gap: 8px;
    }
    .field {
      border: 1px solid var(--k-border);
      border-radius: 8px;
      margin: 0 0 12px;
      padding: 8px 12px;
    }
    legend {
      font-weight: 600;
      padding: 0 4px;
    }
    mat-radio-group {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .who {
      font-weight: 500;
      margin-right: 8px;
    }
    .value {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      color: var(--k-text-muted);
      display: inline-block;
      max-height: 8em;
      overflow: auto;
      vertical-align: top;
    }
  `,
})
export class ConflictDialogComponent {
  protected readonly data = inject<ConflictDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<ConflictDialogComponent, Set<CardEditableField>>);
  private readonly transloco = inject(TranslocoService);
  protected readonly choice = signal<Partial<Record<CardEditableField, 'mine' | 'theirs'>>>({});

  choose(field: CardEditableField, value: 'mine' | 'theirs'): void {
    this.choice.update((c) => ({ ...c, [field]: value }));
  }

  apply(): void {
    this.ref.close(new Set(this.data.conflicts.filter((c) => this.choice()[c.field] === 'theirs').map((c) => c.field)));
  }

  protected show(field: CardEditableField, value: unknown): string {
    const none = this.transloco.translate('projects.conflict.empty');
    switch (field) {
      case 'assigneeIds':
        return (value as string[]).map((id) => this.data.members.get(id)?.displayName ?? '?').join(', ') || none;
      case 'labelIds':
        return (value as string[]).map((id) => this.data.labels.get(id)?.name ?? '?').join(', ') || none;
      case 'archived':
        return this.transloco.translate(value ? 'projects.conflict.archived' : 'projects.conflict.notArchived');
      default:
        return typeof value === 'string' && value !== '' ? value : none;
    }
  }
}
