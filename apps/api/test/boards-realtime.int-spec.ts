import { io, Socket } from 'socket.io-client';
import type { Board, Card, Project } from '@klasteris/contracts';
import { boardApi } from './support/boards-helpers';
import { bearer, createTestApp, login, TestApp } from './support/test-app';

type Got = { event: string; payload: Record<string, unknown> };

describe('boards: realtime in the board room', () => {
  let t: TestApp;
  let api: ReturnType<typeof boardApi>;
  const sockets: Socket[] = [];
  let owner: { token: string; id: string };
  let member: { token: string; id: string };
  let observer: { token: string; id: string };
  let outsider: { token: string; id: string };
  let project: Project;
  let board: Board;

  const connect = async (token: string): Promise<Socket & { got: Got[] }> => {
    const s = io(t.url, { auth: { token }, transports: ['websocket'], reconnection: false }) as Socket & { got: Got[] };
    sockets.push(s);
    s.got = [];
    s.onAny((event: string, payload: Record<string, unknown>) => {
      if (event.startsWith('board:')) s.got.push({ event, payload });
    });
    await new Promise<void>((ok, fail) => {
      s.once('ready', () => ok());
      s.once('connect_error', fail);
    });
    return s;
  };
  const next = (s: Socket, event: string): Promise<Record<string, unknown>> => new Promise((ok) => s.once(event, ok));
  /** Waits until the socket got `event` matching `pred`, or fails after a while. */
  const eventually = async (
    s: Socket & { got: Got[] },
    event: string,
    pred: (p: Record<string, unknown>) => boolean = () => true,
  ): Promise<Record<string, unknown>> => {
    for (let i = 0; i < 100; i++) {
      const hit = s.got.find((g) => g.event === event && pred(g.payload));
      if (hit) return hit.payload;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`no ${event} within 2 s; got ${s.got.map((g) => g.event).join(', ')}`);
  };
  /** A round trip through the server: events sent before it have been delivered. */
  const settle = async (s: Socket): Promise<void> => {
    await s.emitWithAck('board:leave', { projectId: '64b7f0000000000000000000' });
  };

  beforeAll(async () => {
    t = await createTestApp();
    api = boardApi(t);
    const [o, m, ob, out] = await Promise.all([
      login(t, 'member@klasteris.demo'),
      login(t, 'member2@klasteris.demo'),
      login(t, 'salim@klasteris.demo'),
      login(t, 'jonas@klasteris.demo'),
    ]);
    owner = { token: o.accessToken, id: o.user.id };
    member = { token: m.accessToken, id: m.user.id };
    observer = { token: ob.accessToken, id: ob.user.id };
    outsider = { token: out.accessToken, id: out.user.id };
    project = await api.createProject(owner.token, { name: 'International cluster presentations (test)' });
    await api.addMember(owner.token, project.id, member.id, 'member');
    await api.addMember(owner.token, project.id, observer.id, 'observer');
    board = await api.board(owner.token, project.id);
  });
  afterEach(() => {
    sockets.splice(0).forEach((s) => s.close());
  });
  afterAll(() => t.close());

  it('board:join checks membership and validates its payload', async () => {
    const out = await connect(outsider.token);
    expect(await out.emitWithAck('board:join', { projectId: project.id })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Project not found' },
    });
    expect(await out.emitWithAck('board:join', { projectId: 'nope' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await out.emitWithAck('board:join', { projectId: project.id, extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    const ob = await connect(observer.token);
    expect(await ob.emitWithAck('board:join', { projectId: project.id })).toMatchObject({
      ok: true,
      role: 'observer',
      viewers: [{ userId: observer.id }],
    });
  });

  it('delivers card events to the members in the room, and to no one else', async () => {
    const [a, b, out, notJoined] = await Promise.all([
      connect(owner.token),
      connect(observer.token),
      connect(outsider.token),
      connect(member.token),
    ]);
    await a.emitWithAck('board:join', { projectId: project.id });
    const viewersSeen = next(a, 'board:viewers');
    await b.emitWithAck('board:join', { projectId: project.id });
    expect(((await viewersSeen)['viewers'] as { userId: string }[]).map((v) => v.userId).sort()).toEqual([owner.id, observer.id].sort());
    await out.emitWithAck('board:join', { projectId: project.id });

    const card = await api.createCard(member.token, {
      projectId: project.id,
      columnId: board.columns[0]!.id,
      title: 'Oman presentation deck',
    });
    expect(await eventually(b, 'board:card-created')).toEqual({ projectId: project.id, card });
    const patched = (
      await t.http
        .patch(`/api/cards/${card.id}`)
        .set(bearer(member.token))
        .send({ version: 1, description: 'Slides in EN and AR' })
        .expect(200)
    ).body.card as Card;
    expect(await eventually(b, 'board:card-updated')).toEqual({ projectId: project.id, card: patched, fields: ['description'] });
    const moved = (
      await t.http
        .post(`/api/cards/${card.id}/move`)
        .set(bearer(member.token))
        .send({ version: 2, toColumnId: board.columns[2]!.id })
        .expect(200)
    ).body.card as Card;
    expect(await eventually(a, 'board:card-moved')).toEqual({ projectId: project.id, card: moved, fromColumnId: board.columns[0]!.id });
    await t.http.delete(`/api/cards/${card.id}`).set(bearer(member.token)).expect(204);
    expect(await eventually(b, 'board:card-deleted')).toEqual({ projectId: project.id, cardId: card.id, columnId: board.columns[2]!.id });
    expect((moved as unknown as Record<string, unknown>)['changes']).toBeUndefined();

    await settle(out);
    await settle(notJoined);
    expect(out.got.filter((g) => g.event.startsWith('board:card'))).toEqual([]);
    expect(notJoined.got).toEqual([]);
  });

  it('relays "X is editing" to the others; observers and outsiders may not', async () => {
    const card = await api.createCard(owner.token, {
      projectId: project.id,
      columnId: board.columns[0]!.id,
      title: 'Kazakhstan logistics',
    });
    const [a, m, ob, out] = await Promise.all([
      connect(owner.token),
      connect(member.token),
      connect(observer.token),
      connect(outsider.token),
    ]);
    for (const s of [a, m, ob]) await s.emitWithAck('board:join', { projectId: project.id });
    expect(await m.emitWithAck('board:editing', { cardId: card.id })).toEqual({ ok: true });
    expect(await eventually(a, 'board:editing')).toEqual({
      projectId: project.id,
      cardId: card.id,
      userId: member.id,
      displayName: 'Mindaugas Petrauskas',
      editing: true,
    });
    await settle(m);
    expect(m.got.filter((g) => g.event === 'board:editing')).toEqual([]);
    expect(await ob.emitWithAck('board:editing', { cardId: card.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await out.emitWithAck('board:editing', { cardId: card.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('a removed member stops receiving the board at once; viewers update on leave and disconnect', async () => {
    const [a, m] = await Promise.all([connect(owner.token), connect(member.token)]);
    await a.emitWithAck('board:join', { projectId: project.id });
    await m.emitWithAck('board:join', { projectId: project.id });
    const left = eventually(
      a,
      'board:viewers',
      (p) =>
        (p['viewers'] as { userId: string }[]).every((v) => v.userId !== member.id) &&
        a.got.some((g) => g.event === 'board:members-changed'),
    );
    await t.http.delete(`/api/projects/${project.id}/members/${member.id}`).set(bearer(owner.token)).expect(204);
    await left;
    m.got.length = 0;
    await api.createCard(owner.token, { projectId: project.id, columnId: board.columns[0]!.id, title: 'After removal' });
    await eventually(a, 'board:card-created', (p) => (p['card'] as Card).title === 'After removal');
    await settle(m);
    expect(m.got.filter((g) => g.event === 'board:card-created')).toEqual([]);

    const ob = await connect(observer.token);
    await ob.emitWithAck('board:join', { projectId: project.id });
    await eventually(a, 'board:viewers', (p) => (p['viewers'] as unknown[]).length === 2);
    a.got.length = 0;
    ob.close();
    expect(await eventually(a, 'board:viewers')).toEqual({
      projectId: project.id,
      viewers: [{ userId: owner.id, displayName: 'Rūta Kazlauskienė' }],
    });
  });
});
