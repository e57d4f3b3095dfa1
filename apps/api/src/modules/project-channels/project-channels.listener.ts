import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import type { AuthUser } from '../../common/auth-user';
import { ownedChannelName } from '../chat/channel-names';
import { ChannelsService } from '../chat/channels.service';
import { MessagesService } from '../chat/messages.service';
import { ProjectMembersRepository } from '../projects/project-members.repository';
import {
  CardFromMessageEvent,
  ProjectCreatedEvent,
  ProjectMemberRemovedEvent,
  ProjectMembersChangedEvent,
} from '../projects/projects.events';
import { ProjectsRepository } from '../projects/projects.repository';
import { UsersRepository } from '../users/users.repository';

/** `Cloud computing market study: United Kingdom` → `cloud-computing-market-study-united-kingdom-3f2a` */
export const projectChannelName = (projectName: string, projectId: string): string => ownedChannelName(projectName, projectId, 'project');

/**
 * Joins projects and chat: each project gets a private channel of its members (kept in step as
 * members come and go), and a card made from a message shows on that message. Lives apart from
 * both modules so that neither imports the other.
 */
@Injectable()
export class ProjectChannelsListener {
  private readonly logger = new Logger('ProjectChannels');

  constructor(
    private readonly projects: ProjectsRepository,
    private readonly projectMembers: ProjectMembersRepository,
    private readonly users: UsersRepository,
    private readonly channels: ChannelsService,
    private readonly messages: MessagesService,
  ) {}

  @OnEvent(ProjectCreatedEvent.event, { async: true, promisify: true })
  async onCreated(e: ProjectCreatedEvent): Promise<void> {
    if (e.project.channelId) return;
    const actor = await this.users.findById(e.actor.id);
    if (!actor) return;
    const me: AuthUser = {
      id: actor.id,
      sessionId: 'system',
      roles: actor.roles,
      organisationId: actor.organisationId,
      displayName: actor.displayName,
    };
    const channel = await this.channels.create(
      me,
      { name: projectChannelName(e.project.name, e.project.id), type: 'private', topic: e.project.name },
      { projectId: e.project.id },
    );
    await this.projects.setChannel(e.project.id, channel.id);
    await this.syncMembers(e.project.id, channel.id);
  }

  @OnEvent(ProjectMembersChangedEvent.event, { async: true, promisify: true })
  async onMembersChanged(e: ProjectMembersChangedEvent): Promise<void> {
    const project = await this.projects.findById(e.projectId);
    if (project?.channelId) await this.syncMembers(project.id, project.channelId);
  }

  @OnEvent(ProjectMemberRemovedEvent.event, { async: true, promisify: true })
  async onMemberRemoved(e: ProjectMemberRemovedEvent): Promise<void> {
    const project = await this.projects.findById(e.projectId);
    if (project?.channelId) await this.channels.removeMembers(project.channelId, [e.userId]);
  }

  @OnEvent(CardFromMessageEvent.event, { async: true, promisify: true })
  async onCardFromMessage(e: CardFromMessageEvent): Promise<void> {
    await this.messages.linkCard(e.messageId, e.cardId);
  }

  private async syncMembers(projectId: string, channelId: string): Promise<void> {
    const members = await this.projectMembers.listForProject(projectId);
    await this.channels.addMembers(
      channelId,
      members.map((m) => m.userId),
    );
    this.logger.debug(`project ${projectId}: channel ${channelId} has its ${members.length} members`);
  }
}
