import { EventEmitter2 } from '@nestjs/event-emitter';
import type { Board, Card, ErrorBody, Project } from '@klasteris/contracts';
import { boardApi } from './support/boards-helpers';
import { bearer, createTestApp, login, newMember, TestApp } from './support/test-app';

type Req = [method: 'get' | 'post' | 'patch' | 'delete', url: string, body?: Record<string, unknown>];

describe('boards: permissions', () => {
  let t: TestApp;
  let api: ReturnType<typeof boardApi>;
  let owner: { token: string; id: string };
  let member: { token: string; id: string };
  let observer: { token: string; id: string };
  let outsider: { token: string; id: string };
  let project: Project;
  let board: Board;
  let card: Card;
  let other: Project;
  let otherBoard: Board;
  let otherCard: Card;
  let otherLabel: string;
  let label: string;

  const send = (token: string | null, [method, url, body]: Req) => {
    const r = t.http[method](url);
    if (token) r.set(bearer(token));
    return body ? r.send(body) : r;
  };

  beforeAll(async () => {
    t = await createTestApp();
    api = boardApi(t);
    const [o, m, ob, out] = await Promise.all([
      login(t, 'member@klasteris.demo'),
      login(t, 'member2@klasteris.demo'),
      login(t, 'andris@klasteris.demo'),
      login(t, 'jonas@klasteris.demo'),
    ]);
    owner = { token: o.accessToken, id: o.user.id };
    member = { token: m.accessToken, id: m.user.id };
    observer = { token: ob.accessToken, id: ob.user.id };
    outsider = { token: out.accessToken, id: out.user.id };
    project = await api.createProject(owner.token, { name: 'Joint data-centre infrastructure (test)' });
    await api.addMember(owner.token, project.id, member.id, 'member');
    await api.addMember(owner.token, project.id, observer.id, 'observer');
    board = await api.board(owner.token, project.id);
    card = await api.createCard(owner.token, { projectId: project.id, columnId: board.columns[0]!.id, title: 'Rack layout' });
    label = (await t.http.post(`/api/projects/${project.id}/labels`).set(bearer(owner.token)).send({ name: 'Ours', color: '#00695c' })).body
      .label.id;
    // Another project where the member is a member too: its columns are known to them, yet off-limits.
    other = await api.createProject(member.token, { name: 'Other board' });
    otherBoard = await api.board(member.token, other.id);
    otherCard = await api.createCard(member.token, { projectId: other.id, columnId: otherBoard.columns[0]!.id, title: 'Elsewhere' });
    otherLabel = (
      await t.http.post(`/api/projects/${other.id}/labels`).set(bearer(member.token)).send({ name: 'Theirs', color: '#c62828' })
    ).body.label.id;
  });
  afterAll(() => t.close());

  const reads = (): Req[] => [
    ['get', `/api/projects/${project.id}`],
    ['get', `/api/projects/${project.id}/board`],
    ['get', `/api/projects/${project.id}/members`],
    ['get', `/api/projects/${project.id}/labels`],
    ['get', `/api/projects/${project.id}/activity`],
    ['get', `/api/projects/${project.id}/archive`],
    ['get', `/api/cards/${card.id}`],
    ['get', `/api/cards/${card.id}/comments`],
    ['get', `/api/cards/${card.id}/activity`],
  ];
  const writes = (): Req[] => [
    ['post', '/api/cards', { projectId: project.id, columnId: board.columns[0]!.id, title: 'New' }],
    ['patch', `/api/cards/${card.id}`, { version: 1, title: 'Changed' }],
    ['post', `/api/cards/${card.id}/move`, { version: 1, toColumnId: board.columns[1]!.id }],
    ['post', `/api/cards/${card.id}/checklist`, { text: 'Item' }],
    ['post', `/api/cards/${card.id}/comments`, { body: 'Hello' }],
    ['delete', `/api/cards/${card.id}`],
    ['post', `/api/projects/${project.id}/columns`, { name: 'More' }],
    ['patch', `/api/columns/${board.columns[0]!.id}`, { name: 'Renamed' }],
    ['post', `/api/columns/${board.columns[0]!.id}/move`, {}],
    ['post', `/api/columns/${board.columns[0]!.id}/archive`],
    ['post', `/api/projects/${project.id}/labels`, { name: 'L', color: '#1f5f8b' }],
    ['patch', `/api/labels/${label}`, { name: 'Renamed' }],
    ['delete', `/api/labels/${label}`],
  ];
  /** Owner-only requests; `target` is a member other than the caller (removing oneself is leaving). */
  const ownerOnly = (target: string): Req[] => [
    ['patch', `/api/projects/${project.id}`, { status: 'active' }],
    ['post', `/api/projects/${project.id}/members`, { userId: outsider.id, role: 'member' }],
    ['patch', `/api/projects/${project.id}/members/${target}`, { role: 'member' }],
    ['delete', `/api/projects/${project.id}/members/${target}`],
  ];

  it('without a token: 401 UNAUTHENTICATED', async () => {
    for (const req of [...reads(), ...writes(), ['get', '/api/projects'] as Req]) {
      const res = await send(null, req);
      expect([req[1], res.status, (res.body as ErrorBody).code]).toEqual([req[1], 401, 'UNAUTHENTICATED']);
    }
  });

  it('a non-member gets 404 for everything of the project, reading or writing', async () => {
    for (const req of [...reads(), ...writes(), ...ownerOnly(member.id)]) {
      const res = await send(outsider.token, req);
      expect([req[0], req[1], res.status, (res.body as ErrorBody).code]).toEqual([req[0], req[1], 404, 'NOT_FOUND']);
    }
    const mine = await t.http.get('/api/projects').set(bearer(outsider.token));
    expect((mine.body as { items: Project[] }).items.map((p) => p.id)).not.toContain(project.id);
  });

  it('an observer reads everything but changes nothing (403 FORBIDDEN)', async () => {
    for (const req of reads()) expect([req[1], (await send(observer.token, req)).status]).toEqual([req[1], 200]);
    for (const req of [...writes(), ...ownerOnly(member.id)]) {
      const res = await send(observer.token, req);
      expect([req[0], req[1], res.status, (res.body as ErrorBody).code]).toEqual([req[0], req[1], 403, 'FORBIDDEN']);
    }
    expect(await api.card(owner.token, card.id)).toMatchObject({ title: 'Rack layout', version: 1 });
  });

  it('a member works on the board but cannot change the project or its members', async () => {
    for (const req of ownerOnly(observer.id)) {
      const res = await send(member.token, req);
      expect([req[0], req[1], res.status]).toEqual([req[0], req[1], 403]);
    }
    await t.http.patch(`/api/cards/${card.id}`).set(bearer(member.token)).send({ version: 1, description: 'by a member' }).expect(200);
  });

  it('a card cannot be moved or created into a column of another project, even one the caller may use (WeKan CVE-2026-25566)', async () => {
    const before = await api.card(member.token, card.id);
    const move = await t.http
      .post(`/api/cards/${card.id}/move`)
      .set(bearer(member.token))
      .send({ version: before.version, toColumnId: otherBoard.columns[1]!.id });
    expect([move.status, (move.body as ErrorBody).code]).toEqual([404, 'NOT_FOUND']);
    const anchored = await t.http
      .post(`/api/cards/${card.id}/move`)
      .set(bearer(member.token))
      .send({ version: before.version, toColumnId: board.columns[1]!.id, afterCardId: otherCard.id });
    expect([anchored.status, (anchored.body as ErrorBody).code]).toEqual([400, 'VALIDATION_FAILED']);
    const create = await t.http
      .post('/api/cards')
      .set(bearer(member.token))
      .send({ projectId: project.id, columnId: otherBoard.columns[0]!.id, title: 'Smuggled' });
    expect([create.status, (create.body as ErrorBody).code]).toEqual([404, 'NOT_FOUND']);
    const foreignLabel = await t.http
      .patch(`/api/cards/${card.id}`)
      .set(bearer(member.token))
      .send({ version: before.version, labelIds: [otherLabel] });
    expect([foreignLabel.status, (foreignLabel.body as ErrorBody).code]).toEqual([400, 'VALIDATION_FAILED']);
    const foreignAssignee = await t.http
      .patch(`/api/cards/${card.id}`)
      .set(bearer(member.token))
      .send({ version: before.version, assigneeIds: [outsider.id] });
    expect([foreignAssignee.status, (foreignAssignee.body as ErrorBody).code]).toEqual([400, 'VALIDATION_FAILED']);
    // Nothing changed on either board.
    expect(await api.card(member.token, card.id)).toEqual(before);
    const otherNow = await api.board(member.token, other.id);
    expect(otherNow.columns.flatMap((c) => c.cards).map((c) => c.id)).toEqual([otherCard.id]);
  });

  it('a card links only to a chat message the caller may read, in the channel named', async () => {
    const channel = (
      await t.http
        .post('/api/channels')
        .set(bearer(owner.token))
        .send({ name: `boards-${Date.now()}`, type: 'private' })
        .expect(201)
    ).body.channel.id as string;
    const message = (
      await t.http
        .post(`/api/channels/${channel}/messages`)
        .set(bearer(owner.token))
        .send({ body: 'Let us study the German market', clientMsgId: `cm-${Date.now()}` })
        .expect(201)
    ).body.message.id as string;
    const events: unknown[] = [];
    const onEvent = (e: unknown) => events.push(e);
    t.app.get(EventEmitter2).on('board.card-from-message', onEvent);
    const ok = await t.http
      .post('/api/cards')
      .set(bearer(owner.token))
      .send({
        projectId: project.id,
        columnId: board.columns[0]!.id,
        title: 'From chat',
        sourceMessage: { channelId: channel, messageId: message },
      });
    expect(ok.status).toBe(201);
    expect(ok.body.card.sourceMessage).toEqual({ channelId: channel, messageId: message });
    expect(events).toEqual([expect.objectContaining({ cardId: ok.body.card.id, channelId: channel, messageId: message })]);
    t.app.get(EventEmitter2).off('board.card-from-message', onEvent);
    // The member is on the board but not in the private channel: the message is "not found".
    const hidden = await t.http
      .post('/api/cards')
      .set(bearer(member.token))
      .send({
        projectId: project.id,
        columnId: board.columns[0]!.id,
        title: 'Peeking',
        sourceMessage: { channelId: channel, messageId: message },
      });
    expect([hidden.status, (hidden.body as ErrorBody).code]).toEqual([404, 'NOT_FOUND']);
    const wrongChannel = await t.http
      .post('/api/cards')
      .set(bearer(owner.token))
      .send({
        projectId: project.id,
        columnId: board.columns[0]!.id,
        title: 'Mislabelled',
        sourceMessage: { channelId: board.columns[0]!.id, messageId: message },
      });
    expect([wrongChannel.status, (wrongChannel.body as ErrorBody).code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('a project always keeps an owner; anyone may leave; a removed member loses access at once', async () => {
    const demote = await t.http.patch(`/api/projects/${project.id}/members/${owner.id}`).set(bearer(owner.token)).send({ role: 'member' });
    expect([demote.status, (demote.body as ErrorBody).code]).toEqual([409, 'LAST_PROJECT_OWNER']);
    const leave = await t.http.delete(`/api/projects/${project.id}/members/${owner.id}`).set(bearer(owner.token));
    expect([leave.status, (leave.body as ErrorBody).code]).toEqual([409, 'LAST_PROJECT_OWNER']);
    // Two owners demoting each other at the same moment: one must stay owner.
    await api.addMember(owner.token, project.id, member.id, 'owner');
    const both = await Promise.all([
      t.http.patch(`/api/projects/${project.id}/members/${member.id}`).set(bearer(owner.token)).send({ role: 'member' }),
      t.http.patch(`/api/projects/${project.id}/members/${owner.id}`).set(bearer(member.token)).send({ role: 'member' }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const members = (await t.http.get(`/api/projects/${project.id}/members`).set(bearer(observer.token))).body.items as {
      userId: string;
      role: string;
    }[];
    expect(members.filter((m) => m.role === 'owner')).toHaveLength(1);
    const owners = members.filter((m) => m.role === 'owner').map((m) => m.userId);
    const remainingOwner = owners[0] === owner.id ? owner : member;
    // Observer leaves on their own; then has no access.
    await t.http.delete(`/api/projects/${project.id}/members/${observer.id}`).set(bearer(observer.token)).expect(204);
    await t.http.get(`/api/projects/${project.id}/board`).set(bearer(observer.token)).expect(404);
    // Owner removes someone else.
    const newcomer = await newMember(t);
    await api.addMember(remainingOwner.token, project.id, newcomer.user.id, 'member');
    await t.http.get(`/api/projects/${project.id}/board`).set(bearer(newcomer.accessToken)).expect(200);
    await t.http.delete(`/api/projects/${project.id}/members/${newcomer.user.id}`).set(bearer(remainingOwner.token)).expect(204);
    await t.http.get(`/api/cards/${card.id}`).set(bearer(newcomer.accessToken)).expect(404);
  });

  it('adding an unknown user is 404; adding twice changes the role (200)', async () => {
    const res = await t.http
      .post(`/api/projects/${other.id}/members`)
      .set(bearer(member.token))
      .send({ userId: '64b7f0000000000000000000', role: 'member' });
    expect(res.status).toBe(404);
    await t.http
      .post(`/api/projects/${other.id}/members`)
      .set(bearer(member.token))
      .send({ userId: outsider.id, role: 'observer' })
      .expect(201);
    const again = await t.http
      .post(`/api/projects/${other.id}/members`)
      .set(bearer(member.token))
      .send({ userId: outsider.id, role: 'member' });
    expect(again.status).toBe(200);
    expect(again.body.member).toMatchObject({ userId: outsider.id, role: 'member' });
  });

  it('ids that are not ids are 400, not 500', async () => {
    for (const url of ['/api/projects/nope/board', '/api/cards/123', '/api/projects/zzzzzzzzzzzzzzzzzzzzzzzz']) {
      expect((await t.http.get(url).set(bearer(owner.token))).status).toBe(400);
    }
  });
});
