import { OnEvent } from '@nestjs/event-emitter';
import { WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import type { BookingUpdatedPayload } from '@klasteris/contracts';
import { BookingChangedEvent } from '../modules/bookings/bookings.events';
import { userRoom } from './rooms';
import type { AppServer } from './socket-auth';

/** Maps booking changes to `booking:updated` in the rooms of the requester and the approvers concerned. */
@WebSocketGateway()
export class BookingsGateway {
  @WebSocketServer() server: AppServer;

  @OnEvent(BookingChangedEvent.event)
  onChanged(e: BookingChangedEvent): void {
    if (e.userIds.length === 0) return;
    const payload: BookingUpdatedPayload = { booking: e.booking };
    this.server.to(e.userIds.map(userRoom)).emit('booking:updated', payload);
  }
}
