import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { TranslocoPipe } from '@jsverse/transloco';
import { Roles, type Role, type User } from '@klasteris/contracts';

@Component({
  selector: 'app-roles-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatCheckboxModule, MatDialogModule, TranslocoPipe],
  template: `
    <h2 mat-dialog-title>{{ 'users.rolesTitle' | transloco: { name: user.displayName } }}</h2>
    <mat-dialog-content>
      <fieldset class="roles">
        <legend class="muted">{{ 'users.rolesLead' | transloco }}</legend>
        @for (r of roles; track r) {
          <mat-checkbox [checked]="selected().has(r)" (change)="toggle(r, $event.checked)" [attr.data-testid]="'role-' + r">
            <span class="role">{{ 'roles.' + r | transloco }}</span>
            <span class="hint">{{ 'roleHints.' + r | transloco }}</span>
          </mat-checkbox>
        }
      </fieldset>
      @if (selected().size === 0) {
        <p class="form-error" role="alert">{{ 'users.rolesEmpty' | transloco }}</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
      <button mat-flat-button type="button" [disabled]="selected().size === 0" (click)="save()" data-testid="dialog-confirm">
        {{ 'common.save' | transloco }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .roles {
      border: none;
      padding: 0;
      margin: 0;
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    legend {
      margin-bottom: 8px;
      padding: 0;
    }
    .role {
      font-weight: 500;
      margin-right: 8px;
    }
    .hint {
      color: var(--k-text-muted);
      font-size: 13px;
    }
  `,
})
export class RolesDialogComponent {
  protected readonly user = inject<User>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<RolesDialogComponent, Role[]>>(MatDialogRef);
  protected readonly roles = Roles;
  protected readonly selected = signal<ReadonlySet<Role>>(new Set(this.user.roles));

  toggle(role: Role, on: boolean): void {
    this.selected.update((s) => {
      const next = new Set(s);
      if (on) next.add(role);
      else next.delete(role);
      return next;
    });
  }

  save(): void {
    this.ref.close(Roles.filter((r) => this.selected().has(r)));
  }
}
