import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { parseMentions } from '../chat/mentions';
import { AnnouncementAckLinks } from '../groups/announcement-ack-links';
import { GroupNewsEvent } from '../groups/groups.events';
import { OutboxService } from '../mail/outbox.service';
import { UsersRepository } from '../users/users.repository';
import { recipientOf } from './mail-recipient';

/**
 * Working groups → mails, queued in the outbox by the step that causes them (awaited with the
 * event): a join request to the coordinators, its decision to the person who asked, an
 * announcement to acknowledge to each member with a link that acknowledges for them. The key is
 * the request or the announcement, so the same cause never queues a second mail.
 */
@Injectable()
export class GroupMails {
  constructor(
    private readonly outbox: OutboxService,
    private readonly users: UsersRepository,
    private readonly ackLinks: AnnouncementAckLinks,
  ) {}

  @OnEvent(GroupNewsEvent.event, { suppressErrors: false })
  async onNews({ userIds, group, news: n }: GroupNewsEvent): Promise<void> {
    switch (n.what) {
      case 'join-requested': {
        const requester = await this.users.findById(n.requester.id);
        for (const u of await this.users.findByIds(userIds)) {
          if (u.status !== 'active') continue;
          await this.outbox.enqueue({
            kind: 'group.join_requested',
            key: n.requestId,
            to: recipientOf(u),
            language: u.language,
            data: {
              groupName: group.name,
              groupId: group.id,
              requesterName: n.requester.displayName,
              organisationName: requester?.organisationName ?? null,
              message: n.message,
            },
          });
        }
        return;
      }
      case 'join-decided':
        for (const u of await this.users.findByIds(userIds)) {
          await this.outbox.enqueue({
            kind: 'group.join_decided',
            key: n.requestId,
            to: recipientOf(u),
            language: u.language,
            data: { groupName: group.name, groupId: group.id, approved: n.approved, reason: n.reason },
          });
        }
        return;
      case 'announcement': {
        const mentioned = await this.users.findByIds(parseMentions(n.body).userIds);
        const names = new Map(mentioned.map((u) => [u.id, u.displayName]));
        const readable = n.body.replace(/<@([0-9a-f]{24})>/g, (_m, id: string) => `@${names.get(id) ?? '…'}`);
        for (const u of await this.users.findByIds(userIds)) {
          if (u.status !== 'active') continue;
          await this.outbox.enqueue({
            kind: 'group.announcement',
            key: n.announcementId,
            to: recipientOf(u),
            language: u.language,
            data: {
              groupName: group.name,
              groupId: group.id,
              authorName: n.author,
              body: readable,
              ackPath: this.ackLinks.path(group.id, n.announcementId, u.id),
            },
          });
        }
        return;
      }
      case 'invited':
      case 'removed':
      case 'muted':
      case 'reported':
      case 'report-resolved':
        return; // told in the portal only
    }
  }
}
