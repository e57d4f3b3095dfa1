import type { Card, CardAttachment, CardComment, Column, Label } from '@klasteris/contracts';
import type { LeanCard, StoredCardAttachment } from './card.schema';
import type { LeanColumn } from './column.schema';
import type { LeanComment } from './comment.schema';
import type { LeanLabel } from './label.schema';

export const toCardAttachment = (cardId: string, a: StoredCardAttachment): CardAttachment => ({
  id: a.fileId.toHexString(),
  name: a.name,
  size: a.size,
  contentType: a.contentType,
  isImage: a.contentType.startsWith('image/'),
  url: `/api/cards/${cardId}/attachments/${a.fileId.toHexString()}`,
  uploadedBy: a.uploadedBy.toHexString(),
  uploadedByName: a.uploadedByName,
  uploadedAt: a.uploadedAt.toISOString(),
});

export const toCard = (d: LeanCard): Card => ({
  id: d._id.toHexString(),
  projectId: d.projectId.toHexString(),
  columnId: d.columnId.toHexString(),
  rank: d.rank,
  title: d.title,
  description: d.description ?? '',
  assigneeIds: (d.assigneeIds ?? []).map((x) => x.toHexString()),
  labelIds: (d.labelIds ?? []).map((x) => x.toHexString()),
  startDate: d.startDate ?? null,
  dueDate: d.dueDate ?? null,
  checklist: (d.checklist ?? []).map((i) => ({ id: i.id, text: i.text, done: i.done })),
  commentCount: d.commentCount ?? 0,
  archived: d.archived ?? false,
  version: d.version,
  sourceMessage: d.sourceMessage ? { channelId: d.sourceMessage.channelId, messageId: d.sourceMessage.messageId } : null,
  bookingIds: (d.bookingIds ?? []).map((x) => x.toHexString()),
  attachments: (d.attachments ?? []).map((a) => toCardAttachment(d._id.toHexString(), a)),
  createdBy: d.createdBy.toHexString(),
  createdAt: d.createdAt.toISOString(),
  updatedAt: d.updatedAt.toISOString(),
});

export const toColumn = (d: LeanColumn): Column => ({
  id: d._id.toHexString(),
  projectId: d.projectId.toHexString(),
  name: d.name,
  rank: d.rank,
  wipLimit: d.wipLimit ?? null,
  archived: d.archived ?? false,
});

export const toLabel = (d: LeanLabel): Label => ({
  id: d._id.toHexString(),
  projectId: d.projectId.toHexString(),
  name: d.name,
  color: d.color,
});

export const toComment = (d: LeanComment): CardComment => ({
  id: d._id.toHexString(),
  cardId: d.cardId.toHexString(),
  projectId: d.projectId.toHexString(),
  authorId: d.authorId.toHexString(),
  authorName: d.authorName,
  body: d.deletedAt ? '' : d.body,
  mentions: d.deletedAt ? [] : (d.mentions ?? []).map((x) => x.toHexString()),
  createdAt: d.createdAt.toISOString(),
  editedAt: d.editedAt ? d.editedAt.toISOString() : null,
  editCount: d.edits?.length ?? 0,
  deletedAt: d.deletedAt ? d.deletedAt.toISOString() : null,
  deletedBy: d.deletedBy ?? null,
});
