import { HttpStatus, Injectable } from '@nestjs/common';
import { Types } from 'mongoose';
import { BOARD_EXPORT_FORMAT, ErrorCode, type BoardExport, type ImportBoardResult, type ImportFormat } from '@klasteris/contracts';
import { ApiException } from '../../common/api-exception';
import type { AuthUser } from '../../common/auth-user';
import { ActivityService } from '../projects/activity.service';
import { ProjectPresenter } from '../projects/project-presenter.service';
import { ProjectsService } from '../projects/projects.service';
import { BoardAccessService } from './board-access.service';
import { fromTrello, ImportError, parseBoardExport } from './board-transfer';
import { CardsRepository, NewCard } from './cards.repository';
import { ColumnsRepository } from './columns.repository';
import { CommentsRepository } from './comments.repository';
import { LabelsRepository } from './labels.repository';
import { initialRanks } from './ranks';

const invalid = (message: string): ApiException =>
  new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.ImportInvalid, `The file cannot be imported: ${message}`);

/** Export of a board (JSON in our format, CSV) and import into a new project (our JSON, Trello JSON). */
@Injectable()
export class BoardTransferService {
  constructor(
    private readonly access: BoardAccessService,
    private readonly projects: ProjectsService,
    private readonly presenter: ProjectPresenter,
    private readonly columns: ColumnsRepository,
    private readonly cards: CardsRepository,
    private readonly labels: LabelsRepository,
    private readonly comments: CommentsRepository,
    private readonly activity: ActivityService,
  ) {}

  async export(me: AuthUser, projectId: string): Promise<BoardExport> {
    const { project } = await this.access.project(me, projectId, 'read');
    const [columns, cards, labels, comments, members] = await Promise.all([
      this.columns.list(projectId),
      this.cards.listAll(projectId),
      this.labels.list(projectId),
      this.comments.allForProject(projectId),
      this.presenter.memberList(projectId),
    ]);
    const names = new Map(members.map((m) => [m.userId, m.displayName]));
    const order = new Map(columns.map((c, i) => [c.id, i]));
    const commentsByCard = new Map<string, BoardExport['cards'][number]['comments']>();
    for (const c of comments)
      commentsByCard.set(c.cardId, [
        ...(commentsByCard.get(c.cardId) ?? []),
        { authorName: c.authorName, body: c.body, createdAt: c.createdAt },
      ]);
    return {
      format: BOARD_EXPORT_FORMAT,
      version: 1,
      exportedAt: new Date().toISOString(),
      project: { name: project.name, summary: project.summary, status: project.status },
      columns: columns.map((c) => ({ id: c.id, name: c.name, wipLimit: c.wipLimit, archived: c.archived })),
      labels: labels.map((l) => ({ id: l.id, name: l.name, color: l.color })),
      cards: [...cards]
        .sort((a, b) => (order.get(a.columnId) ?? 0) - (order.get(b.columnId) ?? 0))
        .map((c) => ({
          id: c.id,
          columnId: c.columnId,
          title: c.title,
          description: c.description,
          labelIds: c.labelIds,
          assignees: c.assigneeIds.map((userId) => ({ userId, displayName: names.get(userId) ?? '' })),
          startDate: c.startDate,
          dueDate: c.dueDate,
          checklist: c.checklist.map((i) => ({ text: i.text, done: i.done })),
          archived: c.archived,
          comments: commentsByCard.get(c.id) ?? [],
          createdAt: c.createdAt,
        })),
    };
  }

  /** A new project from a file; the importer owns it. Assignments are kept only for the importer. */
  async import(me: AuthUser, file: Buffer | undefined, format: ImportFormat, name?: string): Promise<ImportBoardResult> {
    if (!file || file.length === 0) throw invalid('no file');
    let raw: unknown;
    try {
      raw = JSON.parse(file.toString('utf8').replace(/^\uFEFF/, ''));
    } catch {
      throw invalid('it is not valid JSON');
    }
    let board: BoardExport;
    try {
      board = format === 'trello' ? fromTrello(raw) : parseBoardExport(raw);
    } catch (err) {
      if (err instanceof ImportError) throw invalid(err.message);
      throw err;
    }
    const project = await this.projects.create(me, {
      name: name?.trim() || board.project.name || 'Imported board',
      summary: board.project.summary ?? undefined,
      status: board.project.status,
      defaultColumns: false,
    });
    const columnIds = new Map<string, string>();
    const columnRanks = initialRanks(board.columns.length);
    for (const [i, c] of board.columns.entries()) {
      columnIds.set(c.id, (await this.columns.create(project.id, { name: c.name, rank: columnRanks[i]!, wipLimit: c.wipLimit })).id);
    }
    for (const c of board.columns.filter((x) => x.archived))
      await this.columns.update(project.id, columnIds.get(c.id)!, { archived: true });
    const labelIds = new Map<string, string>();
    for (const l of board.labels) labelIds.set(l.id, (await this.labels.create(project.id, { name: l.name, color: l.color })).id);

    const perColumn = new Map<string, BoardExport['cards']>();
    for (const c of board.cards) perColumn.set(c.columnId, [...(perColumn.get(c.columnId) ?? []), c]);
    const rows: (NewCard & { commentCount: number; createdAt: Date })[] = [];
    const sources: BoardExport['cards'] = [];
    for (const [columnId, cards] of perColumn) {
      const ranks = initialRanks(cards.length);
      cards.forEach((c, i) => {
        sources.push(c);
        rows.push({
          projectId: project.id,
          columnId: columnIds.get(columnId)!,
          rank: ranks[i]!,
          title: c.title,
          description: c.description,
          assigneeIds: c.assignees.some((a) => a.userId === me.id) ? [me.id] : [],
          labelIds: c.labelIds.flatMap((l) => labelIds.get(l) ?? []),
          startDate: c.startDate,
          dueDate: c.dueDate,
          checklist: c.checklist.map((item) => ({ id: new Types.ObjectId().toHexString(), text: item.text, done: item.done })),
          archived: c.archived,
          sourceMessage: null,
          createdBy: me.id,
          commentCount: c.comments.length,
          createdAt: new Date(c.createdAt),
        });
      });
    }
    const ids = await this.cards.insertMany(rows);
    await this.comments.insertMany(
      sources.flatMap((c, i) =>
        c.comments.map((m) => ({
          projectId: project.id,
          cardId: ids[i]!,
          authorId: me.id,
          authorName: m.authorName,
          body: m.body,
          createdAt: new Date(m.createdAt),
        })),
      ),
    );
    const imported = {
      columns: board.columns.length,
      cards: rows.length,
      labels: board.labels.length,
      checklistItems: rows.reduce((n, r) => n + (r.checklist?.length ?? 0), 0),
      comments: board.cards.reduce((n, c) => n + c.comments.length, 0),
    };
    await this.activity.record({ projectId: project.id, actor: me, kind: 'board.imported', data: { format, ...imported } });
    return { project, imported };
  }
}
