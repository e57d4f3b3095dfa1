import { Injectable, signal } from '@angular/core';

/** The card a booking is being made for (set by "Book infrastructure" on a card; the booking dialog links to it). */
export interface CardTarget {
  projectId: string;
  cardId: string;
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
