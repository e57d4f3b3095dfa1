import type { Language, Project, ProjectMember } from '@klasteris/contracts';
import type { AuthUser } from '../../common/auth-user';
import type { ProjectRecord } from './project.schema';

/** A project's details changed (owners only); realtime tells the board room. */
export class ProjectUpdatedEvent {
  static readonly event = 'project.updated';
  constructor(
    readonly projectId: string,
    readonly project: Omit<Project, 'myRole'>,
  ) {}
}

/** Who is in a project changed (added, removed, role); realtime tells the board room, the project channel follows. */
export class ProjectMembersChangedEvent {
  static readonly event = 'project.members-changed';
  constructor(
    readonly projectId: string,
    readonly members: ProjectMember[],
  ) {}
}

/** A project was created; listeners (the board) set it up before the creation request answers. */
export class ProjectCreatedEvent {
  static readonly event = 'project.created';
  constructor(
    readonly project: ProjectRecord,
    readonly actor: Pick<AuthUser, 'id' | 'displayName'>,
    /** false when the caller brings its own columns (an import) */
    readonly defaultColumns = true,
    /** the creator's language (default column names) */
    readonly language: Language = 'en',
  ) {}
}

/** Someone added a person to a project; the notifications listener tells that person in their language. */
export class ProjectMemberAddedEvent {
  static readonly event = 'project.member-added';
  constructor(
    readonly project: { id: string; name: string },
    readonly actor: { id: string; displayName: string },
    readonly userId: string,
  ) {}
}

/** A user lost access to a project: realtime takes their sockets out of the board room. */
export class ProjectMemberRemovedEvent {
  static readonly event = 'project.member-removed';
  constructor(
    readonly projectId: string,
    readonly userId: string,
  ) {}
}

/** A card was created from a chat message: chat links the message to the card (`message.cardId`). */
export class CardFromMessageEvent {
  static readonly event = 'board.card-from-message';
  constructor(
    readonly projectId: string,
    readonly cardId: string,
    readonly channelId: string,
    readonly messageId: string,
  ) {}
}
