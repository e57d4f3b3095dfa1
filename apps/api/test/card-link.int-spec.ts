import type { Card, Message, MyChannel } from '@klasteris/contracts';
import { boardApi } from './support/boards-helpers';
import { bearer, createTestApp, newMember, TestApp } from './support/test-app';
import { clientId, collect, eventually, SocketPool } from './support/sockets';

/** Issue 13 item 2: project owners link an existing card to a chat message (POST /api/cards/:id/source-message). */
describe('linking an existing card to a message', () => {
  let t: TestApp;
  let boards: ReturnType<typeof boardApi>;
  const sockets = new SocketPool(() => t.url);
  beforeAll(async () => {
    t = await createTestApp();
    boards = boardApi(t);
  });
  afterEach(() => sockets.closeAll());
  afterAll(() => t.close());

  type Person = Awaited<ReturnType<typeof newMember>>;
  const publicChannel = async (p: Person): Promise<MyChannel> =>
    (
      await t.http
        .post('/api/channels')
        .set(bearer(p.accessToken))
        .send({ name: `link-${clientId()}`, type: 'public' })
    ).body.channel as MyChannel;
  const post = async (p: Person, channelId: string, body = 'We should write this up'): Promise<Message> =>
    (await t.http.post(`/api/channels/${channelId}/messages`).set(bearer(p.accessToken)).send({ clientMsgId: clientId(), body })).body
      .message as Message;
  const cardIn = async (p: Person, title = 'Write-up'): Promise<{ card: Card; projectId: string }> => {
    const project = await boards.createProject(p.accessToken);
    const board = await boards.board(p.accessToken, project.id);
    return {
      card: await boards.createCard(p.accessToken, { projectId: project.id, columnId: board.columns[0]!.id, title }),
      projectId: project.id,
    };
  };
  const link = (p: Person, cardId: string, body: object) =>
    t.http.post(`/api/cards/${cardId}/source-message`).set(bearer(p.accessToken)).send(body);
  const messageOf = async (p: Person, id: string): Promise<Message> =>
    (await t.http.get(`/api/messages/${id}`).set(bearer(p.accessToken))).body.message as Message;

  it('an owner links a card: the card points to the message, channel members see the message with the card live, and the activity says so', async () => {
    const owner = await newMember(t);
    const reader = await newMember(t);
    const channel = await publicChannel(owner);
    expect(
      (await t.http.post(`/api/channels/${channel.id}/members`).set(bearer(owner.accessToken)).send({ userId: reader.user.id })).status,
    ).toBeLessThan(300);
    const message = await post(owner, channel.id);
    const { card } = await cardIn(owner);
    const socket = await sockets.connect(reader.accessToken);
    const updates = collect<{ message: Message }>(socket, 'message:updated');

    const res = await link(owner, card.id, { channelId: channel.id, messageId: message.id });
    expect(res.status).toBe(200);
    expect(res.body.card).toMatchObject({
      id: card.id,
      version: card.version,
      sourceMessage: { channelId: channel.id, messageId: message.id },
    });
    expect((await messageOf(reader, message.id)).cardId).toBe(card.id);
    await eventually(() => expect(updates.some((u) => u.message.id === message.id && u.message.cardId === card.id)).toBe(true));
    expect((await boards.card(owner.accessToken, card.id)).sourceMessage).toEqual({ channelId: channel.id, messageId: message.id });
    const activity = (await t.http.get(`/api/cards/${card.id}/activity`).set(bearer(owner.accessToken))).body.items as { kind: string }[];
    expect(activity.map((a) => a.kind)).toContain('card.linked');

    // asking again is harmless
    const again = await link(owner, card.id, { channelId: channel.id, messageId: message.id });
    expect(again.status).toBe(200);
  });

  it('a card linked elsewhere, or a message showing another card: 409 with a stable code, and nothing changes', async () => {
    const owner = await newMember(t);
    const channel = await publicChannel(owner);
    const first = await post(owner, channel.id, 'first');
    const second = await post(owner, channel.id, 'second');
    const a = await cardIn(owner, 'A');
    const b = await cardIn(owner, 'B');
    expect((await link(owner, a.card.id, { channelId: channel.id, messageId: first.id })).status).toBe(200);

    const cardTaken = await link(owner, a.card.id, { channelId: channel.id, messageId: second.id });
    expect(cardTaken.status).toBe(409);
    expect(cardTaken.body).toMatchObject({ code: 'CARD_ALREADY_LINKED', details: { sourceMessage: { messageId: first.id } } });
    expect((await messageOf(owner, second.id)).cardId ?? null).toBeNull();

    const messageTaken = await link(owner, b.card.id, { channelId: channel.id, messageId: first.id });
    expect(messageTaken.status).toBe(409);
    expect(messageTaken.body).toMatchObject({ code: 'MESSAGE_ALREADY_LINKED', details: { cardId: a.card.id } });
    expect((await boards.card(owner.accessToken, b.card.id)).sourceMessage).toBeNull();
    expect((await messageOf(owner, first.id)).cardId).toBe(a.card.id);

    // a card made from a message ("Create card…") counts as linked
    const board = await boards.board(owner.accessToken, b.projectId);
    const made = await boards.createCard(owner.accessToken, {
      projectId: b.projectId,
      columnId: board.columns[0]!.id,
      title: 'From chat',
      sourceMessage: { channelId: channel.id, messageId: second.id },
    });
    const third = await post(owner, channel.id, 'third');
    expect((await link(owner, made.id, { channelId: channel.id, messageId: third.id })).body.code).toBe('CARD_ALREADY_LINKED');
  });

  it('concurrently: two cards for one message, one card for two messages: exactly one link each way', async () => {
    const owner = await newMember(t);
    const channel = await publicChannel(owner);
    const message = await post(owner, channel.id);
    const cards = await Promise.all([cardIn(owner, 'R1'), cardIn(owner, 'R2'), cardIn(owner, 'R3')]);
    const results = await Promise.all(cards.map((c) => link(owner, c.card.id, { channelId: channel.id, messageId: message.id })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const winner = results.find((r) => r.status === 200)!.body.card as Card;
    expect((await messageOf(owner, message.id)).cardId).toBe(winner.id);
    for (const c of cards.filter((c) => c.card.id !== winner.id))
      expect((await boards.card(owner.accessToken, c.card.id)).sourceMessage).toBeNull();

    const m1 = await post(owner, channel.id, 'one');
    const m2 = await post(owner, channel.id, 'two');
    const lone = await cardIn(owner, 'Lone');
    const both = await Promise.all([m1, m2].map((m) => link(owner, lone.card.id, { channelId: channel.id, messageId: m.id })));
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const linkedTo = (await boards.card(owner.accessToken, lone.card.id)).sourceMessage!.messageId;
    const other = linkedTo === m1.id ? m2 : m1;
    // the loser's claim on its message was undone: that message shows no card
    await eventually(async () => expect((await messageOf(owner, other.id)).cardId ?? null).toBeNull());
    expect((await messageOf(owner, linkedTo)).cardId).toBe(lone.card.id);
  });

  it('only owners of the card’s project who may read the message: 403 for members and observers, 404 for strangers and unreadable messages', async () => {
    const owner = await newMember(t);
    const member = await newMember(t);
    const observer = await newMember(t);
    const stranger = await newMember(t);
    const { card, projectId } = await cardIn(owner);
    await boards.addMember(owner.accessToken, projectId, member.user.id, 'member');
    await boards.addMember(owner.accessToken, projectId, observer.user.id, 'observer');
    const channel = await publicChannel(stranger);
    for (const p of [owner, member, observer]) await t.http.post(`/api/channels/${channel.id}/join`).set(bearer(p.accessToken));
    const message = await post(stranger, channel.id);
    const body = { channelId: channel.id, messageId: message.id };

    for (const p of [member, observer]) {
      const res = await link(p, card.id, body);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
    }
    const notMine = await link(stranger, card.id, body);
    expect(notMine.status).toBe(404);
    expect(notMine.body.code).toBe('NOT_FOUND');

    // a private channel the owner is not in
    const secret = (
      await t.http
        .post('/api/channels')
        .set(bearer(stranger.accessToken))
        .send({ name: `secret-${clientId()}`, type: 'private' })
    ).body.channel as MyChannel;
    const hidden = await post(stranger, secret.id, 'not for you');
    const unreadable = await link(owner, card.id, { channelId: secret.id, messageId: hidden.id });
    expect(unreadable.status).toBe(404);
    expect((await messageOf(stranger, hidden.id)).cardId ?? null).toBeNull();

    // a deleted message
    const gone = await post(owner, channel.id, 'to be deleted');
    expect((await t.http.delete(`/api/messages/${gone.id}`).set(bearer(owner.accessToken))).status).toBeLessThan(300);
    expect((await link(owner, card.id, { channelId: channel.id, messageId: gone.id })).status).toBe(404);

    const anonymous = await t.http.post(`/api/cards/${card.id}/source-message`).send(body);
    expect(anonymous.status).toBe(401);
    expect((await boards.card(owner.accessToken, card.id)).sourceMessage).toBeNull();
  });

  it('bad input is a 400 with field errors, never a 500', async () => {
    const owner = await newMember(t);
    const channel = await publicChannel(owner);
    const message = await post(owner, channel.id);
    const other = await publicChannel(owner);
    const { card } = await cardIn(owner);
    const cases: [object, string][] = [
      [{}, 'messageId'],
      [{ channelId: channel.id, messageId: 'nope' }, 'messageId'],
      [{ channelId: 42, messageId: message.id }, 'channelId'],
      [{ channelId: channel.id, messageId: message.id, extra: true }, 'extra'],
      [{ channelId: other.id, messageId: message.id }, 'channelId'],
    ];
    for (const [body, field] of cases) {
      const res = await link(owner, card.id, body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect((res.body.details.fields as { field: string }[]).map((f) => f.field)).toContain(field);
    }
    expect(
      (
        await t.http
          .post('/api/cards/not-an-id/source-message')
          .set(bearer(owner.accessToken))
          .send({ channelId: channel.id, messageId: message.id })
      ).status,
    ).toBe(400);
    expect((await boards.card(owner.accessToken, card.id)).sourceMessage).toBeNull();
  });
});
