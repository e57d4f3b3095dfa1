import { attachmentIcon, canRemoveAttachment, uploadErrorKey } from './attachments-logic';

describe('card attachments logic', () => {
  const file = { uploadedBy: 'u1' };
  const me = (over: Partial<{ id: string; canWrite: boolean; isOwner: boolean; isStaff: boolean }> = {}) => ({
    id: 'u2',
    canWrite: true,
    isOwner: false,
    isStaff: false,
    ...over,
  });

  it('lets the uploader, owners and staff remove a file, never observers', () => {
    expect(canRemoveAttachment(file, me({ id: 'u1' }))).toBe(true);
    expect(canRemoveAttachment(file, me({ isOwner: true }))).toBe(true);
    expect(canRemoveAttachment(file, me({ isStaff: true }))).toBe(true);
    expect(canRemoveAttachment(file, me())).toBe(false);
    expect(canRemoveAttachment(file, me({ id: 'u1', canWrite: false }))).toBe(false);
    expect(canRemoveAttachment(file, me({ isStaff: true, canWrite: false }))).toBe(false);
  });

  it('picks an icon by type', () => {
    expect(attachmentIcon('image/png')).toBe('image');
    expect(attachmentIcon('application/pdf')).toBe('picture_as_pdf');
    expect(attachmentIcon('text/csv')).toBe('table_chart');
    expect(attachmentIcon('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).toBe('table_chart');
    expect(attachmentIcon('application/vnd.openxmlformats-officedocument.presentationml.presentation')).toBe('slideshow');
    expect(attachmentIcon('application/zip')).toBe('folder_zip');
    expect(attachmentIcon('text/plain')).toBe('description');
  });

  it('names the file problems the server reports', () => {
    expect(uploadErrorKey('PAYLOAD_TOO_LARGE')).toBe('cardAttachments.tooLarge');
    expect(uploadErrorKey('UNSUPPORTED_MEDIA_TYPE')).toBe('cardAttachments.badType');
    expect(uploadErrorKey('FORBIDDEN')).toBeNull();
    expect(uploadErrorKey(undefined)).toBeNull();
  });
});
