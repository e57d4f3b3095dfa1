import { ChangeDetectionStrategy, Component, OnInit, inject, model, signal } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { BookingAccessModes, type BookingAccessMode, type BookingPolicy } from '@klasteris/contracts';
import { forkJoin, of, catchError, map } from 'rxjs';
import { DirectoryApi } from '../../directory/directory.api';
import { GroupsApi } from '../../groups/groups.api';
import { ProjectNamesApi } from '../../../shared/project-names.api';

export type AccessValue = BookingPolicy['access'];

interface Choice {
  id: string;
  name: string;
}

/** The part of an access policy the server needs for its mode (other modes' ids dropped). */
export function accessInput(a: AccessValue): { mode: BookingAccessMode; organisationIds?: string[]; projectId?: string; groupId?: string } {
  switch (a.mode) {
    case 'all':
      return { mode: 'all' };
    case 'organisations':
      return { mode: 'organisations', organisationIds: a.organisationIds };
    case 'project':
      return a.projectId ? { mode: 'project', projectId: a.projectId } : { mode: 'project' };
    case 'group':
      return a.groupId ? { mode: 'group', groupId: a.groupId } : { mode: 'group' };
  }
}

/** True when the chosen mode has what it needs (listed organisations, a project, a working group). */
export const accessComplete = (a: AccessValue): boolean =>
  a.mode === 'all' || (a.mode === 'organisations' ? a.organisationIds.length > 0 : a.mode === 'project' ? !!a.projectId : !!a.groupId);

/** Who may book a resource: everyone, listed organisations, one project's members or one working group's members. */
@Component({
  selector: 'app-access-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatFormFieldModule, MatSelectModule, TranslocoPipe],
  template: `
    <div class="access">
      <mat-form-field>
        <mat-label>{{ 'infrastructure.policy.who' | transloco }}</mat-label>
        <mat-select [value]="access().mode" (valueChange)="set({ mode: $event })" data-testid="access-mode">
          @for (m of modes; track m) {
            <mat-option [value]="m">{{ 'infrastructure.access.' + m | transloco }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      @switch (access().mode) {
        @case ('organisations') {
          <mat-form-field class="grow">
            <mat-label>{{ 'infrastructure.access.pickOrganisations' | transloco }}</mat-label>
            <mat-select
              multiple
              [value]="access().organisationIds"
              (valueChange)="set({ organisationIds: $event })"
              data-testid="access-organisations"
            >
              @for (o of withCurrent(organisations(), access().organisationIds); track o.id) {
                <mat-option [value]="o.id">{{ o.name }}</mat-option>
              }
            </mat-select>
            <mat-hint>{{ 'infrastructure.access.ownerAlways' | transloco }}</mat-hint>
          </mat-form-field>
        }
        @case ('project') {
          <mat-form-field class="grow">
            <mat-label>{{ 'infrastructure.access.pickProject' | transloco }}</mat-label>
            <mat-select [value]="access().projectId" (valueChange)="set({ projectId: $event })" data-testid="access-project">
              @for (p of withCurrent(projects(), access().projectId ? [access().projectId!] : []); track p.id) {
                <mat-option [value]="p.id">{{ p.name }}</mat-option>
              }
            </mat-select>
            <mat-hint>{{ 'infrastructure.access.projectHint' | transloco }}</mat-hint>
          </mat-form-field>
        }
        @case ('group') {
          <mat-form-field class="grow">
            <mat-label>{{ 'infrastructure.access.pickGroup' | transloco }}</mat-label>
            <mat-select [value]="access().groupId" (valueChange)="set({ groupId: $event })" data-testid="access-group">
              @for (g of withCurrent(groups(), access().groupId ? [access().groupId!] : []); track g.id) {
                <mat-option [value]="g.id">{{ g.name }}</mat-option>
              }
            </mat-select>
            <mat-hint>{{ 'infrastructure.access.groupHint' | transloco }}</mat-hint>
          </mat-form-field>
        }
        @default {}
      }
    </div>
  `,
  styles: `
    .access {
      display: flex;
      flex-wrap: wrap;
      gap: 0 12px;
    }
    .access mat-form-field {
      min-width: 14rem;
    }
    .grow {
      flex: 1;
    }
  `,
})
export class AccessEditorComponent implements OnInit {
  readonly access = model.required<AccessValue>();
  private readonly directory = inject(DirectoryApi);
  private readonly projectNames = inject(ProjectNamesApi);
  private readonly groupsApi = inject(GroupsApi);
  protected readonly modes = BookingAccessModes;
  protected readonly organisations = signal<Choice[]>([]);
  protected readonly projects = signal<Choice[]>([]);
  protected readonly groups = signal<Choice[]>([]);

  ngOnInit(): void {
    const names = <T extends Choice>(page: { items: T[] }): Choice[] => page.items.map((x) => ({ id: x.id, name: x.name }));
    forkJoin({
      organisations: this.directory.organisations({ limit: 100 }).pipe(
        map(names),
        catchError(() => of([])),
      ),
      projects: this.projectNames.mine().pipe(catchError(() => of([]))),
      groups: this.groupsApi.list({ limit: 100 }).pipe(
        map(names),
        catchError(() => of([])),
      ),
    }).subscribe((o) => {
      this.organisations.set(o.organisations);
      this.projects.set(o.projects);
      this.groups.set(o.groups);
    });
  }

  protected set(patch: Partial<AccessValue>): void {
    this.access.update((a) => ({ ...a, ...patch }));
  }

  /** The choices plus any current id not among them (a project the editor is not a member of), so it stays selected. */
  protected withCurrent(choices: Choice[], current: string[]): Choice[] {
    const missing = current.filter((id) => !choices.some((c) => c.id === id));
    return [...choices, ...missing.map((id) => ({ id, name: `#${id.slice(-6)}` }))];
  }
}
