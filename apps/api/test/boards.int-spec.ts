import type { Board, Card, ErrorBody, Project, VersionConflictDetails } from '@klasteris/contracts';
import { getModelToken } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { io } from 'socket.io-client';
import { oid } from '../src/common/object-id';
import { BoardSeqRepository } from '../src/modules/boards/board-seq.repository';
import { CardDoc } from '../src/modules/boards/card.schema';
import { DemoBoardsSeeder } from '../src/modules/demo/demo-boards';
import { isValidRank, REBALANCE_LENGTH } from '../src/modules/boards/ranks';
import { boardApi, columnOrder } from './support/boards-helpers';
import { bearer, createTestApp, login, newMember, TestApp } from './support/test-app';

describe('boards: projects, cards, versions and ordering', () => {
  let t: TestApp;
  let api: ReturnType<typeof boardApi>;
  let owner: string;
  let ownerId: string;
  let member: string;
  let memberId: string;
  let project: Project;
  let board: Board;
  let todo: string;
  let doing: string;

  beforeAll(async () => {
    t = await createTestApp();
    api = boardApi(t);
    const o = await login(t, 'member@klasteris.demo');
    const m = await login(t, 'member2@klasteris.demo');
    owner = o.accessToken;
    ownerId = o.user.id;
    member = m.accessToken;
    memberId = m.user.id;
    project = await api.createProject(owner, { name: 'Cloud computing market study: Poland', summary: 'Desk research and interviews' });
    await api.addMember(owner, project.id, memberId, 'member');
    board = await api.board(owner, project.id);
    todo = board.columns[0]!.id;
    doing = board.columns[1]!.id;
  });
  afterAll(() => t.close());

  it('creates a project owned by its creator, with default columns, listed among mine', async () => {
    expect(project).toMatchObject({
      name: 'Cloud computing market study: Poland',
      status: 'proposed',
      myRole: 'owner',
      channelId: null,
      memberCount: 1,
    });
    expect(project.organisations.map((o) => o.name)).toEqual(['Etronika']);
    expect(board.columns.map((c) => c.name)).toEqual(['To do', 'In progress', 'Review', 'Done']);
    expect(board.members.map((m) => [m.userId, m.role])).toEqual([
      [ownerId, 'owner'],
      [memberId, 'member'],
    ]);
    // Adding a member from Data House makes Data House a participating organisation.
    expect(board.project.organisations.map((o) => o.name).sort()).toEqual(['Data House', 'Etronika']);
    const mine = await t.http.get('/api/projects').set(bearer(member));
    expect(mine.status).toBe(200);
    expect((mine.body as { items: Project[] }).items.map((p) => [p.id, p.myRole])).toContainEqual([project.id, 'member']);
  });

  it("names the default columns in the creator's language", async () => {
    const lt = await newMember(t);
    await t.http.patch('/api/auth/me').set(bearer(lt.accessToken)).send({ language: 'lt' }).expect(200);
    const p = await api.createProject(lt.accessToken, { name: 'Lietuviška lenta' });
    expect((await api.board(lt.accessToken, p.id)).columns.map((c) => c.name)).toEqual([
      'Reikia atlikti',
      'Vykdoma',
      'Peržiūra',
      'Atlikta',
    ]);
  });

  it('creates cards at the bottom, or right before/after another card', async () => {
    const a = await api.createCard(owner, { projectId: project.id, columnId: todo, title: 'Collect UK market reports' });
    const c = await api.createCard(owner, { projectId: project.id, columnId: todo, title: 'Interview data-centre operators' });
    const b = await api.createCard(member, { projectId: project.id, columnId: todo, title: 'Draft questionnaire', afterCardId: a.id });
    const z = await api.createCard(member, { projectId: project.id, columnId: todo, title: 'Kick-off call', beforeCardId: a.id });
    expect(a.version).toBe(1);
    expect(columnOrder(await api.board(owner, project.id), todo)).toEqual([z.id, a.id, b.id, c.id]);
  });

  it('PATCH with the current version → 200 and version + 1', async () => {
    const card = await api.createCard(owner, { projectId: project.id, columnId: todo, title: 'Budget' });
    const res = await t.http
      .patch(`/api/cards/${card.id}`)
      .set(bearer(member))
      .send({ version: 1, title: 'Budget 2026', dueDate: '2026-12-01' });
    expect(res.status).toBe(200);
    expect((res.body as { card: Card }).card).toMatchObject({ title: 'Budget 2026', dueDate: '2026-12-01', version: 2 });
  });

  it('N concurrent PATCHes of the same field with the same version → exactly one 200, the rest 409 with the current card', async () => {
    const card = await api.createCard(owner, { projectId: project.id, columnId: todo, title: 'Contested' });
    const N = 8;
    const results = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        t.http
          .patch(`/api/cards/${card.id}`)
          .set(bearer(i % 2 ? owner : member))
          .send({ version: 1, title: `Title from writer ${i}` }),
      ),
    );
    const ok = results.filter((r) => r.status === 200);
    const conflicts = results.filter((r) => r.status === 409);
    expect(ok).toHaveLength(1);
    expect(conflicts).toHaveLength(N - 1);
    const winner = (ok[0]!.body as { card: Card }).card;
    expect(winner.version).toBe(2);
    for (const r of conflicts) {
      const body = r.body as ErrorBody & { details: VersionConflictDetails };
      expect(body.code).toBe('VERSION_CONFLICT');
      expect(body.details.current).toMatchObject({ id: card.id, version: 2, title: winner.title });
      expect(body.details.conflictingFields).toEqual(['title']);
    }
    expect((await api.card(owner, card.id)).title).toBe(winner.title);
  });

  it('non-overlapping concurrent edits based on the same version both survive (merged)', async () => {
    const card = await api.createCard(owner, { projectId: project.id, columnId: todo, title: 'Merge me' });
    const [r1, r2, r3] = await Promise.all([
      t.http.patch(`/api/cards/${card.id}`).set(bearer(owner)).send({ version: 1, title: 'Merged title' }),
      t.http.patch(`/api/cards/${card.id}`).set(bearer(member)).send({ version: 1, description: 'Merged **description**' }),
      t.http
        .patch(`/api/cards/${card.id}`)
        .set(bearer(member))
        .send({ version: 1, assigneeIds: [ownerId, memberId], dueDate: '2026-11-30' }),
    ]);
    expect([r1.status, r2.status, r3.status]).toEqual([200, 200, 200]);
    const now = await api.card(owner, card.id);
    expect(now).toMatchObject({ title: 'Merged title', description: 'Merged **description**', dueDate: '2026-11-30', version: 4 });
    expect(now.assigneeIds.sort()).toEqual([ownerId, memberId].sort());
  });

  it('a stale edit of a field changed since → 409 naming it; of other fields → merged; a move merges with edits', async () => {
    const card = await api.createCard(owner, { projectId: project.id, columnId: todo, title: 'Stale' });
    await t.http.patch(`/api/cards/${card.id}`).set(bearer(owner)).send({ version: 1, title: 'Fresh' }).expect(200);
    const stale = await t.http
      .patch(`/api/cards/${card.id}`)
      .set(bearer(member))
      .send({ version: 1, title: 'Mine', description: 'also mine' });
    expect(stale.status).toBe(409);
    expect((stale.body as { details: VersionConflictDetails }).details).toMatchObject({
      conflictingFields: ['title'],
      current: { title: 'Fresh', version: 2 },
    });
    expect((await api.card(owner, card.id)).description).toBe(''); // nothing of the refused change was applied
    const moved = await t.http.post(`/api/cards/${card.id}/move`).set(bearer(member)).send({ version: 1, toColumnId: doing });
    expect(moved.status).toBe(200);
    expect((moved.body as { card: Card }).card).toMatchObject({ columnId: doing, title: 'Fresh', version: 3 });
    const staleMove = await t.http.post(`/api/cards/${card.id}/move`).set(bearer(owner)).send({ version: 2, toColumnId: todo });
    expect(staleMove.status).toBe(409);
    expect((staleMove.body as { details: VersionConflictDetails }).details.conflictingFields).toEqual(['position']);
    const future = await t.http.patch(`/api/cards/${card.id}`).set(bearer(owner)).send({ version: 99, title: 'x' });
    expect(future.status).toBe(409);
  });

  it('moves write only the moved card and keep order; moves to the bottom, before and after', async () => {
    const p = await api.createProject(owner);
    const b = await api.board(owner, p.id);
    const [c1, c2] = [b.columns[0]!.id, b.columns[1]!.id];
    const cards: Card[] = [];
    for (const title of ['one', 'two', 'three', 'four']) cards.push(await api.createCard(owner, { projectId: p.id, columnId: c1, title }));
    const before = new Map((await api.board(owner, p.id)).columns[0]!.cards.map((c) => [c.id, c]));
    const move = (card: Card, body: Record<string, unknown>) =>
      t.http
        .post(`/api/cards/${card.id}/move`)
        .set(bearer(owner))
        .send({ version: card.version, ...body });
    const r = await move(cards[3]!, { toColumnId: c1, beforeCardId: cards[0]!.id });
    expect(r.status).toBe(200);
    const after = await api.board(owner, p.id);
    expect(columnOrder(after, c1)).toEqual([cards[3]!.id, cards[0]!.id, cards[1]!.id, cards[2]!.id]);
    for (const c of after.columns[0]!.cards.filter((x) => x.id !== cards[3]!.id)) expect(c).toEqual(before.get(c.id));
    await move(cards[0]!, { toColumnId: c2 }).expect(200);
    await move(cards[1]!, { toColumnId: c2, afterCardId: cards[0]!.id }).expect(200);
    await move(cards[2]!, { toColumnId: c2, beforeCardId: cards[1]!.id }).expect(200);
    const final = await api.board(owner, p.id);
    expect(columnOrder(final, c1)).toEqual([cards[3]!.id]);
    expect(columnOrder(final, c2)).toEqual([cards[0]!.id, cards[2]!.id, cards[1]!.id]);
    // An anchor that is not in the target column is refused.
    const bad = await move(final.columns[1]!.cards[0]!, { toColumnId: c1, afterCardId: cards[1]!.id });
    expect(bad.status).toBe(400);
    expect((bad.body as ErrorBody).details?.fields?.[0]?.field).toBe('afterCardId');
  });

  it('concurrent moves into the same slot keep a total order with no duplicate position', async () => {
    const p = await api.createProject(owner);
    await api.addMember(owner, p.id, memberId, 'member');
    const b = await api.board(owner, p.id);
    const [src, dst] = [b.columns[0]!.id, b.columns[1]!.id];
    const top = await api.createCard(owner, { projectId: p.id, columnId: dst, title: 'top' });
    const bottom = await api.createCard(owner, { projectId: p.id, columnId: dst, title: 'bottom' });
    const movers: Card[] = [];
    for (let i = 0; i < 10; i++) movers.push(await api.createCard(owner, { projectId: p.id, columnId: src, title: `mover ${i}` }));
    const results = await Promise.all(
      movers.map((c, i) =>
        t.http
          .post(`/api/cards/${c.id}/move`)
          .set(bearer(i % 2 ? owner : member))
          .send({ version: 1, toColumnId: dst, afterCardId: top.id }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(movers.map(() => 200));
    const final = await api.board(owner, p.id);
    const column = final.columns.find((c) => c.id === dst)!;
    const ranks = column.cards.map((c) => c.rank);
    expect(new Set(ranks).size).toBe(12);
    expect([...ranks].sort()).toEqual(ranks);
    const ids = column.cards.map((c) => c.id);
    expect(ids[0]).toBe(top.id);
    expect(ids[11]).toBe(bottom.id);
    expect(new Set(ids.slice(1, 11))).toEqual(new Set(movers.map((m) => m.id)));
    expect(final.columns.find((c) => c.id === src)!.cards).toEqual([]);
  });

  it('concurrent moves of one card with the same version → one 200, the rest 409', async () => {
    const p = await api.createProject(owner);
    const b = await api.board(owner, p.id);
    const card = await api.createCard(owner, { projectId: p.id, columnId: b.columns[0]!.id, title: 'Wanted everywhere' });
    const results = await Promise.all(
      b.columns.slice(1).map((c) => t.http.post(`/api/cards/${card.id}/move`).set(bearer(owner)).send({ version: 1, toColumnId: c.id })),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(2);
    const final = await api.board(owner, p.id);
    expect(final.columns.flatMap((c) => c.cards).filter((c) => c.id === card.id)).toHaveLength(1);
  });

  it('concurrent creations at the bottom of a column all land, in distinct positions', async () => {
    const p = await api.createProject(owner);
    const col = (await api.board(owner, p.id)).columns[0]!.id;
    const created = await Promise.all(
      Array.from({ length: 12 }, (_, i) => api.createCard(i % 2 ? owner : owner, { projectId: p.id, columnId: col, title: `burst ${i}` })),
    );
    const ranks = (await api.board(owner, p.id)).columns[0]!.cards.map((c) => c.rank);
    expect(ranks).toHaveLength(created.length);
    expect(new Set(ranks).size).toBe(created.length);
  });

  it('re-spaces a column when keys grow long, keeping the order, and tells the board', async () => {
    const p = await api.createProject(owner);
    const col = (await api.board(owner, p.id)).columns[0]!.id;
    // A column whose keys already grew long (as after hundreds of inserts at one spot).
    const model = t.app.get<Model<CardDoc>>(getModelToken(CardDoc.name));
    const stem = `a0${'V'.repeat(REBALANCE_LENGTH)}`;
    const ranks = [...'123456789ABCDEFGHIJK'].map((d) => stem + d);
    expect(ranks.every(isValidRank)).toBe(true);
    const ids: string[] = [];
    for (const [i, rank] of ranks.entries()) {
      const doc = await model.create({
        projectId: oid(p.id),
        columnId: oid(col),
        rank,
        title: `old ${i}`,
        version: 1,
        createdBy: oid(ownerId),
      });
      ids.push(doc._id.toHexString());
    }
    const sock = io(t.url, { auth: { token: owner }, transports: ['websocket'], reconnection: false });
    try {
      await new Promise<void>((ok) => sock.once('ready', () => ok()));
      expect(await sock.emitWithAck('board:join', { projectId: p.id })).toMatchObject({ ok: true });
      const rebalanced = new Promise<{ columnId: string; ranks: { id: string; rank: string }[] }>((ok) =>
        sock.once('board:column-rebalanced', ok),
      );
      const added = await api.createCard(owner, { projectId: p.id, columnId: col, title: 'deep', beforeCardId: ids[ids.length - 2]! });
      expect(added.rank.length).toBeGreaterThan(REBALANCE_LENGTH);
      const event = await rebalanced;
      expect(event.columnId).toBe(col);
      const cards = (await api.board(owner, p.id)).columns[0]!.cards;
      expect(cards.map((c) => c.id)).toEqual([...ids.slice(0, -2), added.id, ...ids.slice(-2)]);
      expect(Math.max(...cards.map((c) => c.rank.length))).toBeLessThan(6);
      expect(event.ranks).toEqual(cards.map((c) => ({ id: c.id, rank: c.rank })));
      // Cards keep their versions: re-spacing is not an edit.
      expect(cards.every((c) => c.version === 1)).toBe(true);
    } finally {
      sock.close();
    }
  });

  it('checklist items change one at a time and concurrent ticks all survive', async () => {
    const card = await api.createCard(owner, { projectId: project.id, columnId: todo, title: 'With checklist' });
    let c = card;
    for (const text of ['Germany', 'France', 'United Kingdom'])
      c = (await t.http.post(`/api/cards/${card.id}/checklist`).set(bearer(owner)).send({ text }).expect(201)).body.card as Card;
    const ticks = await Promise.all(
      c.checklist.map((i) => t.http.patch(`/api/cards/${card.id}/checklist/${i.id}`).set(bearer(member)).send({ done: true })),
    );
    expect(ticks.map((r) => r.status)).toEqual([200, 200, 200]);
    const now = await api.card(owner, card.id);
    expect(now.checklist.map((i) => i.done)).toEqual([true, true, true]);
    expect(now.version).toBe(7);
    // A PATCH based on the version before the ticks still merges: it changes other fields.
    await t.http.patch(`/api/cards/${card.id}`).set(bearer(owner)).send({ version: 4, title: 'Checklist done' }).expect(200);
    await t.http.delete(`/api/cards/${card.id}/checklist/${now.checklist[0]!.id}`).set(bearer(owner)).expect(200);
    expect((await api.card(owner, card.id)).checklist.map((i) => i.text)).toEqual(['France', 'United Kingdom']);
  });

  it('comments notify mentioned members; activity records who did what', async () => {
    const card = await api.createCard(owner, { projectId: project.id, columnId: todo, title: 'Discuss' });
    const res = await t.http
      .post(`/api/cards/${card.id}/comments`)
      .set(bearer(owner))
      .send({ body: 'What do you think, @Mindaugas Petrauskas?' });
    expect(res.status).toBe(201);
    expect(res.body.comment).toMatchObject({ authorId: ownerId, mentions: [memberId] });
    const notes = await t.http.get('/api/notifications').set(bearer(member));
    expect((notes.body as { items: { kind: string; link: string }[] }).items[0]).toMatchObject({
      kind: 'mention',
      link: `/projects/${project.id}/board?card=${card.id}`,
    });
    expect((await api.card(owner, card.id)).commentCount).toBe(1);
    const comments = await t.http.get(`/api/cards/${card.id}/comments`).set(bearer(member));
    expect(comments.body.items).toHaveLength(1);
    const activity = await t.http.get(`/api/cards/${card.id}/activity`).set(bearer(member));
    expect((activity.body as { items: { kind: string }[] }).items.map((a) => a.kind)).toEqual(['comment.added', 'card.created']);
  });

  it('archives and restores cards and columns; deletes cards', async () => {
    const card = await api.createCard(owner, { projectId: project.id, columnId: todo, title: 'Archive me' });
    await t.http.patch(`/api/cards/${card.id}`).set(bearer(owner)).send({ version: 1, archived: true }).expect(200);
    expect((await api.board(owner, project.id)).columns[0]!.cards.map((c) => c.id)).not.toContain(card.id);
    const archive = await t.http.get(`/api/projects/${project.id}/archive`).set(bearer(member));
    expect((archive.body as { cards: Card[] }).cards.map((c) => c.id)).toContain(card.id);
    await t.http.patch(`/api/cards/${card.id}`).set(bearer(owner)).send({ version: 2, archived: false }).expect(200);
    const col = (
      await t.http
        .post(`/api/projects/${project.id}/columns`)
        .set(bearer(member))
        .send({ name: 'Parking', wipLimit: 3, afterColumnId: todo })
    ).body.column;
    expect((await api.board(owner, project.id)).columns.map((c) => c.name)).toEqual(['To do', 'Parking', 'In progress', 'Review', 'Done']);
    await t.http.post(`/api/columns/${col.id}/archive`).set(bearer(member)).expect(200);
    expect((await api.board(owner, project.id)).columns.map((c) => c.name)).not.toContain('Parking');
    await t.http.post(`/api/columns/${col.id}/restore`).set(bearer(member)).expect(200);
    await t.http.post(`/api/columns/${col.id}/move`).set(bearer(member)).send({}).expect(200);
    expect((await api.board(owner, project.id)).columns.map((c) => c.name).at(-1)).toBe('Parking');
    await t.http.delete(`/api/cards/${card.id}?version=1`).set(bearer(owner)).expect(409);
    await t.http.delete(`/api/cards/${card.id}?version=3`).set(bearer(owner)).expect(204);
    await t.http.get(`/api/cards/${card.id}`).set(bearer(owner)).expect(404);
  });

  it('labels belong to the project; "my cards" lists open cards assigned to me', async () => {
    const label = (
      await t.http.post(`/api/projects/${project.id}/labels`).set(bearer(member)).send({ name: 'Research', color: '#1f5f8b' }).expect(201)
    ).body.label;
    const card = await api.createCard(owner, {
      projectId: project.id,
      columnId: todo,
      title: 'Labelled',
      labelIds: [label.id],
      assigneeIds: [memberId],
      dueDate: '2020-01-01',
    });
    expect(card.labelIds).toEqual([label.id]);
    const mine = await t.http.get('/api/cards/mine?due=overdue').set(bearer(member));
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((c: { id: string }) => c.id)).toContain(card.id);
    expect(mine.body.items.find((c: { id: string }) => c.id === card.id)).toMatchObject({ projectName: project.name, columnName: 'To do' });
    const assigned = await t.http.get('/api/notifications').set(bearer(member));
    expect(assigned.body.items.map((n: { kind: string }) => n.kind)).toContain('card.assigned');
  });

  it('serves boards from a cache that follows changes made here and on other nodes', async () => {
    const p = await api.createProject(owner);
    const col = (await api.board(owner, p.id)).columns[0]!.id;
    const card = await api.createCard(owner, { projectId: p.id, columnId: col, title: 'Cached' });
    expect((await api.board(owner, p.id)).columns[0]!.cards.map((c) => c.title)).toEqual(['Cached']);
    await t.http.patch(`/api/cards/${card.id}`).set(bearer(owner)).send({ version: 1, title: 'Changed here' }).expect(200);
    await t.http.post(`/api/cards/${card.id}/comments`).set(bearer(owner)).send({ body: 'counted' }).expect(201);
    expect((await api.board(owner, p.id)).columns[0]!.cards).toMatchObject([{ title: 'Changed here', version: 2, commentCount: 1 }]);
    // Another node writes the card and bumps the board's sequence: this node reads the board again.
    const model = t.app.get<Model<CardDoc>>(getModelToken(CardDoc.name));
    await model.updateOne({ _id: oid(card.id) }, { $set: { title: 'Changed elsewhere' }, $inc: { version: 1 } });
    await t.app.get(BoardSeqRepository).bump(p.id);
    expect((await api.board(owner, p.id)).columns[0]!.cards).toMatchObject([{ title: 'Changed elsewhere', version: 3 }]);
    await t.http.patch(`/api/cards/${card.id}`).set(bearer(owner)).send({ version: 3, archived: true }).expect(200);
    expect((await api.board(owner, p.id)).columns[0]!.cards).toEqual([]);
  });

  it('seeds the demo projects once, with members of several organisations and their boards', async () => {
    const mine = (await t.http.get('/api/projects?limit=100').set(bearer(owner))).body.items as Project[];
    const names = mine.map((p) => p.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'Cloud computing market study: United Kingdom',
        'Joint data-centre infrastructure',
        'International cluster presentations (Oman, Kazakhstan, Azerbaijan)',
      ]),
    );
    const infra = mine.find((p) => p.name === 'Joint data-centre infrastructure')!;
    expect(infra.organisations.map((o) => o.name).sort()).toEqual([
      'Data House',
      'Duomenų centras',
      'Etronika',
      'Vilnius University, Faculty of Mathematics and Informatics',
    ]);
    const b = await api.board(owner, infra.id);
    expect(b.columns[1]).toMatchObject({ name: 'In progress', wipLimit: 3 });
    expect(b.columns[1]!.cards.length).toBeGreaterThan(3); // over the WIP limit on purpose: the UI warns
    expect(b.labels.map((l) => l.name)).toContain('Security');
    expect(await t.app.get(DemoBoardsSeeder).seed()).toBe(0);
  });

  it('refuses bad input with 400 VALIDATION_FAILED, never a 500', async () => {
    const card = await api.createCard(owner, { projectId: project.id, columnId: todo, title: 'Valid' });
    const cases: [string, string, Record<string, unknown>][] = [
      ['patch', `/api/cards/${card.id}`, { title: 'no version' }],
      ['patch', `/api/cards/${card.id}`, { version: 1 }],
      ['patch', `/api/cards/${card.id}`, { version: 1, title: null }],
      ['patch', `/api/cards/${card.id}`, { version: 1, dueDate: '2026-02-30' }],
      ['patch', `/api/cards/${card.id}`, { version: 1, startDate: '2026-12-01', dueDate: '2026-11-01' }],
      ['patch', `/api/cards/${card.id}`, { version: 1, assigneeIds: ['64b7f0000000000000000000'] }],
      ['patch', `/api/cards/${card.id}`, { version: 1, rank: 'a0' }],
      ['patch', `/api/cards/${card.id}`, { version: '1', title: 'x' }],
      ['post', '/api/cards', { projectId: project.id, columnId: todo, title: '' }],
      ['post', '/api/cards', { projectId: project.id, columnId: todo, title: 'x', labelIds: ['nope'] }],
      ['post', `/api/cards/${card.id}/move`, { version: 1 }],
      ['post', '/api/projects', { name: 'x' }],
      ['post', `/api/projects/${project.id}/members`, { userId: memberId, role: 'boss' }],
    ];
    for (const [method, url, body] of cases) {
      const res = await (method === 'post' ? t.http.post(url) : t.http.patch(url)).set(bearer(owner)).send(body);
      expect([url, body, res.status, (res.body as ErrorBody).code]).toEqual([url, body, 400, 'VALIDATION_FAILED']);
    }
  });
});
