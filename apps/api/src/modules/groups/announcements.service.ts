import { HttpStatus, Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import {
  ErrorCode,
  type AcknowledgeByLinkResponse,
  type AcknowledgementReport,
  type Announcement,
  type Page,
  type PostAnnouncementRequest,
} from '@klasteris/contracts';
import { ApiException, forbidden, notFound } from '../../common/api-exception';
import { AuthUser } from '../../common/auth-user';
import { toPage } from '../../common/pagination';
import { AuditService } from '../audit/audit.service';
import { MessageWriterService } from '../chat/message-writer.service';
import { UsersRepository } from '../users/users.repository';
import { AnnouncementAckLinks } from './announcement-ack-links';
import { AnnouncementRecord, AnnouncementsRepository } from './announcements.repository';
import { GroupAccessService } from './group-access.service';
import { tellGroup } from './groups.events';
import { GroupsRepository } from './groups.repository';

/** Announcements in a group's announcements channel, with acknowledgements per person and organisation. */
@Injectable()
export class AnnouncementsService {
  constructor(
    private readonly repo: AnnouncementsRepository,
    private readonly groups: GroupsRepository,
    private readonly access: GroupAccessService,
    private readonly writer: MessageWriterService,
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
    private readonly ackLinks: AnnouncementAckLinks,
    private readonly events: EventEmitter2,
  ) {}

  async post(me: AuthUser, groupId: string, r: PostAnnouncementRequest): Promise<Announcement> {
    const group = await this.access.forModeration(me, groupId);
    const message = await this.writer.send(me, { channelId: group.channelIds.announcements, clientMsgId: r.clientMsgId, body: r.body });
    const a = await this.repo.create({ groupId, messageId: message.id, body: message.body, requireAck: r.requireAck, by: me.id });
    await this.audit.record({
      actorId: me.id,
      action: 'group.announcement',
      targetType: 'message',
      targetId: message.id,
      scopeId: groupId,
      after: { requireAck: r.requireAck },
    });
    if (r.requireAck) {
      // the members hear of it and get a mail whose link acknowledges (modules/notices)
      const recipients = (await this.groups.memberIds(groupId)).filter((u) => u !== me.id);
      await tellGroup(this.events, recipients, group, {
        what: 'announcement',
        announcementId: a.id,
        author: me.displayName,
        body: message.body,
      });
    }
    return this.view(a, null);
  }

  /** The mailed link: acknowledges for the person it was made for, while they are still a member. */
  async acknowledgeByLink(token: string): Promise<AcknowledgeByLinkResponse> {
    const invalid = (): ApiException =>
      new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.MailTokenInvalid, 'This acknowledgement link is not valid');
    const signed = this.ackLinks.read(token);
    if (!signed) throw invalid();
    const { groupId, announcementId, userId } = signed;
    const [group, a] = await Promise.all([this.groups.findById(groupId), this.repo.find(groupId, announcementId)]);
    if (!group || !a || !a.requireAck) throw invalid();
    if (!(await this.groups.isMember(groupId, userId))) throw forbidden('Only group members acknowledge announcements');
    const at = await this.repo.ack(announcementId, userId);
    return { groupId, groupName: group.name, acknowledgedAt: at.toISOString() };
  }

  async list(me: AuthUser, groupId: string, q: { cursor?: string; limit: number }): Promise<Page<Announcement>> {
    await this.access.forMemberRead(me, groupId);
    const rows = await this.repo.list(groupId, q.cursor, q.limit);
    const page = toPage(
      rows,
      q.limit,
      (r) => r.createdAt.getTime(),
      (r) => r,
    );
    const mine = await this.repo.myAcks(
      page.items.map((a) => a.id),
      me.id,
    );
    return { items: page.items.map((a) => this.view(a, mine.get(a.id) ?? null)), nextCursor: page.nextCursor };
  }

  async acknowledge(me: AuthUser, groupId: string, id: string): Promise<Announcement> {
    await this.access.forMemberRead(me, groupId);
    const a = await this.repo.find(groupId, id);
    if (!a) throw notFound('Announcement');
    if (!(await this.groups.isMember(groupId, me.id))) throw forbidden('Only group members acknowledge announcements');
    if (!a.requireAck) throw forbidden('This announcement does not ask for acknowledgement');
    const at = await this.repo.ack(id, me.id);
    return this.view((await this.repo.find(groupId, id)) ?? a, at);
  }

  /** Who has and has not acknowledged, per person and per organisation (current members). */
  async report(me: AuthUser, groupId: string, id: string): Promise<AcknowledgementReport> {
    await this.access.forModeration(me, groupId);
    const a = await this.repo.find(groupId, id);
    if (!a) throw notFound('Announcement');
    const [memberIds, acks] = await Promise.all([this.groups.memberIds(groupId), this.repo.acksOf(id)]);
    const people = (await this.users.findByIds(memberIds))
      .map((u) => ({
        userId: u.id,
        displayName: u.displayName,
        organisationId: u.organisationId,
        organisationName: u.organisationName,
        acknowledgedAt: acks.get(u.id)?.toISOString() ?? null,
      }))
      .sort((x, y) => x.displayName.localeCompare(y.displayName));
    const orgs = new Map<string, AcknowledgementReport['organisations'][number]>();
    for (const p of people) {
      const key = p.organisationId ?? '';
      const o = orgs.get(key) ?? { organisationId: p.organisationId, organisationName: p.organisationName, total: 0, acknowledged: 0 };
      o.total++;
      if (p.acknowledgedAt) o.acknowledged++;
      orgs.set(key, o);
    }
    return {
      announcementId: id,
      total: people.length,
      acknowledged: people.filter((p) => p.acknowledgedAt).length,
      people: people.map(({ organisationId: _o, ...p }) => p),
      organisations: [...orgs.values()].sort((x, y) => (x.organisationName ?? '').localeCompare(y.organisationName ?? '')),
    };
  }

  private view(a: AnnouncementRecord, myAck: Date | null): Announcement {
    return {
      id: a.id,
      groupId: a.groupId,
      messageId: a.messageId,
      body: a.body,
      requireAck: a.requireAck,
      createdAt: a.createdAt.toISOString(),
      ackCount: a.ackCount,
      myAckAt: myAck?.toISOString() ?? null,
    };
  }
}
