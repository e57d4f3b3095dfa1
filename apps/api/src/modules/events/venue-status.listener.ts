import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { BookingChangedEvent } from '../bookings/bookings.events';
import { EventsRepository } from './events.repository';

/** Keeps an event's "venue pending / confirmed" in step with its booking (approved, rejected, cancelled by the resource's managers). */
@Injectable()
export class VenueStatusListener {
  constructor(private readonly events: EventsRepository) {}

  @OnEvent(BookingChangedEvent.event, { async: true, promisify: true, suppressErrors: true })
  async onBookingChanged(e: BookingChangedEvent): Promise<void> {
    await this.events.setBookingStatus(e.booking.id, e.booking.status);
  }
}
