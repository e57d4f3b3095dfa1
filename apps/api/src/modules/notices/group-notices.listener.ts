import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { GroupNewsEvent } from '../groups/groups.events';
import { NotificationsService } from '../notifications/notifications.service';
import type { NewNotification } from '../notifications/notifications.repository';
import { NotificationTexts as T } from './notice-texts';

/** Working groups → notifications (awaited by the request that caused them, as the inline calls were). */
@Injectable()
export class GroupNotices {
  constructor(private readonly notifications: NotificationsService) {}

  @OnEvent(GroupNewsEvent.event, { suppressErrors: false })
  async onNews(e: GroupNewsEvent): Promise<void> {
    await this.notifications.notify(e.userIds, this.notice(e));
  }

  private notice({ group: g, news: n }: GroupNewsEvent): NewNotification {
    const page = `/groups/${g.id}`;
    const console = `/groups/${g.id}/console`;
    switch (n.what) {
      case 'join-requested':
        return {
          kind: 'group.join_requested',
          title: T.groupJoinRequested({ requester: n.requester.displayName, group: g.name }),
          body: n.message,
          link: console,
        };
      case 'join-decided':
        return {
          kind: 'group.request_decided',
          title: n.approved ? T.groupJoinApproved({ group: g.name }) : T.groupJoinDeclined({ group: g.name }),
          body: n.reason,
          link: page,
        };
      case 'invited':
        return { kind: 'group.invited', title: T.groupInvited({ actor: n.actor, group: g.name }), link: page };
      case 'removed':
        return {
          kind: 'group.moderation',
          title: n.banned ? T.groupBanned({ group: g.name }) : T.groupRemoved({ group: g.name }),
          body: n.reason,
          link: page,
        };
      case 'muted':
        return { kind: 'group.moderation', title: T.groupMuted({ group: g.name, until: n.until }), body: n.reason, link: page };
      case 'reported':
        return { kind: 'group.moderation', title: T.groupMessageReported({ group: g.name }), body: n.reason, link: console };
      case 'report-resolved':
        return {
          kind: 'group.report_resolved',
          title: T.groupReportResolved({ group: g.name, action: n.action }),
          body: n.note,
          link: page,
        };
      case 'announcement':
        return { kind: 'group.announcement', title: T.groupAnnouncement({ group: g.name }), body: n.body.slice(0, 200), link: page };
    }
  }
}
