import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { ErrorCode } from '@klasteris/contracts';
import { ApiException, validationFailed } from '../../common/api-exception';
import { BoardRoomEvent } from './boards.events';
import { BoardChanges } from './board-cache';
import { isDuplicateKeyError } from '../../common/duplicate-key';
import { CardsRepository } from './cards.repository';
import { ColumnsRepository } from './columns.repository';
import { jitteredRankBetween, needsRebalance, rankBetween, ranksAfter } from './ranks';

export interface Anchors {
  beforeCardId?: string;
  afterCardId?: string;
}

const MAX_ATTEMPTS = 25;

/**
 * Where a card goes in a column. The rank is computed from the current neighbours of the slot the
 * caller named (right after `afterCardId`, right before `beforeCardId`, else at the bottom). The
 * unique (columnId, rank) index refuses a rank another writer just took; we then read the
 * neighbours again and retry with a jittered key, so concurrent moves end in a total order.
 */
@Injectable()
export class CardPlacementService {
  private readonly logger = new Logger('Boards');

  constructor(
    private readonly cards: CardsRepository,
    private readonly columns: ColumnsRepository,
    private readonly events: EventEmitter2,
    private readonly changes: BoardChanges,
  ) {}

  /** Runs `write(rank)` until it does not clash; `write` returns null when the card's version moved on. */
  async place<T>(
    projectId: string,
    columnId: string,
    anchors: Anchors,
    movingId: string | undefined,
    write: (rank: string) => Promise<T>,
  ): Promise<T> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const { lower, upper } = await this.slot(projectId, columnId, anchors, movingId);
      const rank = attempt === 0 ? rankBetween(lower, upper) : jitteredRankBetween(lower, upper);
      try {
        const result = await write(rank);
        if (result !== null && needsRebalance(rank)) await this.rebalance(projectId, columnId);
        return result;
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
      }
    }
    throw new ApiException(HttpStatus.CONFLICT, ErrorCode.RankConflict, 'The column is very busy right now; try the move again');
  }

  private async slot(
    projectId: string,
    columnId: string,
    anchors: Anchors,
    movingId?: string,
  ): Promise<{ lower: string | null; upper: string | null }> {
    if (anchors.afterCardId) {
      const rank = await this.anchorRank(projectId, columnId, anchors.afterCardId, movingId, 'afterCardId');
      return { lower: rank, upper: await this.cards.nextRank(columnId, rank, movingId) };
    }
    if (anchors.beforeCardId) {
      const rank = await this.anchorRank(projectId, columnId, anchors.beforeCardId, movingId, 'beforeCardId');
      return { lower: await this.cards.prevRank(columnId, rank, movingId), upper: rank };
    }
    return { lower: await this.cards.lastRank(columnId, movingId), upper: null };
  }

  /** An anchor must be another card of the target column (of this project). */
  private async anchorRank(
    projectId: string,
    columnId: string,
    anchorId: string,
    movingId: string | undefined,
    field: string,
  ): Promise<string> {
    const anchor = anchorId === movingId ? null : await this.cards.findInProject(projectId, anchorId);
    if (!anchor || anchor.columnId !== columnId) throw validationFailed([{ field, message: 'is not another card of the target column' }]);
    return anchor.rank;
  }

  /**
   * Re-spaces a column whose keys grew long: fresh short keys after the current maximum (so they
   * never clash with a live key), written in order, each only if the card still has the rank we
   * read. One rebalance per column at a time (a claim on the column).
   */
  async rebalance(projectId: string, columnId: string): Promise<void> {
    if (!(await this.columns.claimRebalance(columnId))) return;
    try {
      const rows = await this.cards.ranksOfColumn(columnId);
      if (rows.length === 0) return;
      const fresh = ranksAfter(rows[rows.length - 1]!.rank, rows.length);
      const ranks: { id: string; rank: string }[] = [];
      for (let i = 0; i < rows.length; i++) {
        if (await this.cards.setRankIf(columnId, rows[i]!.id, rows[i]!.rank, fresh[i]!)) ranks.push({ id: rows[i]!.id, rank: fresh[i]! });
      }
      await this.changes.committed(projectId, { kind: 'ranks', ranks });
      this.logger.debug(`Re-spaced ${ranks.length} cards of column ${columnId}`);
      this.events.emit(BoardRoomEvent.event, new BoardRoomEvent(projectId, 'board:column-rebalanced', { projectId, columnId, ranks }));
    } finally {
      await this.columns.releaseRebalance(columnId);
    }
  }
}
