import { Injectable } from '@nestjs/common';
import type { Project, ProjectMember, ProjectRole } from '@klasteris/contracts';
import { OrganisationsRepository } from '../organisations/organisations.repository';
import { UsersRepository } from '../users/users.repository';
import type { ProjectRecord } from './project.schema';
import { toProject, toProjectBase, toProjectMember } from './project.mapper';
import { ProjectMembersRepository } from './project-members.repository';

/** Turns project records into the contract's shapes (organisations and member names resolved in batches). */
@Injectable()
export class ProjectPresenter {
  constructor(
    private readonly organisations: OrganisationsRepository,
    private readonly users: UsersRepository,
    private readonly members: ProjectMembersRepository,
  ) {}

  async project(p: ProjectRecord, role: ProjectRole): Promise<Project> {
    return (await this.projects([p], new Map([[p.id, role]])))[0]!;
  }

  async projects(ps: ProjectRecord[], roles: Map<string, ProjectRole>): Promise<Project[]> {
    const orgs = new Map((await this.organisations.findByIds([...new Set(ps.flatMap((p) => p.organisationIds))])).map((o) => [o.id, o]));
    return ps.map((p) => toProject(p, orgs, roles.get(p.id) ?? 'observer'));
  }

  async base(p: ProjectRecord): Promise<Omit<Project, 'myRole'>> {
    const orgs = new Map((await this.organisations.findByIds(p.organisationIds)).map((o) => [o.id, o]));
    return toProjectBase(p, orgs);
  }

  async memberList(projectId: string): Promise<ProjectMember[]> {
    const rows = await this.members.listForProject(projectId);
    const users = new Map((await this.users.findByIds(rows.map((r) => r.userId))).map((u) => [u.id, u]));
    return rows.map((m) => toProjectMember(m, users.get(m.userId)));
  }
}
