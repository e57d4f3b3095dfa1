import { DOCUMENT, DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  ProjectRoles,
  ProjectStatuses,
  type Activity,
  type Project,
  type ProjectMember,
  type ProjectRole,
  type ProjectStatus,
} from '@klasteris/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthStore } from '../../../core/auth/auth.store';
import { toApiError } from '../../../shared/api-error';
import { ErrorMessageService } from '../../../core/http/error-message.service';
import { LanguageService } from '../../../core/i18n/language.service';
import { AvatarComponent } from '../../../shared/ui/avatar.component';
import { EmptyStateComponent } from '../../../shared/ui/empty-state.component';
import { activityParams } from '../board-logic';
import { AddMemberDialogComponent, type AddMemberDialogData } from '../components/add-member-dialog.component';
import { ProjectBookingsComponent } from '../components/project-bookings.component';
import { ProjectsApi } from '../projects.api';

/** A project's overview: summary, status, participating organisations, members and roles, channel, activity. */
@Component({
  selector: 'app-project-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatMenuModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
    AvatarComponent,
    EmptyStateComponent,
    ProjectBookingsComponent,
  ],
  templateUrl: './project.page.html',
  styleUrl: './project.page.scss',
})
export default class ProjectPage {
  private readonly api = inject(ProjectsApi);
  private readonly auth = inject(AuthStore);
  private readonly dialog = inject(MatDialog);
  private readonly snack = inject(MatSnackBar);
  private readonly errors = inject(ErrorMessageService);
  private readonly transloco = inject(TranslocoService);
  protected readonly language = inject(LanguageService);
  private readonly document = inject(DOCUMENT);

  /** route parameter */
  readonly id = input.required<string>();
  protected readonly project = signal<Project | null>(null);
  protected readonly members = signal<ProjectMember[]>([]);
  protected readonly activity = signal<Activity[]>([]);
  protected readonly errorKey = signal<string | null>(null);
  protected readonly statuses = ProjectStatuses;
  protected readonly roles = ProjectRoles;
  protected readonly isOwner = computed(() => this.project()?.myRole === 'owner');
  protected readonly myId = computed(() => this.auth.user()?.id ?? '');

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.load(id));
    });
  }

  private async load(id: string): Promise<void> {
    try {
      const [{ project }, members, activity] = await Promise.all([
        firstValueFrom(this.api.project(id)),
        firstValueFrom(this.api.members(id)),
        firstValueFrom(this.api.activity(id)),
      ]);
      this.project.set(project);
      this.members.set(members.items);
      this.activity.set(activity.items);
    } catch (err) {
      const info = toApiError(err);
      this.errorKey.set(info.status === 404 ? 'projects.errors.notFound' : info.messageKey);
    }
  }

  /** Downloads the board as JSON (re-importable) or CSV. */
  async download(format: 'json' | 'csv'): Promise<void> {
    const p = this.project();
    if (!p) return;
    try {
      const blob = await firstValueFrom(this.api.exportBoard(p.id, format));
      const url = URL.createObjectURL(blob);
      const a = Object.assign(this.document.createElement('a'), {
        href: url,
        download: `${p.name.replace(/[^\p{L}\p{N} _-]+/gu, '').trim() || 'board'}.${format}`,
      });
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      this.snack.open(this.errors.message(err));
    }
  }

  async setStatus(status: ProjectStatus): Promise<void> {
    const p = this.project();
    if (!p) return;
    try {
      this.project.set((await firstValueFrom(this.api.updateProject(p.id, { status }))).project);
    } catch (err) {
      this.snack.open(this.errors.message(err));
    }
  }

  async setRole(m: ProjectMember, role: ProjectRole): Promise<void> {
    try {
      const { member } = await firstValueFrom(this.api.setRole(this.id(), m.userId, role));
      this.members.update((list) => list.map((x) => (x.userId === member.userId ? member : x)));
    } catch (err) {
      this.snack.open(this.errors.message(err));
      this.members.update((list) => [...list]);
    }
  }

  async remove(m: ProjectMember): Promise<void> {
    const self = m.userId === this.myId();
    if (
      !confirm(this.transloco.translate(self ? 'projects.members.confirmLeave' : 'projects.members.confirmRemove', { name: m.displayName }))
    )
      return;
    try {
      await firstValueFrom(this.api.removeMember(this.id(), m.userId));
      this.members.update((list) => list.filter((x) => x.userId !== m.userId));
      if (self) this.errorKey.set('projects.errors.left');
    } catch (err) {
      this.snack.open(this.errors.message(err));
    }
  }

  addMember(): void {
    const data: AddMemberDialogData = {
      memberIds: this.members().map((m) => m.userId),
      add: async (userId, role) => {
        const { member } = await firstValueFrom(this.api.addMember(this.id(), userId, role));
        this.members.update((list) => [...list.filter((x) => x.userId !== member.userId), member]);
        return member;
      },
    };
    this.dialog
      .open(AddMemberDialogComponent, { data, width: '600px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe(() => void this.load(this.id()));
  }

  protected activityText(a: Activity): string {
    return this.transloco.translate(
      `projects.activity.${a.kind}`,
      activityParams(
        a,
        () => '…',
        (f) => this.transloco.translate(`projects.fields.${f}`),
      ),
    );
  }
}
