import type { Language } from '@klasteris/contracts';

/**
 * The organisers posted to the people going (EventAnnouncementsService); modules/notices tells
 * `notify` in the app, each in their language, and — when the organiser asked — mails `mail`.
 * Emitted with `emitAsync` and awaited: the post answers once they are told.
 */
export class EventAnnouncementEvent {
  static readonly event = 'events.announcement';
  constructor(
    readonly event: { id: string; title: string; start: Date; timeZone: string },
    readonly author: { id: string; displayName: string },
    readonly message: { id: string; channelId: string; seq: number; body: string },
    /** members going (not the author) */
    readonly notify: string[],
    /** null: no mail; else members going (accounts) and prospects going (the address they registered) */
    readonly mail: { userIds: string[]; prospects: { email: string; name: string; language: Language }[] } | null,
  ) {}
}
