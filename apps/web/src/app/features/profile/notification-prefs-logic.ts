import { MAIL_KIND_TOPICS, MailKinds, type MailKind, type NotificationTopic } from '@klasteris/contracts';

/** The topics an unsubscribe link's `?kind=` points at (none for an unknown or essential kind). */
export function topicsForKind(kind: string | null | undefined): NotificationTopic[] {
  if (!kind || !(MailKinds as readonly string[]).includes(kind)) return [];
  return [...MAIL_KIND_TOPICS[kind as MailKind]];
}

/** Delays offered for the digest, in minutes. */
export const DIGEST_DELAYS = [5, 10, 15, 30, 60, 120, 240, 480, 1440] as const;
