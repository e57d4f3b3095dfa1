import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { BoardChanges } from './board-cache';
import { announceUpdated } from './card-events';
import { CardsRepository } from './cards.repository';

/**
 * The narrow door through which bookings reach a card: the bookings module calls it after a booking
 * linked to a card is made (it has already checked that the card belongs to the project and the
 * requester is a member). The card's `bookingIds` grows; the board sees the card change live.
 */
@Injectable()
export class CardBookingsService {
  constructor(
    private readonly cards: CardsRepository,
    private readonly changes: BoardChanges,
    private readonly events: EventEmitter2,
  ) {}

  async attach(projectId: string, cardId: string, bookingIds: string[]): Promise<void> {
    if (bookingIds.length === 0) return;
    const card = await this.cards.addBookings(projectId, cardId, bookingIds);
    if (!card) return;
    await this.changes.committed(projectId, { kind: 'upsert', card });
    announceUpdated(this.events, card, []);
  }
}
