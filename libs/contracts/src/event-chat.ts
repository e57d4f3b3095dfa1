import type { Message, MyChannel } from './chat';

/**
 * An event's chat channel (private): the members going and the organisers. Waitlisted, maybe and
 * declined answers are not in it; a cancelled event's channel is archived (readable, closed to posts).
 */

/** `GET /api/events/:id/channel` (people going and organisers): the channel, joined on the way for organisers. */
export interface EventChannelResponse {
  channel: MyChannel;
}

/** `POST /api/events/:id/announcements` (organisers): a post to the people going, in the event's channel. */
export interface PostEventAnnouncementRequest {
  /** Markdown, as in chat */
  body: string;
  /** client-generated id; resending it never posts twice */
  clientMsgId: string;
  /** also e-mail everyone going (members and prospects registered on the visitor site) */
  email?: boolean;
}

export interface EventAnnouncementResponse {
  message: Message;
  /** members told in the app (everyone going but the author) */
  notified: number;
  /** mails queued (0 unless `email`) */
  mailed: number;
}
