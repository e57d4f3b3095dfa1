import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { ProjectRoles, type PersonSummary, type ProjectMember, type ProjectRole } from '@klasteris/contracts';
import { debounceTime, distinctUntilChanged, switchMap, of, catchError, map } from 'rxjs';
import { ErrorMessageService } from '../../../core/http/error-message.service';
import { AvatarComponent } from '../../../shared/ui/avatar.component';
import { ProjectsApi } from '../projects.api';

export interface AddMemberDialogData {
  memberIds: string[];
  add: (userId: string, role: ProjectRole) => Promise<ProjectMember>;
}

/** Finds people of the cluster (any organisation) and adds them to the project with a role. */
@Component({
  selector: 'app-add-member-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    TranslocoPipe,
    AvatarComponent,
  ],
  template: `
    <h2 mat-dialog-title>{{ 'projects.members.addTitle' | transloco }}</h2>
    <mat-dialog-content>
      <div class="row">
        <mat-form-field class="grow">
          <mat-label>{{ 'projects.members.search' | transloco }}</mat-label>
          <mat-icon matPrefix aria-hidden="true" fontIcon="search" />
          <input matInput [formControl]="q" cdkFocusInitial data-testid="member-search" />
        </mat-form-field>
        <mat-form-field class="role">
          <mat-label>{{ 'projects.members.role' | transloco }}</mat-label>
          <mat-select [formControl]="role" data-testid="member-role">
            @for (r of roles; track r) {
              <mat-option [value]="r">{{ 'projects.roles.' + r | transloco }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      </div>
      <ul class="results" aria-live="polite">
        @for (p of results(); track p.id) {
          <li>
            <app-avatar [initials]="p.initials" [color]="p.avatarColor" [size]="32" />
            <span class="who"
              ><strong>{{ p.displayName }}</strong
              ><span class="muted">{{ p.organisationName }}</span></span
            >
            @if (data.memberIds.includes(p.id) || added().includes(p.id)) {
              <span class="muted">{{ 'projects.members.already' | transloco }}</span>
            } @else {
              <button
                mat-stroked-button
                type="button"
                (click)="add(p)"
                [attr.aria-label]="'projects.members.addPerson' | transloco: { name: p.displayName }"
                data-testid="member-add"
              >
                {{ 'projects.board.add' | transloco }}
              </button>
            }
          </li>
        }
      </ul>
      @if (error()) {
        <p class="form-error" role="alert">{{ error() }}</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-flat-button type="button" mat-dialog-close>{{ 'common.done' | transloco }}</button>
    </mat-dialog-actions>
  `,
  styles: `
    .row {
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
    }
    .grow {
      flex: 1 1 240px;
    }
    .role {
      width: 160px;
    }
    .results {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .results li {
      display: flex;
      align-items: center;
      gap: 10px;
      padding: 6px 0;
    }
    .who {
      flex: 1;
      display: flex;
      flex-direction: column;
    }
  `,
})
export class AddMemberDialogComponent {
  protected readonly data = inject<AddMemberDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(ProjectsApi);
  private readonly errors = inject(ErrorMessageService);
  readonly ref = inject(MatDialogRef<AddMemberDialogComponent>);
  protected readonly roles = ProjectRoles;
  protected readonly q = new FormControl('', { nonNullable: true });
  protected readonly role = new FormControl<ProjectRole>('member', { nonNullable: true });
  protected readonly results = signal<PersonSummary[]>([]);
  protected readonly added = signal<string[]>([]);
  protected readonly error = signal<string | null>(null);

  constructor() {
    this.q.valueChanges
      .pipe(
        debounceTime(250),
        map((v) => v.trim()),
        distinctUntilChanged(),
        switchMap((v) =>
          v.length < 2
            ? of([])
            : this.api.people(v).pipe(
                map((p) => p.items),
                catchError(() => of([])),
              ),
        ),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe((items) => this.results.set(items));
  }

  async add(p: PersonSummary): Promise<void> {
    this.error.set(null);
    try {
      await this.data.add(p.id, this.role.value);
      this.added.update((a) => [...a, p.id]);
    } catch (err) {
      this.error.set(this.errors.message(err));
    }
  }
}
