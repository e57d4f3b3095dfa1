import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { CreateProjectRequest, Page, Project, ProjectListQuery, UpdateProjectRequest } from '@klasteris/contracts';
import { notFound, validationFailed } from '../../common/api-exception';
import type { AuthUser } from '../../common/auth-user';
import { encodeCursor } from '../../common/pagination';
import { OrganisationsRepository } from '../organisations/organisations.repository';
import { UsersRepository } from '../users/users.repository';
import { ActivityService } from './activity.service';
import { ProjectAccessService } from './project-access.service';
import { ProjectPresenter } from './project-presenter.service';
import { ProjectMembersRepository } from './project-members.repository';
import { ProjectCreatedEvent, ProjectUpdatedEvent } from './projects.events';
import { ProjectsRepository } from './projects.repository';

/** Projects: list mine, create (creator = owner; the board sets itself up), read, change settings. */
@Injectable()
export class ProjectsService {
  constructor(
    private readonly projects: ProjectsRepository,
    private readonly members: ProjectMembersRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly users: UsersRepository,
    private readonly access: ProjectAccessService,
    private readonly presenter: ProjectPresenter,
    private readonly activity: ActivityService,
    private readonly events: EventEmitter2,
  ) {}

  async listMine(me: AuthUser, q: ProjectListQuery & { limit: number }): Promise<Page<Project>> {
    const ids = await this.members.projectIdsForUser(me.id);
    const rows = await this.projects.listAmong(ids, q);
    const page = rows.slice(0, q.limit);
    const roles = await this.members.rolesOf(
      me.id,
      page.map((p) => p.id),
    );
    const last = page[page.length - 1];
    return {
      items: await this.presenter.projects(page, roles),
      nextCursor: rows.length > q.limit && last ? encodeCursor({ k: last.nameKey, id: last.id }) : null,
    };
  }

  async create(me: AuthUser, input: CreateProjectRequest & { seedKey?: string; defaultColumns?: boolean }): Promise<Project> {
    const organisationIds = await this.checkOrganisations([
      ...(me.organisationId ? [me.organisationId] : []),
      ...(input.organisationIds ?? []),
    ]);
    const project = await this.projects.create({
      name: input.name,
      summary: input.summary ?? null,
      status: input.status ?? 'proposed',
      organisationIds,
      groupId: input.groupId ?? null,
      createdBy: me.id,
      seedKey: input.seedKey ?? null,
    });
    await this.members.add(project.id, me.id, 'owner');
    await this.activity.record({ projectId: project.id, actor: me, kind: 'project.created', data: { name: project.name } });
    await this.events.emitAsync(
      ProjectCreatedEvent.event,
      new ProjectCreatedEvent(project, me, input.defaultColumns ?? true, (await this.users.findById(me.id))?.language ?? 'en'),
    );
    return this.presenter.project(project, 'owner');
  }

  async get(me: AuthUser, id: string): Promise<Project> {
    const { project, role } = await this.access.require(me, id, 'read');
    return this.presenter.project(project, role);
  }

  async update(me: AuthUser, id: string, patch: UpdateProjectRequest): Promise<Project> {
    await this.access.require(me, id, 'own');
    const organisationIds = patch.organisationIds ? await this.checkOrganisations(patch.organisationIds) : undefined;
    const updated = await this.projects.update(id, { ...patch, organisationIds });
    if (!updated) throw notFound('Project');
    await this.activity.record({ projectId: id, actor: me, kind: 'project.updated', data: { fields: Object.keys(patch) } });
    const base = await this.presenter.base(updated);
    this.events.emit(ProjectUpdatedEvent.event, new ProjectUpdatedEvent(id, base));
    return { ...base, myRole: 'owner' };
  }

  /** Participating organisations must be members or partners of the cluster. */
  private async checkOrganisations(ids: string[]): Promise<string[]> {
    const unique = [...new Set(ids)];
    const found = await this.organisations.findByIds(unique);
    const ok = new Set(found.filter((o) => o.membershipStatus === 'member' || o.membershipStatus === 'partner').map((o) => o.id));
    const bad = unique.filter((id) => !ok.has(id));
    if (bad.length > 0) throw validationFailed([{ field: 'organisationIds', message: `unknown organisation ${bad[0]}` }]);
    return unique;
  }
}
