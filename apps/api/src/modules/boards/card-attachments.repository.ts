import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { oid } from '../../common/object-id';
import { toCard } from './board.mapper';
import { CardDoc, LeanCard, StoredCardAttachment } from './card.schema';
import type { StoredCard } from './cards.repository';
import type { ChangeEntry } from './merge';

const toStored = (d: LeanCard): StoredCard => ({ ...toCard(d), changes: (d.changes ?? []).map((c) => ({ v: c.v, f: c.f })) });

/**
 * The attachment list of a card. Each write adds or removes one entry and is conditional on the
 * version just read, bumping it and logging the change as field `attachments` (see
 * CardAttachmentsService for why).
 */
@Injectable()
export class CardAttachmentsRepository {
  constructor(@InjectModel(CardDoc.name) private readonly model: Model<CardDoc>) {}

  async pushIfVersion(
    current: StoredCard,
    expected: number,
    entry: StoredCardAttachment,
    changes: ChangeEntry[],
  ): Promise<StoredCard | null> {
    const d = await this.model
      .findOneAndUpdate(
        { _id: oid(current.id), projectId: oid(current.projectId), version: expected },
        { $push: { attachments: entry }, $set: { changes }, $inc: { version: 1 } },
        { returnDocument: 'after' },
      )
      .lean<LeanCard>();
    return d ? toStored(d) : null;
  }

  /**
   * Removes one file. Not $pull: FerretDB 1.24 ignores a $pull by a condition on a field of the
   * array's documents. The list written is the one read at `expected`, and the write is
   * conditional on that version, so nothing added meanwhile can be lost.
   */
  async removeIfVersion(current: StoredCard, expected: number, attachmentId: string, changes: ChangeEntry[]): Promise<StoredCard | null> {
    const attachments: StoredCardAttachment[] = current.attachments
      .filter((a) => a.id !== attachmentId)
      .map((a) => ({
        fileId: oid(a.id),
        name: a.name,
        size: a.size,
        contentType: a.contentType,
        uploadedBy: oid(a.uploadedBy),
        uploadedByName: a.uploadedByName,
        uploadedAt: new Date(a.uploadedAt),
      }));
    const d = await this.model
      .findOneAndUpdate(
        { _id: oid(current.id), projectId: oid(current.projectId), version: expected },
        { $set: { attachments, changes }, $inc: { version: 1 } },
        { returnDocument: 'after' },
      )
      .lean<LeanCard>();
    return d ? toStored(d) : null;
  }
}
