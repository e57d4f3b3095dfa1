import { Types } from 'mongoose';
import { io, Socket } from 'socket.io-client';
import type { Activity, Board, Card, CardAttachment, Project } from '@klasteris/contracts';
import { boardApi } from './support/boards-helpers';
import { bearer, createTestApp, login, TestApp } from './support/test-app';

const MAX_BYTES = 64 * 1024;
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('not really a picture, but the signature fits'),
]);
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(3000, 7)]);

type Who = { token: string; id: string };

describe('boards: card attachments', () => {
  let t: TestApp;
  let api: ReturnType<typeof boardApi>;
  let owner: Who;
  let member: Who;
  let otherMember: Who;
  let staff: Who;
  let observer: Who;
  let outsider: Who;
  let project: Project;
  let board: Board;
  let card: Card;
  const sockets: Socket[] = [];

  const upload = (who: Who, cardId: string, data: Buffer, filename: string, contentType: string) =>
    t.http.post(`/api/cards/${cardId}/attachments`).set(bearer(who.token)).attach('file', data, { filename, contentType });
  /** Downloads with the raw bytes collected (supertest only buffers text and JSON by itself). */
  const download = (who: Who, url: string) =>
    t.http
      .get(url)
      .set(bearer(who.token))
      .buffer(true)
      .parse((res, done) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () => done(null, Buffer.concat(parts)));
      });
  const remove = (who: Who, cardId: string, attachmentId: string) =>
    t.http.delete(`/api/cards/${cardId}/attachments/${attachmentId}`).set(bearer(who.token));
  const newCard = (title: string) => api.createCard(owner.token, { projectId: project.id, columnId: board.columns[0]!.id, title });

  beforeAll(async () => {
    t = await createTestApp({ ATTACHMENT_MAX_BYTES: String(MAX_BYTES) });
    api = boardApi(t);
    const emails = [
      'member@klasteris.demo',
      'member2@klasteris.demo',
      'orgadmin@klasteris.demo',
      'coordinator@klasteris.demo',
      'andris@klasteris.demo',
      'jonas@klasteris.demo',
    ];
    const [o, m, om, st, ob, out] = (await Promise.all(emails.map((e) => login(t, e)))).map((l) => ({
      token: l.accessToken,
      id: l.user.id,
    }));
    [owner, member, otherMember, staff, observer, outsider] = [o!, m!, om!, st!, ob!, out!];
    project = await api.createProject(owner.token, { name: 'UK market study (attachments test)' });
    await api.addMember(owner.token, project.id, member.id, 'member');
    await api.addMember(owner.token, project.id, otherMember.id, 'member');
    await api.addMember(owner.token, project.id, staff.id, 'member');
    await api.addMember(owner.token, project.id, observer.id, 'observer');
    board = await api.board(owner.token, project.id);
    card = await newCard('Collect UK data-centre tariffs');
  });
  afterEach(() => sockets.splice(0).forEach((s) => s.close()));
  afterAll(() => t.close());

  it('uploads, lists on the card and downloads the same bytes; the board room sees the card update', async () => {
    const s = io(t.url, { auth: { token: otherMember.token }, transports: ['websocket'], reconnection: false });
    sockets.push(s);
    await new Promise<void>((ok, fail) => {
      s.once('ready', () => ok());
      s.once('connect_error', fail);
    });
    expect(await s.emitWithAck('board:join', { projectId: project.id })).toMatchObject({ ok: true });
    const updated = new Promise<{ card: Card; fields: string[] }>((ok) =>
      s.on('board:card-updated', (p: { card: Card; fields: string[] }) => p.card.id === card.id && ok(p)),
    );

    const res = await upload(member, card.id, PDF, 'Tarifai — UK.pdf', 'application/pdf');
    expect(res.status).toBe(201);
    const { card: after, attachment } = res.body as { card: Card; attachment: CardAttachment };
    expect(attachment).toMatchObject({
      name: 'Tarifai — UK.pdf',
      size: PDF.length,
      contentType: 'application/pdf',
      isImage: false,
      uploadedBy: member.id,
    });
    expect(attachment.url).toBe(`/api/cards/${card.id}/attachments/${attachment.id}`);
    expect(after.version).toBe(card.version + 1);
    expect(after.attachments).toEqual([attachment]);

    const event = await updated;
    expect(event.fields).toEqual(['attachments']);
    expect(event.card.attachments.map((a) => a.id)).toEqual([attachment.id]);

    // listed on the card and on the board
    expect((await api.card(observer.token, card.id)).attachments).toEqual([attachment]);
    const onBoard = (await api.board(owner.token, project.id)).columns[0]!.cards.find((c) => c.id === card.id)!;
    expect(onBoard.attachments.map((a) => a.name)).toEqual(['Tarifai — UK.pdf']);

    // download: the same bytes, as a download with the UTF-8 name; observers may download too
    for (const who of [owner, observer]) {
      const got = await download(who, attachment.url);
      expect(got.status).toBe(200);
      expect(Buffer.compare(got.body as Buffer, PDF)).toBe(0);
      expect(got.headers['content-type']).toBe('application/pdf');
      expect(got.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('Tarifai — UK.pdf')}`);
      expect(got.headers['x-content-type-options']).toBe('nosniff');
    }

    // images are served inline
    const img = (await upload(member, card.id, PNG, 'rack.png', 'image/png')).body as { attachment: CardAttachment };
    expect(img.attachment.isImage).toBe(true);
    const gotImg = await download(member, img.attachment.url);
    expect(Buffer.compare(gotImg.body as Buffer, PNG)).toBe(0);
    expect(gotImg.headers['content-disposition']).toMatch(/^inline; /);

    // the activity log records the upload
    const activity = (await t.http.get(`/api/cards/${card.id}/activity`).set(bearer(owner.token))).body.items as Activity[];
    expect(activity.filter((a) => a.kind === 'attachment.added').map((a) => a.data['title'])).toEqual(
      expect.arrayContaining(['Tarifai — UK.pdf', 'rack.png']),
    );
  });

  it('non-members get 404 on upload, download and delete; observers 403 on upload and delete', async () => {
    const c = await newCard('Permissions');
    const { attachment } = (await upload(owner, c.id, PDF, 'plan.pdf', 'application/pdf')).body as { attachment: CardAttachment };

    const up = await upload(outsider, c.id, PDF, 'x.pdf', 'application/pdf');
    expect([up.status, up.body.code]).toEqual([404, 'NOT_FOUND']);
    const down = await download(outsider, attachment.url);
    expect(down.status).toBe(404);
    expect((await remove(outsider, c.id, attachment.id)).status).toBe(404);

    const obsUp = await upload(observer, c.id, PDF, 'x.pdf', 'application/pdf');
    expect([obsUp.status, obsUp.body.code]).toEqual([403, 'FORBIDDEN']);
    expect((await remove(observer, c.id, attachment.id)).status).toBe(403);

    // an attachment id of another card is not found through this card
    const other = await newCard('Other');
    expect((await download(owner, `/api/cards/${other.id}/attachments/${attachment.id}`)).status).toBe(404);
    expect((await remove(owner, other.id, attachment.id)).status).toBe(404);
    expect((await download(owner, `/api/cards/${c.id}/attachments/not-an-id`)).status).toBe(400);
    expect((await api.card(owner.token, c.id)).attachments).toHaveLength(1);
  });

  it('only the uploader, project owners and staff may delete; the file is gone afterwards', async () => {
    const c = await newCard('Delete rights');
    const up = async (who: Who, name: string) =>
      ((await upload(who, c.id, PDF, name, 'application/pdf')).body as { attachment: CardAttachment }).attachment;
    const mine = await up(member, 'mine.pdf');
    const forOwner = await up(member, 'owner-removes.pdf');
    const forStaff = await up(member, 'staff-removes.pdf');

    const denied = await remove(otherMember, c.id, mine.id);
    expect([denied.status, denied.body.code]).toEqual([403, 'FORBIDDEN']);

    const byUploader = await remove(member, c.id, mine.id);
    expect(byUploader.status).toBe(200);
    expect((byUploader.body.card as Card).attachments.map((a) => a.name)).toEqual(['owner-removes.pdf', 'staff-removes.pdf']);
    expect((await remove(owner, c.id, forOwner.id)).status).toBe(200);
    expect((await remove(staff, c.id, forStaff.id)).status).toBe(200);

    expect((await api.card(owner.token, c.id)).attachments).toEqual([]);
    expect((await download(owner, mine.url)).status).toBe(404);
    expect((await remove(member, c.id, mine.id)).status).toBe(404);
    expect(
      await t.connection
        .collection('attachment_files.files')
        .countDocuments({ _id: { $in: [mine, forOwner, forStaff].map((a) => oidOf(a.id)) } }),
    ).toBe(0);

    const activity = (await t.http.get(`/api/cards/${c.id}/activity`).set(bearer(owner.token))).body.items as Activity[];
    expect(activity.filter((a) => a.kind === 'attachment.removed')).toHaveLength(3);
  });

  it('refuses files over the limit (413 PAYLOAD_TOO_LARGE), of other types (415) and requests without a file (400)', async () => {
    const c = await newCard('Limits');
    const big = await upload(member, c.id, Buffer.alloc(MAX_BYTES + 1, 1), 'big.txt', 'text/plain');
    expect([big.status, big.body.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    const html = await upload(member, c.id, Buffer.from('<script>alert(1)</script>'), 'x.html', 'text/html');
    expect([html.status, html.body.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    const fake = await upload(member, c.id, Buffer.from('<svg onload=alert(1)>'), 'x.png', 'image/png');
    expect([fake.status, fake.body.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    const fakeWebp = await upload(member, c.id, Buffer.from('<svg onload=alert(1)></svg>'), 'x.webp', 'image/webp');
    expect([fakeWebp.status, fakeWebp.body.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    const riffNotWebp = await upload(
      member,
      c.id,
      Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WAVEfmt ')]),
      'x.webp',
      'image/webp',
    );
    expect([riffNotWebp.status, riffNotWebp.body.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    const webp = await upload(
      member,
      c.id,
      Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x1a, 0, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.alloc(18)]),
      'plan.webp',
      'image/webp',
    );
    expect(webp.status).toBe(201);
    const none = await t.http.post(`/api/cards/${c.id}/attachments`).set(bearer(member.token));
    expect([none.status, none.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const after = await api.card(member.token, c.id);
    expect(after.attachments.map((a: { name: string }) => a.name)).toEqual(['plan.webp']);
  });

  it('an upload never makes a concurrent field edit conflict: the PATCH on the old version is merged', async () => {
    const c = await newCard('Concurrent');
    // The edit starts from version v; an upload lands first (v + 1); the edit still goes through.
    const [up, patch] = await Promise.all([
      upload(member, c.id, PDF, 'during-edit.pdf', 'application/pdf'),
      new Promise((r) => setTimeout(r, 5)).then(() =>
        t.http.patch(`/api/cards/${c.id}`).set(bearer(owner.token)).send({ version: c.version, title: 'Concurrent (renamed)' }),
      ),
    ]);
    expect(up.status).toBe(201);
    expect(patch.status).toBe(200);
    // and sequentially: upload first, then a PATCH based on the version before it
    const later = await upload(member, c.id, PNG, 'later.png', 'image/png');
    expect(later.status).toBe(201);
    const stale = await t.http
      .patch(`/api/cards/${c.id}`)
      .set(bearer(owner.token))
      .send({ version: c.version, description: 'Based on the first version' });
    expect(stale.status).toBe(200);
    const final = await api.card(owner.token, c.id);
    expect(final.title).toBe('Concurrent (renamed)');
    expect(final.description).toBe('Based on the first version');
    expect(final.attachments.map((a) => a.name).sort()).toEqual(['during-edit.pdf', 'later.png']);
    expect(final.version).toBe(c.version + 4);
  });

  it('deleting a card deletes its files', async () => {
    const c = await newCard('To delete');
    const { attachment } = (await upload(member, c.id, PDF, 'gone.pdf', 'application/pdf')).body as { attachment: CardAttachment };
    expect((await t.http.delete(`/api/cards/${c.id}`).set(bearer(owner.token))).status).toBe(204);
    expect(await t.connection.collection('attachment_files.files').countDocuments({ _id: oidOf(attachment.id) })).toBe(0);
  });
});

const oidOf = (hex: string): Types.ObjectId => new Types.ObjectId(hex);
