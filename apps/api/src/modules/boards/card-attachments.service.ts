import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { CARD_ATTACHMENTS_MAX, type Card, type CardAttachment } from '@klasteris/contracts';
import type { Readable } from 'node:stream';
import { forbidden, notFound, validationFailed } from '../../common/api-exception';
import { isStaff, type AuthUser } from '../../common/auth-user';
import { oid } from '../../common/object-id';
import { AttachmentStore, type UploadedFileLike } from '../files/attachment-store';
import { ActivityService } from '../projects/activity.service';
import { BoardAccessService } from './board-access.service';
import { BoardChanges } from './board-cache';
import { CardAttachmentsRepository } from './card-attachments.repository';
import { writeWithMerge } from './card-write';
import { announceUpdated, publicCard } from './card-events';
import type { StoredCard } from './cards.repository';
import { CardsRepository } from './cards.repository';
import { appendChange } from './merge';

/**
 * Files on cards, kept in the chat attachment store (same types, checks and size limit as chat).
 *
 * Versioning: attaching or removing a file is applied to the card as it is now (no client version,
 * like checklist items): a conditional $push (removal: the list minus that file) at the version just read, which bumps the
 * version and logs the field `attachments`. So every client sees a newer card (realtime events and
 * caches compare versions), and a concurrent PATCH based on the older version is merged, never
 * answered VERSION_CONFLICT: no PATCH can change `attachments`, so the fields never overlap.
 *
 * Access: project members may list and download (observers too); members and owners may upload;
 * the uploader, project owners and staff may delete; observers never change anything; anyone else
 * gets 404 as for a card that does not exist.
 */
@Injectable()
export class CardAttachmentsService {
  constructor(
    private readonly access: BoardAccessService,
    private readonly cards: CardsRepository,
    private readonly attachments: CardAttachmentsRepository,
    private readonly files: AttachmentStore,
    private readonly activity: ActivityService,
    private readonly events: EventEmitter2,
    private readonly changes: BoardChanges,
  ) {}

  async upload(me: AuthUser, cardId: string, upload: UploadedFileLike | undefined): Promise<{ card: Card; attachment: CardAttachment }> {
    const { project, card } = await this.access.card(me, cardId, 'write');
    const file = this.files.accept(upload);
    const full = (c: StoredCard): boolean => c.attachments.length >= CARD_ATTACHMENTS_MAX;
    const tooMany = () => validationFailed([{ field: 'file', message: `a card holds at most ${CARD_ATTACHMENTS_MAX} files` }]);
    if (full(card)) throw tooMany();
    const fileId = await this.files.put(file);
    const entry = {
      fileId,
      name: file.name,
      size: file.data.length,
      contentType: file.contentType,
      uploadedBy: oid(me.id),
      uploadedByName: me.displayName,
      uploadedAt: new Date(),
    };
    let after: StoredCard;
    try {
      ({ after } = await writeWithMerge(this.cards, card, card.version, [], (current) => {
        if (full(current)) throw tooMany();
        return this.attachments.pushIfVersion(
          current,
          current.version,
          entry,
          appendChange(current.changes, current.version + 1, ['attachments']),
        );
      }));
    } catch (err) {
      await this.files.remove(fileId);
      throw err;
    }
    const attachment = after.attachments.find((a) => a.id === fileId.toHexString())!;
    await this.committed(me, project.id, after, 'attachment.added', attachment);
    return { card: publicCard(after), attachment };
  }

  /** The file, for project members only (404 for anyone else and for a file not on this card). */
  async open(me: AuthUser, cardId: string, attachmentId: string): Promise<{ attachment: CardAttachment; stream: Readable }> {
    const { card } = await this.access.card(me, cardId, 'read');
    const attachment = card.attachments.find((a) => a.id === attachmentId);
    if (!attachment) throw notFound('Attachment');
    return { attachment, stream: this.files.open(oid(attachment.id)) };
  }

  async remove(me: AuthUser, cardId: string, attachmentId: string): Promise<Card> {
    const { project, card, role } = await this.access.card(me, cardId, 'write');
    const attachment = card.attachments.find((a) => a.id === attachmentId);
    if (!attachment) throw notFound('Attachment');
    if (attachment.uploadedBy !== me.id && role !== 'owner' && !isStaff(me))
      throw forbidden('Only the uploader, project owners and staff can remove a file');
    const { after } = await writeWithMerge(this.cards, card, card.version, [], (current) => {
      if (!current.attachments.some((a) => a.id === attachmentId)) throw notFound('Attachment');
      return this.attachments.removeIfVersion(
        current,
        current.version,
        attachmentId,
        appendChange(current.changes, current.version + 1, ['attachments']),
      );
    });
    await this.files.remove(oid(attachmentId));
    await this.committed(me, project.id, after, 'attachment.removed', attachment);
    return publicCard(after);
  }

  private async committed(
    me: AuthUser,
    projectId: string,
    after: StoredCard,
    kind: 'attachment.added' | 'attachment.removed',
    a: CardAttachment,
  ): Promise<void> {
    const card = publicCard(after);
    await this.changes.committed(projectId, { kind: 'upsert', card });
    await this.activity.record({
      projectId,
      cardId: card.id,
      actor: me,
      kind,
      data: { title: a.name, attachmentId: a.id, version: card.version },
    });
    announceUpdated(this.events, card, ['attachments']);
  }
}
