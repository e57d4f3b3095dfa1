import type { MailKind } from './mail';
import type { NotificationKind } from './notifications';

/**
 * What a person can tune, one setting per topic (GET/PUT /api/users/me/notification-preferences).
 * Account and security mails (password reset, e-mail change, verification), invitations and
 * decisions on one's own application are not topics: they are always sent.
 */
export const NotificationTopics = ['mentions', 'directMessages', 'applications', 'groups', 'announcements', 'bookings', 'cards'] as const;
export type NotificationTopic = (typeof NotificationTopics)[number];

/** How a topic reaches a person: in the portal's bell, by e-mail, both, or not at all. */
export const Deliveries = ['both', 'in_app', 'email', 'off'] as const;
export type Delivery = (typeof Deliveries)[number];

export const wantsEmail = (d: Delivery): boolean => d === 'both' || d === 'email';
export const wantsInApp = (d: Delivery): boolean => d === 'both' || d === 'in_app';

/** The delivery of `d` with e-mail switched off (what a one-click unsubscribe does). */
export const withoutEmail = (d: Delivery): Delivery => (d === 'both' ? 'in_app' : d === 'email' ? 'off' : d);

/** Quiet hours in the person's time zone, `HH:mm` (24 h); `end` before `start` spans midnight. */
export interface QuietHours {
  start: string;
  end: string;
}

export const DIGEST_DELAY_DEFAULT_MINUTES = 15;
export const DIGEST_DELAY_MIN_MINUTES = 5;
export const DIGEST_DELAY_MAX_MINUTES = 24 * 60;
export const DEFAULT_TIME_ZONE = 'Europe/Vilnius';
export const HM_PATTERN = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

export interface NotificationPreferences {
  topics: Record<NotificationTopic, Delivery>;
  /** mentions and direct messages still unread after this many minutes are e-mailed as one digest */
  digestDelayMinutes: number;
  quietHours: QuietHours | null;
  /** the profile's IANA time zone (quiet hours and mail times use it) */
  timeZone: string;
}

/** PUT body: every field optional; what is left out stays as it is. */
export interface UpdateNotificationPreferencesRequest {
  topics?: Partial<Record<NotificationTopic, Delivery>>;
  digestDelayMinutes?: number;
  quietHours?: QuietHours | null;
  timeZone?: string;
}

export interface NotificationPreferencesResponse {
  preferences: NotificationPreferences;
}

export const DEFAULT_DELIVERIES: Record<NotificationTopic, Delivery> = {
  mentions: 'both',
  directMessages: 'both',
  applications: 'both',
  groups: 'both',
  announcements: 'both',
  bookings: 'both',
  cards: 'both',
};

/**
 * The topic(s) whose e-mail setting governs a mail kind; empty: always sent (essential). The
 * unsubscribe link of a mail turns e-mail off for these topics and opens the page at `?kind=`.
 */
export const MAIL_KIND_TOPICS: Record<MailKind, readonly NotificationTopic[]> = {
  invitation: [],
  // to a prospect without an account, a one-off personal invitation: always sent
  'application.invitation': [],
  'application.submitted': ['applications'],
  'application.approved': [],
  'application.rejected': [],
  'account.password_reset': [],
  'account.email_change': [],
  'account.email_changed_notice': [],
  'account.verify_email': [],
  'chat.digest': ['mentions', 'directMessages'],
  'group.join_requested': ['groups'],
  'group.join_decided': ['groups'],
  'group.announcement': ['announcements'],
  'booking.requested': ['bookings'],
  'booking.approved': ['bookings'],
  'booking.rejected': ['bookings'],
  'booking.cancelled': ['bookings'],
  'booking.waitlist_offer': ['bookings'],
  'booking.reminder': ['bookings'],
  'card.assigned': ['cards'],
  'card.due_tomorrow': ['cards'],
  'card.overdue': ['cards'],
  // to a prospect without an account, who asked for it: always sent
  'event.registration': [],
  // a held place that lapses unless confirmed, and a cancellation: time-critical, always sent
  'event.offer': [],
  'event.cancelled': [],
  // the organisers' post to the people going, when they ask for a mail too
  'event.announcement': ['announcements'],
};

/** The topic whose in-app setting governs a notification kind; null: always shown. */
export const NOTIFICATION_KIND_TOPIC: Record<NotificationKind, NotificationTopic | null> = {
  'application.submitted': 'applications',
  'application.approved': null,
  'application.rejected': null,
  'invitation.accepted': null,
  mention: 'mentions',
  'booking.requested': 'bookings',
  'booking.approved': 'bookings',
  'booking.rejected': 'bookings',
  'booking.cancelled': 'bookings',
  'booking.waitlist_offer': 'bookings',
  'card.assigned': 'cards',
  'group.join_requested': 'groups',
  'group.request_decided': 'groups',
  'group.invited': 'groups',
  'group.moderation': null,
  'group.report_resolved': 'groups',
  'group.announcement': 'announcements',
  'event.announcement': 'announcements',
  system: null,
};

/** Per channel: every message counts (unread badge, digest of DMs), only mentions, or nothing. */
export const ChannelNotifyLevels = ['all', 'mentions', 'muted'] as const;
export type ChannelNotifyLevel = (typeof ChannelNotifyLevels)[number];

/** PATCH /api/channels/:id/membership */
export interface UpdateMembershipRequest {
  notify: ChannelNotifyLevel;
}
