import { Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import { ApiProperty } from '@nestjs/swagger';
import { IsMongoId } from 'class-validator';
import type { Server } from 'socket.io';
import { eventRoom, type Ack, type EventSubscribeRequest, type EventUpdatedPayload } from '@klasteris/contracts';
import { notFound } from '../common/api-exception';
import { EventAccessService } from '../modules/events/event-access.service';
import { EventLiveService } from '../modules/events/event-live.service';
import { EventAccessChangedEvent, EventCountsChangedEvent } from '../modules/events/events.events';
import { ack, parsePayload } from './socket-ack';
import type { AuthedSocket } from './socket-auth';

export class EventSubscribeEvent implements EventSubscribeRequest {
  @ApiProperty() @IsMongoId() eventId: string;
}

/**
 * Live event counts: a socket subscribes to an event it may see (the same check as GET /api/events/:id,
 * so an event of another group or project answers NOT_FOUND and the socket joins nothing) and then
 * hears `event:updated` whenever RSVPs, registrations, the capacity or the state change.
 */
@WebSocketGateway()
export class EventsGateway {
  private readonly logger = new Logger('EventsGateway');
  @WebSocketServer() server: Server;

  constructor(
    private readonly access: EventAccessService,
    private readonly live: EventLiveService,
  ) {}

  @SubscribeMessage('event:subscribe')
  subscribe(@ConnectedSocket() s: AuthedSocket, @MessageBody() body: unknown): Promise<Ack<{ counts: EventUpdatedPayload }>> {
    return ack(
      async () => {
        const { eventId } = await parsePayload(EventSubscribeEvent, body);
        await this.access.visible(s.data.user, eventId);
        const counts = await this.live.counts(eventId);
        if (!counts) throw notFound('Event');
        await s.join(eventRoom(eventId));
        return { counts };
      },
      (err) => this.logger.error(err instanceof Error ? (err.stack ?? err.message) : String(err)),
    );
  }

  @SubscribeMessage('event:unsubscribe')
  unsubscribe(@ConnectedSocket() s: AuthedSocket, @MessageBody() body: unknown): Promise<Ack> {
    return ack(
      async () => {
        const { eventId } = await parsePayload(EventSubscribeEvent, body);
        await s.leave(eventRoom(eventId));
        return {};
      },
      (err) => this.logger.error(err instanceof Error ? (err.stack ?? err.message) : String(err)),
    );
  }

  @OnEvent(EventAccessChangedEvent.event, { async: true, promisify: true, suppressErrors: true })
  async onAccessChanged(e: EventAccessChangedEvent): Promise<void> {
    for (const sock of await this.server.in(eventRoom(e.eventId)).fetchSockets()) {
      const user = (sock.data as AuthedSocket['data']).user;
      const still = user
        ? await this.access.visible(user, e.eventId).then(
            () => true,
            () => false,
          )
        : false;
      if (!still) sock.leave(eventRoom(e.eventId));
    }
  }

  @OnEvent(EventCountsChangedEvent.event)
  onCounts(e: EventCountsChangedEvent): void {
    this.server.to(eventRoom(e.payload.eventId)).emit('event:updated', e.payload);
  }
}
