import { Injectable } from '@nestjs/common';
import type { Activity, Board, Card, CardWithContext, Column, MyCardsQuery, Page } from '@klasteris/contracts';
import type { AuthUser } from '../../common/auth-user';
import { encodeCursor } from '../../common/pagination';
import { ActivityService } from '../projects/activity.service';
import { ProjectPresenter } from '../projects/project-presenter.service';
import { ProjectMembersRepository } from '../projects/project-members.repository';
import { ProjectsRepository } from '../projects/projects.repository';
import { BoardAccessService } from './board-access.service';
import { BoardCache } from './board-cache';
import { BoardSeqRepository } from './board-seq.repository';
import { publicCard } from './card-events';
import { CardsRepository } from './cards.repository';
import { ColumnsRepository } from './columns.repository';
import { LabelsRepository } from './labels.repository';

const isoDate = (d: Date): string => d.toISOString().slice(0, 10);

/** Reading boards: the whole board in one round trip, archived items, one card, my cards, activity. */
@Injectable()
export class BoardReadService {
  constructor(
    private readonly access: BoardAccessService,
    private readonly cards: CardsRepository,
    private readonly columns: ColumnsRepository,
    private readonly labels: LabelsRepository,
    private readonly projects: ProjectsRepository,
    private readonly members: ProjectMembersRepository,
    private readonly presenter: ProjectPresenter,
    private readonly activity: ActivityService,
    private readonly cache: BoardCache,
    private readonly seqs: BoardSeqRepository,
  ) {}

  /**
   * Open columns in order, each with its open cards in order. The cards come from this node's board
   * cache while it is at the board's change counter (read before the cards, so a change racing the
   * load makes the next read load again).
   */
  async board(me: AuthUser, projectId: string): Promise<Board> {
    const [{ project, role }, seq] = await Promise.all([this.access.project(me, projectId, 'read'), this.seqs.current(projectId)]);
    const [columns, cards, labels, members, presented] = await Promise.all([
      this.columns.list(projectId, false),
      this.openCards(projectId, seq),
      this.labels.list(projectId),
      this.presenter.memberList(projectId),
      this.presenter.project(project, role),
    ]);
    const byColumn = new Map<string, Card[]>(columns.map((c) => [c.id, []]));
    for (const card of cards) byColumn.get(card.columnId)?.push(card);
    return { project: presented, columns: columns.map((c) => ({ ...c, cards: byColumn.get(c.id) ?? [] })), labels, members };
  }

  private async openCards(projectId: string, seq: number): Promise<Card[]> {
    const cached = this.cache.get(projectId, seq);
    if (cached) return cached;
    const cards = await this.cards.listForBoard(projectId, false);
    this.cache.set(projectId, seq, cards);
    return cards;
  }

  /** Archived columns and archived cards, to restore. */
  async archive(me: AuthUser, projectId: string): Promise<{ columns: Column[]; cards: Card[] }> {
    await this.access.project(me, projectId, 'read');
    const [columns, cards] = await Promise.all([this.columns.list(projectId, true), this.cards.listForBoard(projectId, true)]);
    return { columns, cards };
  }

  async card(me: AuthUser, cardId: string): Promise<Card> {
    return publicCard((await this.access.card(me, cardId, 'read')).card);
  }

  async cardActivity(me: AuthUser, cardId: string, cursor: string | undefined, limit: number): Promise<Page<Activity>> {
    const { project } = await this.access.card(me, cardId, 'read');
    return this.activity.list(project.id, { cardId, cursor, limit });
  }

  /** Open cards assigned to me in projects I am still a member of. */
  async myCards(me: AuthUser, q: MyCardsQuery & { limit: number }, today = new Date()): Promise<Page<CardWithContext>> {
    const projectIds = await this.members.projectIdsForUser(me.id);
    const dueBefore =
      q.due === 'overdue'
        ? isoDate(new Date(today.getTime() - 86_400_000))
        : q.due === 'week'
          ? isoDate(new Date(today.getTime() + 7 * 86_400_000))
          : undefined;
    const rows = await this.cards.assignedTo(me.id, projectIds, { dueBefore, cursor: q.cursor, limit: q.limit });
    const page = rows.slice(0, q.limit);
    const [projectList, columnNames] = await Promise.all([
      this.projects.findByIds([...new Set(page.map((c) => c.projectId))]),
      this.columns.namesByIds([...new Set(page.map((c) => c.columnId))]),
    ]);
    const projects = new Map(projectList.map((p) => [p.id, p]));
    const last = page[page.length - 1];
    return {
      items: page.map((c) => ({ ...c, projectName: projects.get(c.projectId)?.name ?? '', columnName: columnNames.get(c.columnId) ?? '' })),
      nextCursor: rows.length > q.limit && last ? encodeCursor({ k: new Date(last.updatedAt).getTime(), id: last.id }) : null,
    };
  }
}
