import { HttpStatus, Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { ErrorCode, type ProjectMember, type ProjectRole } from '@klasteris/contracts';
import { ApiException, notFound } from '../../common/api-exception';
import type { AuthUser } from '../../common/auth-user';
import { UsersRepository } from '../users/users.repository';
import { ActivityService } from './activity.service';
import { ProjectAccessService } from './project-access.service';
import { ProjectPresenter } from './project-presenter.service';
import { ProjectMembersRepository } from './project-members.repository';
import { ProjectMemberAddedEvent, ProjectMemberRemovedEvent, ProjectMembersChangedEvent } from './projects.events';
import { ProjectsRepository } from './projects.repository';

const lastOwner = (): ApiException =>
  new ApiException(HttpStatus.CONFLICT, ErrorCode.LastProjectOwner, 'A project needs at least one owner');
const changedMeanwhile = (): ApiException =>
  new ApiException(HttpStatus.CONFLICT, ErrorCode.Conflict, 'The membership changed meanwhile; reload and try again');

/** Project membership: owners add people and change roles; anyone may leave; the last owner stays. */
@Injectable()
export class ProjectMembersService {
  constructor(
    private readonly projects: ProjectsRepository,
    private readonly members: ProjectMembersRepository,
    private readonly users: UsersRepository,
    private readonly access: ProjectAccessService,
    private readonly presenter: ProjectPresenter,
    private readonly activity: ActivityService,
    private readonly events: EventEmitter2,
  ) {}

  async list(me: AuthUser, projectId: string): Promise<ProjectMember[]> {
    await this.access.require(me, projectId, 'read');
    return this.presenter.memberList(projectId);
  }

  /** Adds a person (or changes the role of someone already in). `created` tells the controller 201 from 200. */
  async add(me: AuthUser, projectId: string, userId: string, role: ProjectRole): Promise<{ member: ProjectMember; created: boolean }> {
    const { project } = await this.access.require(me, projectId, 'own');
    const user = await this.users.findById(userId);
    if (!user || user.status !== 'active') throw notFound('User');
    const added = await this.members.add(projectId, userId, role);
    if (!added) return { member: await this.setRole(me, projectId, userId, role), created: false };
    await this.projects.incCounts(projectId, 1, role === 'owner' ? 1 : 0);
    if (user.organisationId) await this.projects.addOrganisation(projectId, user.organisationId);
    await this.activity.record({ projectId, actor: me, kind: 'member.added', data: { userId, displayName: user.displayName, role } });
    if (userId !== me.id) {
      await this.events.emitAsync(ProjectMemberAddedEvent.event, new ProjectMemberAddedEvent(project, me, userId));
    }
    return { member: await this.announceMember(projectId, userId), created: true };
  }

  async setRole(me: AuthUser, projectId: string, userId: string, role: ProjectRole): Promise<ProjectMember> {
    await this.access.require(me, projectId, 'own');
    const current = await this.members.find(projectId, userId);
    if (!current) throw notFound('Member');
    if (current.role === role) return this.member(projectId, userId);
    if (current.role === 'owner' && !(await this.projects.releaseOwner(projectId))) throw lastOwner();
    const changed = await this.members.setRole(projectId, userId, current.role, role);
    if (!changed) {
      if (current.role === 'owner') await this.projects.incCounts(projectId, 0, 1);
      throw changedMeanwhile();
    }
    if (role === 'owner') await this.projects.incCounts(projectId, 0, 1);
    await this.activity.record({ projectId, actor: me, kind: 'member.updated', data: { userId, from: current.role, to: role } });
    return this.announceMember(projectId, userId);
  }

  /** Owners remove anyone; everyone may remove themselves (leave). */
  async remove(me: AuthUser, projectId: string, userId: string): Promise<void> {
    await this.access.require(me, projectId, userId === me.id ? 'read' : 'own');
    const current = await this.members.find(projectId, userId);
    if (!current) throw notFound('Member');
    if (current.role === 'owner' && !(await this.projects.releaseOwner(projectId))) throw lastOwner();
    if (!(await this.members.remove(projectId, userId, current.role))) {
      if (current.role === 'owner') await this.projects.incCounts(projectId, 0, 1);
      throw changedMeanwhile();
    }
    await this.projects.incCounts(projectId, -1, 0);
    await this.activity.record({ projectId, actor: me, kind: 'member.removed', data: { userId } });
    this.events.emit(ProjectMemberRemovedEvent.event, new ProjectMemberRemovedEvent(projectId, userId));
    await this.announce(projectId);
  }

  private async member(projectId: string, userId: string): Promise<ProjectMember> {
    const m = (await this.presenter.memberList(projectId)).find((x) => x.userId === userId);
    if (!m) throw notFound('Member');
    return m;
  }

  /** Tells the board room the new member list. */
  private async announce(projectId: string): Promise<ProjectMember[]> {
    const list = await this.presenter.memberList(projectId);
    this.events.emit(ProjectMembersChangedEvent.event, new ProjectMembersChangedEvent(projectId, list));
    return list;
  }

  private async announceMember(projectId: string, userId: string): Promise<ProjectMember> {
    const m = (await this.announce(projectId)).find((x) => x.userId === userId);
    if (!m) throw notFound('Member');
    return m;
  }
}
