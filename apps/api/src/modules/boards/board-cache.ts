import { Injectable } from '@nestjs/common';
import type { Card } from '@klasteris/contracts';
import { BoardSeqRepository } from './board-seq.repository';

export type CardChange =
  { kind: 'upsert'; card: Card } | { kind: 'delete'; cardId: string } | { kind: 'ranks'; ranks: { id: string; rank: string }[] };

interface Entry {
  seq: number;
  cards: Map<string, Card>;
  /** cards deleted since the load (a late upsert of one of them is ignored) */
  deleted: Set<string>;
  sorted: Card[] | null;
  usedAt: number;
}

const byRank = (a: Card, b: Card): number => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0);

/**
 * The open cards of recently viewed boards, in memory. Every change of a board's cards bumps the
 * board's counter (`board_seqs`) in the database AFTER the card write; an entry is used only while
 * its seq equals the counter, so a change made anywhere (another node included) invalidates it. Changes
 * made on this node are applied to the entry in place when no other change came in between, so an
 * active board stays warm. Reading 5,000 cards from FerretDB takes about a second; from here, none.
 */
@Injectable()
export class BoardCache {
  static readonly MAX_BOARDS = 20;
  private readonly entries = new Map<string, Entry>();

  /** The open cards in rank order if the cached board is at `seq`. */
  get(projectId: string, seq: number): Card[] | null {
    const e = this.entries.get(projectId);
    if (!e || e.seq !== seq) return null;
    e.usedAt = Date.now();
    e.sorted ??= [...e.cards.values()].sort(byRank);
    return e.sorted;
  }

  set(projectId: string, seq: number, cards: Card[]): void {
    const current = this.entries.get(projectId);
    if (current && current.seq > seq) return;
    this.entries.set(projectId, { seq, cards: new Map(cards.map((c) => [c.id, c])), deleted: new Set(), sorted: null, usedAt: Date.now() });
    if (this.entries.size > BoardCache.MAX_BOARDS) {
      const oldest = [...this.entries.entries()].sort((a, b) => a[1].usedAt - b[1].usedAt)[0]!;
      this.entries.delete(oldest[0]);
    }
  }

  /**
   * Applies a change that produced `seq`; drops the entry when a change in between is unknown here.
   * Writes of one card may bump in another order than they wrote: a card only ever moves to a
   * higher version, and a deleted card stays deleted. Re-spacing (rare, no version) drops the entry.
   */
  apply(projectId: string, seq: number, change: CardChange): void {
    const e = this.entries.get(projectId);
    if (!e) return;
    if (e.seq !== seq - 1 || change.kind === 'ranks') {
      this.entries.delete(projectId);
      return;
    }
    if (change.kind === 'upsert') {
      const { card } = change;
      const known = e.cards.get(card.id);
      if (!e.deleted.has(card.id) && (!known || known.version <= card.version)) {
        if (card.archived) e.cards.delete(card.id);
        else e.cards.set(card.id, card);
      }
    } else {
      e.cards.delete(change.cardId);
      e.deleted.add(change.cardId);
    }
    e.seq = seq;
    e.sorted = null;
  }
}

/** Records that a board's cards changed (after the write): bumps the board's seq, keeps this node's cache current. */
@Injectable()
export class BoardChanges {
  constructor(
    private readonly seqs: BoardSeqRepository,
    private readonly cache: BoardCache,
  ) {}

  async committed(projectId: string, change: CardChange): Promise<void> {
    const seq = await this.seqs.bump(projectId);
    this.cache.apply(projectId, seq, change);
  }
}
