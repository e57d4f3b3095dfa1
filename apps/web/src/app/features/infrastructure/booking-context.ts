import { Injectable, signal } from '@angular/core';

/**
 * What a booking is being made for: a card (set by "Book infrastructure" on a card) or a whole
 * project (`cardId` null, from the project page); the booking dialog links the booking to it.
 */
export interface CardTarget {
  projectId: string;
  cardId: string | null;
  /** the card's title, or the project's name when `cardId` is null */
  cardTitle: string;
}

/** Carries a card from the board to the booking dialog across the catalogue and a resource page. */
@Injectable({ providedIn: 'root' })
export class BookingContext {
  private readonly _card = signal<CardTarget | null>(null);
  readonly card = this._card.asReadonly();

  bookFor(target: CardTarget): void {
    this._card.set(target);
  }

  clear(): void {
    this._card.set(null);
  }
}
