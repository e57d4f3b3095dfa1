import type { CardComment, Project, Board } from '@klasteris/contracts';
import { boardApi } from './support/boards-helpers';
import { bearer, createTestApp, login, TestApp } from './support/test-app';

type Who = { token: string; id: string };

/** Card comments edited by their authors (history kept) and deleted by authors, project owners and cluster staff (issue 13). */
describe('boards: editing and deleting card comments', () => {
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

  const comment = async (who: Who, cardId: string, body: string): Promise<CardComment> => {
    const res = await t.http.post(`/api/cards/${cardId}/comments`).set(bearer(who.token)).send({ body });
    expect(res.status).toBe(201);
    return res.body.comment as CardComment;
  };
  const editOf = (who: Who, cardId: string, id: string, body: unknown) =>
    t.http.patch(`/api/cards/${cardId}/comments/${id}`).set(bearer(who.token)).send({ body });
  const deleteOf = (who: Who, cardId: string, id: string) => t.http.delete(`/api/cards/${cardId}/comments/${id}`).set(bearer(who.token));

  beforeAll(async () => {
    t = await createTestApp();
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
    project = await api.createProject(owner.token, { name: 'Comments test project' });
    await api.addMember(owner.token, project.id, member.id, 'member');
    await api.addMember(owner.token, project.id, otherMember.id, 'member');
    await api.addMember(owner.token, project.id, staff.id, 'member');
    await api.addMember(owner.token, project.id, observer.id, 'observer');
    board = await api.board(owner.token, project.id);
  });
  afterAll(() => t.close());

  it('the author edits a comment; every earlier version is kept and listed; others may not edit', async () => {
    const card = await api.createCard(owner.token, { projectId: project.id, columnId: board.columns[0]!.id, title: 'Tariffs' });
    const c = await comment(member, card.id, 'Tariffs are in the shared folder');
    const first = await editOf(member, card.id, c.id, 'Tariffs are in the shared folder (updated for 2027)');
    expect(first.status).toBe(200);
    expect(first.body.comment).toMatchObject({
      body: 'Tariffs are in the shared folder (updated for 2027)',
      editedAt: expect.any(String),
      editCount: 1,
    });
    await editOf(member, card.id, c.id, 'Tariffs 2027 are in the shared folder');
    const history = await t.http.get(`/api/cards/${card.id}/comments/${c.id}/history`).set(bearer(observer.token));
    expect(history.status).toBe(200);
    expect(history.body.items.map((i: { body: string }) => i.body)).toEqual([
      'Tariffs are in the shared folder',
      'Tariffs are in the shared folder (updated for 2027)',
    ]);
    const listed = (await t.http.get(`/api/cards/${card.id}/comments`).set(bearer(owner.token))).body.items as CardComment[];
    expect(listed.find((x) => x.id === c.id)).toMatchObject({ body: 'Tariffs 2027 are in the shared folder', editCount: 2 });

    for (const who of [owner, otherMember, staff]) expect((await editOf(who, card.id, c.id, 'not mine')).status).toBe(403);
    expect((await editOf(observer, card.id, c.id, 'observer')).status).toBe(403);
    expect((await editOf(outsider, card.id, c.id, 'outsider')).status).toBe(404);
    for (const bad of ['', ' ', 'x'.repeat(10_001), { $set: 'x' }, null]) {
      const res = await editOf(member, card.id, c.id, bad);
      expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    expect((await editOf(member, card.id, '0123456789abcdef01234567', 'gone')).status).toBe(404);
    expect((await editOf(member, card.id, 'not-an-id', 'gone')).status).toBe(400);
    // nothing changed by the refused attempts
    expect((await t.http.get(`/api/cards/${card.id}/comments/${c.id}/history`).set(bearer(owner.token))).body.items).toHaveLength(2);
  });

  it('authors, project owners and cluster staff delete; a tombstone stays, the text and its history go, the count follows', async () => {
    const card = await api.createCard(owner.token, { projectId: project.id, columnId: board.columns[0]!.id, title: 'Rack plan' });
    const mine = await comment(member, card.id, 'My own note');
    const forOwner = await comment(otherMember, card.id, 'A price list by mistake');
    const forStaff = await comment(otherMember, card.id, 'Off-topic');
    await editOf(otherMember, card.id, forOwner.id, 'A price list by mistake (edited)');
    expect((await api.card(owner.token, card.id)).commentCount).toBe(3);

    expect((await deleteOf(otherMember, card.id, mine.id)).status).toBe(403);
    expect((await deleteOf(observer, card.id, mine.id)).status).toBe(403);
    expect((await deleteOf(outsider, card.id, mine.id)).status).toBe(404);

    const byAuthor = await deleteOf(member, card.id, mine.id);
    expect(byAuthor.status).toBe(200);
    expect(byAuthor.body.comment).toMatchObject({ body: '', deletedBy: 'author', deletedAt: expect.any(String) });
    const byOwner = await deleteOf(owner, card.id, forOwner.id);
    expect(byOwner.body.comment).toMatchObject({ body: '', deletedBy: 'moderator', editCount: 0 });
    expect((await deleteOf(staff, card.id, forStaff.id)).body.comment.deletedBy).toBe('moderator');
    expect((await deleteOf(owner, card.id, forStaff.id)).status).toBe(404);

    expect((await t.http.get(`/api/cards/${card.id}/comments/${forOwner.id}/history`).set(bearer(owner.token))).body.items).toEqual([]);
    const stored = await t.connection.collection('card_comments').findOne({ body: { $regex: 'price list' } });
    expect(stored).toBeNull();
    expect((await editOf(otherMember, card.id, forStaff.id, 'back')).status).toBe(404);
    expect((await api.card(owner.token, card.id)).commentCount).toBe(0);
    const activity = (await t.http.get(`/api/cards/${card.id}/activity`).set(bearer(owner.token))).body.items as { kind: string }[];
    expect(activity.filter((a) => a.kind === 'comment.deleted')).toHaveLength(3);
    expect(activity.filter((a) => a.kind === 'comment.edited')).toHaveLength(1);
  });
});
