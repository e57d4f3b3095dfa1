import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, QueryFilter } from 'mongoose';
import type { CardComment } from '@klasteris/contracts';
import { oid } from '../../common/object-id';
import { decodeCursor } from '../../common/pagination';
import { toComment } from './board.mapper';
import { CommentDoc, LeanComment } from './comment.schema';

@Injectable()
export class CommentsRepository {
  constructor(@InjectModel(CommentDoc.name) private readonly model: Model<CommentDoc>) {}

  async create(c: {
    projectId: string;
    cardId: string;
    authorId: string;
    authorName: string;
    body: string;
    mentions: string[];
    createdAt?: Date;
  }): Promise<CardComment> {
    const doc = await this.model.create({
      ...c,
      projectId: oid(c.projectId),
      cardId: oid(c.cardId),
      authorId: oid(c.authorId),
      mentions: c.mentions.map(oid),
      createdAt: c.createdAt ?? new Date(),
      editedAt: null,
    });
    return toComment(doc.toObject() as LeanComment);
  }

  async insertMany(
    items: { projectId: string; cardId: string; authorId: string; authorName: string; body: string; createdAt: Date }[],
  ): Promise<void> {
    for (let i = 0; i < items.length; i += 500) {
      await this.model.insertMany(
        items.slice(i, i + 500).map((c) => ({
          ...c,
          projectId: oid(c.projectId),
          cardId: oid(c.cardId),
          authorId: oid(c.authorId),
          mentions: [],
          editedAt: null,
        })),
        { lean: true },
      );
    }
  }

  /** Oldest first, keyset by (createdAt, _id); scoped to the card's project. */
  async list(projectId: string, cardId: string, cursor: string | undefined, limit: number): Promise<CardComment[]> {
    const filter: QueryFilter<CommentDoc> = { projectId: oid(projectId), cardId: oid(cardId) };
    const after = decodeCursor(cursor);
    if (after) {
      const at = new Date(Number(after.k));
      filter.$or = [{ createdAt: { $gt: at } }, { createdAt: at, _id: { $gt: oid(after.id) } }];
    }
    return (
      await this.model
        .find(filter)
        .sort({ createdAt: 1, _id: 1 })
        .limit(limit + 1)
        .lean<LeanComment[]>()
    ).map(toComment);
  }

  async find(projectId: string, cardId: string, commentId: string): Promise<LeanComment | null> {
    return this.model.findOne({ _id: oid(commentId), projectId: oid(projectId), cardId: oid(cardId) }).lean<LeanComment>();
  }

  /**
   * Replaces the body if it is still `expected` (so two edits at once never lose one silently) and
   * appends the replaced version to the history. Null when the comment changed or went meanwhile.
   */
  async edit(current: LeanComment, body: string, mentions: string[], at: Date): Promise<CardComment | null> {
    const d = await this.model
      .findOneAndUpdate(
        { _id: current._id, body: current.body, deletedAt: null },
        {
          $set: { body, mentions: mentions.map(oid), editedAt: at },
          $push: { edits: { body: current.body, at: current.editedAt ?? current.createdAt } },
        },
        { returnDocument: 'after' },
      )
      .lean<LeanComment>();
    return d ? toComment(d) : null;
  }

  /** Tombstone: the text and its history go; null when it was already deleted. */
  async softDelete(current: LeanComment, by: 'author' | 'moderator', at: Date): Promise<CardComment | null> {
    const d = await this.model
      .findOneAndUpdate(
        { _id: current._id, deletedAt: null },
        { $set: { deletedAt: at, deletedBy: by, body: '', mentions: [], edits: [] } },
        { returnDocument: 'after' },
      )
      .lean<LeanComment>();
    return d ? toComment(d) : null;
  }

  async deleteForCard(projectId: string, cardId: string): Promise<void> {
    await this.model.deleteMany({ projectId: oid(projectId), cardId: oid(cardId) });
  }

  async allForProject(projectId: string): Promise<CardComment[]> {
    return (
      await this.model
        .find({ projectId: oid(projectId) })
        .sort({ createdAt: 1, _id: 1 })
        .lean<LeanComment[]>()
    ).map(toComment);
  }
}
