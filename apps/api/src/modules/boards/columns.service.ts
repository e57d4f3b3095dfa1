import { HttpStatus, Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import {
  DEFAULT_COLUMNS,
  ErrorCode,
  type Column,
  type CreateColumnRequest,
  type MoveColumnRequest,
  type UpdateColumnRequest,
} from '@klasteris/contracts';
import { ApiException, notFound, validationFailed } from '../../common/api-exception';
import type { AuthUser } from '../../common/auth-user';
import { ActivityService } from '../projects/activity.service';
import { BoardRoomEvent } from './boards.events';
import { BoardAccessService } from './board-access.service';
import { isDuplicateKeyError } from '../../common/duplicate-key';
import { ColumnsRepository } from './columns.repository';
import { initialRanks, jitteredRankBetween, needsRebalance, rankBetween, ranksAfter } from './ranks';

const MAX_ATTEMPTS = 20;

/** Columns of a board: add, rename, WIP limit, reorder (fractional ranks, unique per project), archive. */
@Injectable()
export class ColumnsService {
  constructor(
    private readonly access: BoardAccessService,
    private readonly columns: ColumnsRepository,
    private readonly activity: ActivityService,
    private readonly events: EventEmitter2,
  ) {}

  /** The default columns of a new board. */
  async createDefaults(projectId: string, names: readonly string[] = DEFAULT_COLUMNS): Promise<Column[]> {
    const ranks = initialRanks(names.length);
    const out: Column[] = [];
    for (let i = 0; i < names.length; i++)
      out.push(await this.columns.create(projectId, { name: names[i]!, rank: ranks[i]!, wipLimit: null }));
    return out;
  }

  async create(me: AuthUser, projectId: string, req: CreateColumnRequest): Promise<Column> {
    await this.access.project(me, projectId, 'write');
    const column = await this.place(projectId, req, undefined, (rank) =>
      this.columns.create(projectId, { name: req.name, rank, wipLimit: req.wipLimit ?? null }),
    );
    await this.activity.record({ projectId, actor: me, kind: 'column.created', data: { columnId: column.id, name: column.name } });
    this.announce('board:column-created', column);
    return column;
  }

  async update(me: AuthUser, columnId: string, patch: UpdateColumnRequest): Promise<Column> {
    const { project } = await this.access.column(me, columnId, 'write');
    const column = await this.columns.update(project.id, columnId, patch);
    if (!column) throw notFound('Column');
    await this.activity.record({
      projectId: project.id,
      actor: me,
      kind: 'column.updated',
      data: { columnId, fields: Object.keys(patch) },
    });
    this.announce('board:column-updated', column);
    return column;
  }

  async move(me: AuthUser, columnId: string, req: MoveColumnRequest): Promise<Column> {
    const { project } = await this.access.column(me, columnId, 'write');
    const column = await this.place(project.id, req, columnId, async (rank) => {
      const c = await this.columns.setRank(project.id, columnId, rank);
      if (!c) throw notFound('Column');
      return c;
    });
    await this.activity.record({ projectId: project.id, actor: me, kind: 'column.moved', data: { columnId } });
    this.announce('board:column-updated', column);
    return column;
  }

  async setArchived(me: AuthUser, columnId: string, archived: boolean): Promise<Column> {
    const { project } = await this.access.column(me, columnId, 'write');
    const column = await this.columns.update(project.id, columnId, { archived });
    if (!column) throw notFound('Column');
    await this.activity.record({
      projectId: project.id,
      actor: me,
      kind: archived ? 'column.archived' : 'column.restored',
      data: { columnId, name: column.name },
    });
    this.announce('board:column-updated', column);
    return column;
  }

  private announce(name: 'board:column-created' | 'board:column-updated', column: Column): void {
    this.events.emit(BoardRoomEvent.event, new BoardRoomEvent(column.projectId, name, { projectId: column.projectId, column }));
  }

  private async place(
    projectId: string,
    anchors: MoveColumnRequest,
    movingId: string | undefined,
    write: (rank: string) => Promise<Column>,
  ): Promise<Column> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const all = (await this.columns.list(projectId)).filter((c) => c.id !== movingId);
      const { lower, upper } = slot(all, anchors);
      try {
        const column = await write(attempt === 0 ? rankBetween(lower, upper) : jitteredRankBetween(lower, upper));
        if (needsRebalance(column.rank)) await this.respace(projectId);
        return column;
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
      }
    }
    throw new ApiException(HttpStatus.CONFLICT, ErrorCode.RankConflict, 'The board is very busy right now; try again');
  }

  /** Columns are few: re-space them all after the current maximum, each write conditional on its old rank. */
  private async respace(projectId: string): Promise<void> {
    const all = await this.columns.list(projectId);
    const fresh = ranksAfter(all[all.length - 1]!.rank, all.length);
    for (let i = 0; i < all.length; i++) {
      const updated = await this.columns.setRankIf(projectId, all[i]!.id, all[i]!.rank, fresh[i]!);
      if (updated) this.announce('board:column-updated', updated);
    }
  }
}

function slot(columns: Column[], anchors: MoveColumnRequest): { lower: string | null; upper: string | null } {
  const index = (id: string, field: string): number => {
    const i = columns.findIndex((c) => c.id === id);
    if (i < 0) throw validationFailed([{ field, message: 'is not another column of this board' }]);
    return i;
  };
  if (anchors.afterColumnId) {
    const i = index(anchors.afterColumnId, 'afterColumnId');
    return { lower: columns[i]!.rank, upper: columns[i + 1]?.rank ?? null };
  }
  if (anchors.beforeColumnId) {
    const i = index(anchors.beforeColumnId, 'beforeColumnId');
    return { lower: columns[i - 1]?.rank ?? null, upper: columns[i]!.rank };
  }
  return { lower: columns[columns.length - 1]?.rank ?? null, upper: null };
}
