import type { IsoDateTime, Language, PageQuery } from './common';

/**
 * Every kind of e-mail the portal sends. One template file per kind lives in
 * apps/api/src/modules/mail/templates/ (see the README there to add one). Essential kinds
 * (account and security mails) are always sent and carry no unsubscribe link.
 */
export const MailKinds = [
  'invitation',
  // an event's prospect invited to apply for membership (a link to the apply page, prefilled)
  'application.invitation',
  'application.submitted',
  'application.approved',
  'application.rejected',
  'account.password_reset',
  'account.email_change',
  'account.email_changed_notice',
  'account.verify_email',
  'group.join_requested',
  'group.join_decided',
  'group.announcement',
  // bookings (BookingMails): the approval flow, waitlist offers and the reminder before the start
  'booking.requested',
  'booking.approved',
  'booking.rejected',
  'booking.cancelled',
  'booking.waitlist_offer',
  'booking.reminder',
  // cards (CardMails): assignment, and the 08:00 morning mails in the person's time zone
  'card.assigned',
  'card.due_tomorrow',
  'card.overdue',
  'chat.digest',
  // events: a prospect's registration on the visitor site
  'event.registration',
  // events: a freed place held for the first in line (to confirm), and an event's cancellation
  'event.offer',
  'event.cancelled',
  // events: the organisers' post to the people going (modules/event-channels)
  'event.announcement',
] as const;
export type MailKind = (typeof MailKinds)[number];

/**
 * Outbox states: `queued` (waiting for its due time, also between retries), `sending` (claimed by
 * a worker under a lease), `sent` (the SMTP server accepted it), `failed` (permanent 5xx answer,
 * or 24 h of temporary failures), `suppressed` (a non-essential mail to an address that
 * unsubscribed from its kind).
 */
export const MailStates = ['queued', 'sending', 'sent', 'failed', 'suppressed'] as const;
export type MailState = (typeof MailStates)[number];

/**
 * A deliverable address, as every edge (registration, invitations, applications, e-mail change)
 * checks it: one mailbox, ASCII, no display name, whitespace, quotes, brackets or commas.
 */
export const MAIL_ADDRESS_PATTERN =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

export function isDeliverableAddress(address: string): boolean {
  return (
    address.length <= 254 &&
    MAIL_ADDRESS_PATTERN.test(address) &&
    !address.includes('..') &&
    !address.startsWith('.') &&
    !address.includes('.@')
  );
}

/** The web page an announcement's acknowledgement link opens (`?token=`); it calls POST /api/announcements/acknowledge. */
export const ANNOUNCEMENT_ACK_PATH = '/acknowledge';
/** POST /api/announcements/acknowledge → 200 */
export interface AcknowledgeByLinkRequest {
  token: string;
}
export interface AcknowledgeByLinkResponse {
  groupId: string;
  groupName: string;
  acknowledgedAt: string;
}

/** The web page an unsubscribe link opens (`?kind=<kind>` names the setting). */
export const MAIL_PREFERENCES_PATH = '/profile/notifications';

/** One mail of the outbox as admins see it (GET /api/admin/mail). */
export interface OutboxMail {
  id: string;
  kind: MailKind;
  to: { email: string; name: string | null; userId: string | null };
  language: Language;
  subject: string;
  state: MailState;
  attempts: number;
  /** the SMTP server's last answer (or the connection error) */
  lastResponse: string | null;
  messageId: string;
  nextAttemptAt: IsoDateTime | null;
  sentAt: IsoDateTime | null;
  createdAt: IsoDateTime;
}

export interface OutboxMailDetail extends OutboxMail {
  text: string;
  html: string;
  attachments: { filename: string; contentType: string }[];
}

export interface OutboxQuery extends PageQuery {
  state?: MailState;
  kind?: MailKind;
  /** part of the recipient's address */
  q?: string;
}

export interface OutboxPage {
  items: OutboxMail[];
  nextCursor: string | null;
  counts: Record<MailState, number>;
}

export interface OutboxMailResponse {
  mail: OutboxMailDetail;
}

/** Health of the mailer as `/api/health` reports it (`info.mail` / `error.mail`). */
export type MailerMode = 'smtp' | 'mailpit' | 'disabled';

/** POST /api/auth/password-reset */
export interface PasswordResetRequest {
  email: string;
}
/** POST /api/auth/password-reset/confirm → 204 */
export interface PasswordResetConfirmRequest {
  token: string;
  password: string;
}
export const PASSWORD_RESET_TTL_MINUTES = 30;

/** POST /api/users/me/email → 202: a confirmation link goes to the new address. */
export interface EmailChangeRequest {
  email: string;
  password: string;
}
/** POST /api/auth/email-change/confirm and POST /api/auth/verify-email → 204 */
export interface MailTokenRequest {
  token: string;
}
/** At most this many reset mails per address in PASSWORD_RESET_WINDOW_MINUTES (more requests answer 202 and send nothing). */
export const PASSWORD_RESET_PER_EMAIL = 3;
/** Reset requests per client address in PASSWORD_RESET_WINDOW_MINUTES before 429 TOO_MANY_REQUESTS. */
export const PASSWORD_RESET_PER_IP = 20;
export const PASSWORD_RESET_WINDOW_MINUTES = 15;
export const EMAIL_CHANGE_TTL_HOURS = 24;
export const EMAIL_VERIFY_TTL_HOURS = 72;
