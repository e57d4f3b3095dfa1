import { ErrorCode, type CardAttachment } from '@klasteris/contracts';

/** Who may remove a file from a card: writers (not observers) who uploaded it, project owners, staff. */
export function canRemoveAttachment(
  a: Pick<CardAttachment, 'uploadedBy'>,
  me: { id: string; canWrite: boolean; isOwner: boolean; isStaff: boolean },
): boolean {
  return me.canWrite && (a.uploadedBy === me.id || me.isOwner || me.isStaff);
}

/** A Material Symbols icon for a file type. */
export function attachmentIcon(contentType: string): string {
  if (contentType.startsWith('image/')) return 'image';
  if (contentType === 'application/pdf') return 'picture_as_pdf';
  if (contentType === 'text/csv' || contentType.includes('spreadsheet')) return 'table_chart';
  if (contentType.includes('presentation')) return 'slideshow';
  if (contentType === 'application/zip') return 'folder_zip';
  return 'description';
}

/** The message key for a failed upload: the file's own problem when the server names it. */
export function uploadErrorKey(code: string | undefined): string | null {
  switch (code) {
    case ErrorCode.PayloadTooLarge:
      return 'cardAttachments.tooLarge';
    case ErrorCode.UnsupportedMediaType:
      return 'cardAttachments.badType';
    default:
      return null;
  }
}

/** Files dragged over an element (not text or links). */
export const draggingFiles = (e: DragEvent): boolean => Array.from(e.dataTransfer?.types ?? []).includes('Files');
