import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { EventAnnouncementResponse, PostEventAnnouncementRequest } from '@klasteris/contracts';
import { forbidden } from '../../common/api-exception';
import type { AuthUser } from '../../common/auth-user';
import { MessageWriterService } from '../chat/message-writer.service';
import { MessagesService } from '../chat/messages.service';
import { AttendanceRepository } from '../events/attendance.repository';
import { EventAccessService } from '../events/event-access.service';
import { eventStateConflict } from '../events/events.service';
import { EventChannelService } from './event-channel.service';
import { EventAnnouncementEvent } from './event-channels.events';

/**
 * The organisers' post to the people going: a message in the event's channel (pinned, so it stays
 * at hand), then EventAnnouncementEvent — modules/notices notifies everyone going and, when asked,
 * mails everyone going, prospects included (they have no account, so no chat). Organisers only;
 * published events only.
 */
@Injectable()
export class EventAnnouncementsService {
  constructor(
    private readonly access: EventAccessService,
    private readonly eventChannels: EventChannelService,
    private readonly writer: MessageWriterService,
    private readonly messages: MessagesService,
    private readonly attendance: AttendanceRepository,
    private readonly emitter: EventEmitter2,
  ) {}

  async post(me: AuthUser, eventId: string, r: PostEventAnnouncementRequest): Promise<EventAnnouncementResponse> {
    const { event, canManage } = await this.access.visible(me, eventId);
    if (!canManage) throw forbidden('Only the organisers post to the attendees');
    if (event.state !== 'published') throw eventStateConflict(event.state, `The event is ${event.state}: no posts to its attendees`);
    const channel = await this.eventChannels.enter(me, event, true);
    const sent = await this.writer.send(me, { channelId: channel.id, clientMsgId: r.clientMsgId, body: r.body });
    const message = sent.pinned ? sent : await this.messages.setPinned(me, sent.id, true);
    const going = (await this.attendance.list(eventId)).filter((a) => a.status === 'going' && a.userId?.toHexString() !== me.id);
    const members = going.flatMap((a) => (a.kind === 'member' && a.userId ? [a.userId.toHexString()] : []));
    const prospects = going.flatMap((a) =>
      a.kind === 'prospect' && a.email ? [{ email: a.email, name: a.name, language: a.language }] : [],
    );
    await this.emitter.emitAsync(
      EventAnnouncementEvent.event,
      new EventAnnouncementEvent(
        { id: eventId, title: event.title, start: event.start, timeZone: event.timeZone },
        { id: me.id, displayName: me.displayName },
        { id: message.id, channelId: message.channelId, seq: message.seq, body: message.body },
        members,
        r.email ? { userIds: members, prospects } : null,
      ),
    );
    return { message, notified: members.length, mailed: r.email ? members.length + prospects.length : 0 };
  }
}
