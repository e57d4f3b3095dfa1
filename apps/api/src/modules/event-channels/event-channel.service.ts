import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import type { Channel, MyChannel } from '@klasteris/contracts';
import { forbidden, notFound } from '../../common/api-exception';
import type { AuthUser } from '../../common/auth-user';
import { ownedChannelName } from '../chat/channel-names';
import { ChannelMembershipEvent } from '../chat/chat.events';
import { ChannelsService } from '../chat/channels.service';
import { GroupsRepository } from '../groups/groups.repository';
import { ModerationPolicy } from '../moderation/moderation-policy';
import { ProjectMembersRepository } from '../projects/project-members.repository';
import { ProjectMemberRemovedEvent } from '../projects/projects.events';
import { UsersRepository } from '../users/users.repository';
import { AttendanceRepository, memberKey } from '../events/attendance.repository';
import { EventAccessService, factsOf } from '../events/event-access.service';
import type { LeanEvent } from '../events/event.schema';
import { EventAccessChangedEvent, EventCountsChangedEvent } from '../events/events.events';
import { EventsRepository } from '../events/events.repository';
import { eventStateConflict } from '../events/events.service';
import { isEmpty, rosterChanges, type RosterPerson } from './roster';

/** The unique key of an event's channel: one per event, however many create it at once. */
export const eventChannelKey = (eventId: string): string => `e:${eventId}`;

/** Rounds of one reconciliation before it gives up (the next change of the event starts another). */
const MAX_ROUNDS = 6;

/**
 * Each published event has a private channel for its attendees (who is in it: roster.ts), kept in
 * step like a project's channel, through ChannelsService's membership calls only — so a removal
 * reaches open sockets (ChannelMembershipEvent → the chat gateway takes them out of the room) and
 * the chat's read state stays the chat's.
 *
 * KEEPING IN STEP. Whatever changes an event's answers, places or state announces it
 * (EventCountsChangedEvent, after every RSVP, hand-over, lapse, publish and cancel) and whatever
 * changes who may see it says so (EventAccessChangedEvent). Either runs a reconciliation: read the
 * people going and the channel's members, add and remove the difference, and read both again until
 * they agree. Reconciliations of one event run one at a time on a node (a change during one runs it
 * again); across nodes two may overlap, and the read-after-write rounds settle it: the last write
 * is followed by a read of the answers as they are after it, so it cannot leave a stale member.
 * A cancelled event's channel is archived with its members (they keep the history; nobody posts).
 */
@Injectable()
export class EventChannelService {
  private readonly logger = new Logger('EventChannels');
  private readonly runs = new Map<string, { again: boolean; done: Promise<void> }>();

  constructor(
    private readonly events: EventsRepository,
    private readonly attendance: AttendanceRepository,
    private readonly access: EventAccessService,
    private readonly channels: ChannelsService,
    private readonly users: UsersRepository,
    private readonly groups: GroupsRepository,
    private readonly moderation: ModerationPolicy,
    private readonly projectMembers: ProjectMembersRepository,
  ) {}

  @OnEvent(EventCountsChangedEvent.event)
  onCounts(e: EventCountsChangedEvent): void {
    void this.keepInStep(e.payload.eventId);
  }

  @OnEvent(EventAccessChangedEvent.event)
  onAccess(e: EventAccessChangedEvent): void {
    void this.keepInStep(e.eventId);
  }

  /**
   * Someone left a working group (their removal from its channels says so) or a project: the
   * group's or project's events not yet over may no longer be theirs to attend (a group- or
   * project-only event) or to run, so their channels are reconciled too.
   */
  @OnEvent(ChannelMembershipEvent.event)
  onChannelLeft(e: ChannelMembershipEvent): void {
    if (e.joined || !e.channel.groupId || e.channel.eventId) return;
    void this.keepInStepOf({ groupId: e.channel.groupId });
  }

  @OnEvent(ProjectMemberRemovedEvent.event)
  onProjectLeft(e: ProjectMemberRemovedEvent): void {
    void this.keepInStepOf({ projectId: e.projectId });
  }

  private async keepInStepOf(of: { groupId: string } | { projectId: string }): Promise<void> {
    try {
      await Promise.all((await this.events.openIdsOf(of, new Date())).map((id) => this.keepInStep(id)));
    } catch (err) {
      this.logger.warn(
        `channels of the events of ${JSON.stringify(of)} not kept in step: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }

  /** Reconciles the event's channel; resolves when this node's reconciliation that saw this call is done (never rejects). */
  keepInStep(eventId: string): Promise<void> {
    const running = this.runs.get(eventId);
    if (running) {
      running.again = true;
      return running.done;
    }
    const run = { again: false, done: Promise.resolve() };
    run.done = (async () => {
      try {
        do {
          run.again = false;
          await this.reconcile(eventId);
        } while (run.again);
      } catch (err) {
        if (!(err instanceof Error && /client was closed|topology|interrupted/i.test(err.message)))
          this.logger.warn(`channel of event ${eventId} not kept in step: ${err instanceof Error ? err.message : String(err)}`);
      } finally {
        this.runs.delete(eventId);
      }
    })();
    this.runs.set(eventId, run);
    return run.done;
  }

  /**
   * The event's channel for the caller: people going and the organisers (403 for others who see the
   * event, 404 for those who do not). An organiser joins it as an owner on the way; so does a person
   * going whom the reconciliation has not reached yet.
   */
  async open(me: AuthUser, eventId: string): Promise<MyChannel> {
    const { event, canManage } = await this.access.visible(me, eventId);
    return this.channels.mine(me, (await this.enter(me, event, canManage)).id);
  }

  /** The caller into the event's channel (authorised as `open` says); the channel returned. */
  async enter(me: AuthUser, event: LeanEvent, canManage: boolean): Promise<Channel> {
    const eventId = event._id.toHexString();
    if (event.state === 'draft') throw eventStateConflict('draft', 'A draft has no chat yet: publish the event first');
    const going = (await this.attendance.find(eventId, memberKey(me.id)))?.status === 'going';
    if (!going && !canManage) throw forbidden("The event's chat is for the people going and its organisers");
    let channel = await this.channels.findScoped(eventChannelKey(eventId));
    if (!channel) {
      if (event.state === 'cancelled') throw notFound('Channel');
      channel = await this.create(event);
    }
    await this.channels.addMembers(channel.id, [me.id], canManage ? 'owner' : 'member');
    return channel;
  }

  private create(event: LeanEvent): Promise<Channel> {
    const id = event._id.toHexString();
    return this.channels.scopedChannel(
      eventChannelKey(id),
      { name: ownedChannelName(event.title, id, 'event'), topic: event.title },
      event.createdBy.toHexString(),
      { eventId: id },
    );
  }

  private async reconcile(eventId: string): Promise<void> {
    for (let round = 0; round < MAX_ROUNDS; round++) if (await this.step(eventId)) return;
    this.logger.warn(`channel of event ${eventId}: members still moving after ${MAX_ROUNDS} rounds`);
  }

  /** One round: true when the channel already matched the event (nothing written). */
  private async step(eventId: string): Promise<boolean> {
    const event = await this.events.findById(eventId);
    if (!event || event.state === 'draft') return true;
    let channel = await this.channels.findScoped(eventChannelKey(eventId));
    if (event.state === 'cancelled') {
      if (channel && !channel.archived) await this.channels.setArchivedDirect(channel.id, true);
      return true;
    }
    channel ??= await this.create(event);
    const createdBy = event.createdBy.toHexString();
    const [going, current] = await Promise.all([this.attendance.goingMemberIds(eventId), this.channels.memberRoles(channel.id)]);
    const people = await this.people(event, [...new Set([...going, ...current.keys(), createdBy])]);
    const changes = rosterChanges({ event: factsOf(event), createdBy, going: new Set(going), current, people });
    if (isEmpty(changes)) return true;
    for (const role of ['owner', 'member'] as const) {
      const ids = changes.add.filter((a) => a.role === role).map((a) => a.userId);
      if (ids.length) await this.channels.addMembers(channel.id, ids, role);
    }
    if (changes.remove.length) await this.channels.removeMembers(channel.id, changes.remove);
    return false;
  }

  /** What the roster needs of these people: their accounts, and their standing in the event's group and project. */
  private async people(event: LeanEvent, ids: string[]): Promise<Map<string, RosterPerson>> {
    const groupId = event.groupId?.toHexString() ?? null;
    const projectId = event.projectId?.toHexString() ?? null;
    const [users, groupMembers, moderators, projectMembers] = await Promise.all([
      this.users.findByIds(ids),
      groupId ? this.groups.memberIds(groupId) : Promise.resolve([]),
      groupId ? this.moderation.moderatorsOf(groupId) : Promise.resolve([]),
      projectId ? this.projectMembers.listForProject(projectId) : Promise.resolve([]),
    ]);
    const inGroup = new Set(groupMembers.map(String));
    const moderates = new Set(moderators.map(String));
    const inProject = new Map(projectMembers.map((m) => [m.userId, m.role]));
    return new Map(
      users.map((u) => [
        u.id,
        {
          id: u.id,
          active: u.status === 'active',
          roles: u.roles,
          organisationId: u.organisationId,
          inGroup: inGroup.has(u.id),
          moderatesGroup: moderates.has(u.id),
          inProject: inProject.has(u.id),
          ownsProject: inProject.get(u.id) === 'owner',
        },
      ]),
    );
  }
}
