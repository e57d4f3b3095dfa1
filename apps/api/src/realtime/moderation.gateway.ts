import { OnEvent } from '@nestjs/event-emitter';
import { WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import type { MuteChangedEvent as MutePayload } from '@klasteris/contracts';
import { MuteChangedEvent } from '../modules/moderation/moderation.events';
import { userRoom } from './rooms';
import type { AppServer } from './socket-auth';

/** Tells a muted (or unmuted) person at once, so their open composer locks or unlocks without a reload. */
@WebSocketGateway()
export class ModerationGateway {
  @WebSocketServer() server: AppServer;

  @OnEvent(MuteChangedEvent.event)
  onMuteChanged(e: MuteChangedEvent): void {
    const payload: MutePayload = { groupId: e.groupId, until: e.until };
    this.server.to(userRoom(e.userId)).emit('moderation:mute', payload);
  }
}
