import { HttpStatus, Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { ErrorCode, type CardComment, type CommentHistory, type Page } from '@klasteris/contracts';
import { ApiException, forbidden, notFound } from '../../common/api-exception';
import { isStaff, type AuthUser } from '../../common/auth-user';
import { encodeCursor } from '../../common/pagination';
import { foldText } from '../../common/text';
import { ActivityService } from '../projects/activity.service';
import { ProjectPresenter } from '../projects/project-presenter.service';
import { BoardRoomEvent, CardMentionEvent } from './boards.events';
import { BoardAccessService } from './board-access.service';
import { toComment } from './board.mapper';
import { BoardChanges } from './board-cache';
import { CardsRepository } from './cards.repository';
import { CommentsRepository } from './comments.repository';

/** Project members mentioned as `@Display Name` in a text (case and diacritics ignored). */
export function mentionedMembers(body: string, members: { userId: string; displayName: string }[]): string[] {
  const text = foldText(body);
  return members.filter((m) => text.includes(`@${foldText(m.displayName)}`)).map((m) => m.userId);
}

/**
 * Card comments; mentioned project members are notified. Observers read but do not write. Authors
 * edit their own (the earlier versions are kept and listed); authors, project owners and cluster
 * staff in the project delete (a tombstone stays, the text and its history go).
 */
@Injectable()
export class CommentsService {
  constructor(
    private readonly access: BoardAccessService,
    private readonly comments: CommentsRepository,
    private readonly cards: CardsRepository,
    private readonly presenter: ProjectPresenter,
    private readonly activity: ActivityService,
    private readonly events: EventEmitter2,
    private readonly changes: BoardChanges,
  ) {}

  async list(me: AuthUser, cardId: string, cursor: string | undefined, limit: number): Promise<Page<CardComment>> {
    const { project } = await this.access.card(me, cardId, 'read');
    const rows = await this.comments.list(project.id, cardId, cursor, limit);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page,
      nextCursor: rows.length > limit && last ? encodeCursor({ k: new Date(last.createdAt).getTime(), id: last.id }) : null,
    };
  }

  async add(me: AuthUser, cardId: string, body: string): Promise<CardComment> {
    const { project, card } = await this.access.card(me, cardId, 'write');
    const members = await this.presenter.memberList(project.id);
    const mentions = mentionedMembers(body, members).filter((id) => id !== me.id);
    const comment = await this.comments.create({
      projectId: project.id,
      cardId,
      authorId: me.id,
      authorName: me.displayName,
      body,
      mentions,
    });
    const counted = await this.cards.incComments(project.id, cardId, 1);
    if (counted) await this.changes.committed(project.id, { kind: 'upsert', card: counted });
    await this.activity.record({ projectId: project.id, cardId, actor: me, kind: 'comment.added', data: { commentId: comment.id } });
    this.events.emit(BoardRoomEvent.event, new BoardRoomEvent(project.id, 'board:comment-added', { projectId: project.id, comment }));
    if (mentions.length > 0) {
      await this.events.emitAsync(
        CardMentionEvent.event,
        new CardMentionEvent(project, { id: cardId, title: card.title }, me, mentions, body.slice(0, 200)),
      );
    }
    return comment;
  }

  async edit(me: AuthUser, cardId: string, commentId: string, body: string): Promise<CardComment> {
    const { project } = await this.access.card(me, cardId, 'write');
    const current = await this.comments.find(project.id, cardId, commentId);
    if (!current || current.deletedAt) throw notFound('Comment');
    if (current.authorId.toHexString() !== me.id) throw forbidden('Only its author edits a comment');
    if (current.body === body) return toComment(current);
    const members = await this.presenter.memberList(project.id);
    const mentions = mentionedMembers(body, members).filter((id) => id !== me.id);
    const updated = await this.comments.edit(current, body, mentions, new Date());
    if (!updated)
      throw new ApiException(HttpStatus.CONFLICT, ErrorCode.Conflict, 'The comment changed meanwhile; reload it and edit again');
    await this.activity.record({ projectId: project.id, cardId, actor: me, kind: 'comment.edited', data: { commentId } });
    this.events.emit(
      BoardRoomEvent.event,
      new BoardRoomEvent(project.id, 'board:comment-updated', { projectId: project.id, comment: updated }),
    );
    return updated;
  }

  async history(me: AuthUser, cardId: string, commentId: string): Promise<CommentHistory> {
    const { project } = await this.access.card(me, cardId, 'read');
    const current = await this.comments.find(project.id, cardId, commentId);
    if (!current) throw notFound('Comment');
    return { items: (current.edits ?? []).map((e) => ({ body: e.body, at: e.at.toISOString() })) };
  }

  async remove(me: AuthUser, cardId: string, commentId: string): Promise<CardComment> {
    const { project, role } = await this.access.card(me, cardId, 'read');
    const current = await this.comments.find(project.id, cardId, commentId);
    if (!current || current.deletedAt) throw notFound('Comment');
    const own = current.authorId.toHexString() === me.id;
    if (own ? role === 'observer' : !(role === 'owner' || isStaff(me)))
      throw forbidden('Only its author, project owners and cluster staff delete a comment');
    const deleted = await this.comments.softDelete(current, own ? 'author' : 'moderator', new Date());
    if (!deleted) throw notFound('Comment');
    const counted = await this.cards.incComments(project.id, cardId, -1);
    if (counted) await this.changes.committed(project.id, { kind: 'upsert', card: counted });
    await this.activity.record({
      projectId: project.id,
      cardId,
      actor: me,
      kind: 'comment.deleted',
      data: { commentId, by: own ? 'author' : 'moderator' },
    });
    this.events.emit(
      BoardRoomEvent.event,
      new BoardRoomEvent(project.id, 'board:comment-updated', { projectId: project.id, comment: deleted }),
    );
    return deleted;
  }
}
