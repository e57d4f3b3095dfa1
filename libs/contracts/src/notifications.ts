import type { IsoDateTime, PageQuery } from './common';

export const NotificationKinds = [
  'application.submitted',
  'application.approved',
  'application.rejected',
  'invitation.accepted',
  'mention',
  'booking.requested',
  'booking.approved',
  'booking.rejected',
  'booking.cancelled',
  'booking.waitlist_offer',
  'card.assigned',
  'group.join_requested',
  'group.request_decided',
  'group.invited',
  'group.moderation',
  'group.report_resolved',
  'group.announcement',
  'event.announcement',
  'system',
] as const;
export type NotificationKind = (typeof NotificationKinds)[number];

export interface Notification {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string | null;
  /** in-app route to open, e.g. /admin/applications */
  link: string | null;
  readAt: IsoDateTime | null;
  createdAt: IsoDateTime;
}

export interface NotificationListQuery extends PageQuery {
  unreadOnly?: boolean;
}

export interface NotificationsUnread {
  unread: number;
}
