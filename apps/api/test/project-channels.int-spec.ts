import type { Message, MyChannel } from '@klasteris/contracts';
import { bearer, createTestApp, newMember, TestApp } from './support/test-app';
import { clientId, eventually, sleep } from './support/sockets';

describe('project channels and cards made from messages', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const channelsOf = async (token: string): Promise<MyChannel[]> => (await t.http.get('/api/channels').set(bearer(token))).body.items;

  it('each project gets a private channel of its members, kept in step as they come and go', async () => {
    const owner = await newMember(t);
    const colleague = await newMember(t);
    const created = await t.http.post('/api/projects').set(bearer(owner.accessToken)).send({ name: 'Rinkos tyrimas: Jungtinė Karalystė' });
    expect(created.status).toBe(201);
    const projectId = created.body.project.id as string;
    let channel: MyChannel | undefined;
    await eventually(async () => {
      channel = (await channelsOf(owner.accessToken)).find((c) => c.projectId === projectId);
      expect(channel).toMatchObject({ type: 'private', role: 'owner', topic: 'Rinkos tyrimas: Jungtinė Karalystė' });
    });
    expect(channel!.name).toMatch(/^rinkos-tyrimas-jungtine-karalyste-[0-9a-f]{4}$/);
    expect((await t.http.get(`/api/projects/${projectId}`).set(bearer(owner.accessToken))).body.project.channelId).toBe(channel!.id);

    expect(
      (
        await t.http
          .post(`/api/projects/${projectId}/members`)
          .set(bearer(owner.accessToken))
          .send({ userId: colleague.user.id, role: 'member' })
      ).status,
    ).toBeLessThan(300);
    await eventually(async () => expect((await channelsOf(colleague.accessToken)).map((c) => c.id)).toContain(channel!.id));

    expect(
      (await t.http.delete(`/api/projects/${projectId}/members/${colleague.user.id}`).set(bearer(owner.accessToken))).status,
    ).toBeLessThan(300);
    await eventually(async () => expect((await channelsOf(colleague.accessToken)).map((c) => c.id)).not.toContain(channel!.id));
  });

  it('a card made from a message shows on that message', async () => {
    const owner = await newMember(t);
    const project = (await t.http.post('/api/projects').set(bearer(owner.accessToken)).send({ name: 'Card from chat' })).body.project as {
      id: string;
    };
    let channelId = '';
    await eventually(async () => {
      channelId = (await t.http.get(`/api/projects/${project.id}`).set(bearer(owner.accessToken))).body.project.channelId as string;
      expect(channelId).toBeTruthy();
    });
    const message = (
      await t.http
        .post(`/api/channels/${channelId}/messages`)
        .set(bearer(owner.accessToken))
        .send({ clientMsgId: clientId(), body: 'We should draft the pricing' })
    ).body.message as Message;
    const board = (await t.http.get(`/api/projects/${project.id}/board`).set(bearer(owner.accessToken))).body as {
      columns: { id: string }[];
    };
    const card = await t.http
      .post('/api/cards')
      .set(bearer(owner.accessToken))
      .send({
        projectId: project.id,
        columnId: board.columns[0]!.id,
        title: 'Draft the pricing',
        sourceMessage: { channelId, messageId: message.id },
      });
    expect(card.status).toBe(201);
    await eventually(async () =>
      expect((await t.http.get(`/api/messages/${message.id}`).set(bearer(owner.accessToken))).body.message.cardId).toBe(card.body.card.id),
    );
  });

  it("nobody replaces the card link of a message: a second person's card (also made concurrently) leaves the first one shown (issue 14 F8)", async () => {
    const author = await newMember(t);
    const channel = (
      await t.http
        .post('/api/channels')
        .set(bearer(author.accessToken))
        .send({ name: `f8-public-${Date.now()}`, type: 'public' })
    ).body.channel as MyChannel;
    const message = (
      await t.http
        .post(`/api/channels/${channel.id}/messages`)
        .set(bearer(author.accessToken))
        .send({ clientMsgId: clientId(), body: 'Someone should write this up' })
    ).body.message as Message;
    const people = [await newMember(t), await newMember(t), await newMember(t)];
    const projects = await Promise.all(
      people.map(async (p, i) => {
        const project = (
          await t.http
            .post('/api/projects')
            .set(bearer(p.accessToken))
            .send({ name: `F8 project ${i}` })
        ).body.project as { id: string };
        const board = (await t.http.get(`/api/projects/${project.id}/board`).set(bearer(p.accessToken))).body as {
          columns: { id: string }[];
        };
        return { token: p.accessToken, projectId: project.id, columnId: board.columns[0]!.id };
      }),
    );
    const makeCard = (p: (typeof projects)[number], title: string) =>
      t.http
        .post('/api/cards')
        .set(bearer(p.token))
        .send({ projectId: p.projectId, columnId: p.columnId, title, sourceMessage: { channelId: channel.id, messageId: message.id } });
    const cardIdOf = async () =>
      (await t.http.get(`/api/messages/${message.id}`).set(bearer(author.accessToken))).body.message.cardId as string | null;

    const first = await makeCard(projects[0]!, 'First write-up');
    expect(first.status).toBe(201);
    await eventually(async () => expect(await cardIdOf()).toBe(first.body.card.id));

    const second = await makeCard(projects[1]!, 'Hijack');
    expect(second.status).toBe(201); // anyone who reads the message may cite it on their own card
    await sleep(400); // the link is set by an asynchronous listener: give a replacement every chance
    expect(await cardIdOf()).toBe(first.body.card.id);

    // concurrently, on a fresh message: exactly one of the two cards is linked, and stays linked
    const fresh = (
      await t.http
        .post(`/api/channels/${channel.id}/messages`)
        .set(bearer(author.accessToken))
        .send({ clientMsgId: clientId(), body: 'Race for it' })
    ).body.message as Message;
    const race = (p: (typeof projects)[number], title: string) =>
      t.http
        .post('/api/cards')
        .set(bearer(p.token))
        .send({ projectId: p.projectId, columnId: p.columnId, title, sourceMessage: { channelId: channel.id, messageId: fresh.id } });
    const [a, b] = await Promise.all([race(projects[1]!, 'Racer B'), race(projects[2]!, 'Racer C')]);
    expect([a.status, b.status]).toEqual([201, 201]);
    const freshCard = async () =>
      (await t.http.get(`/api/messages/${fresh.id}`).set(bearer(author.accessToken))).body.message.cardId as string | null;
    await eventually(async () => expect([a.body.card.id, b.body.card.id]).toContain(await freshCard()));
    const winner = await freshCard();
    await sleep(400);
    expect(await freshCard()).toBe(winner);
  });
});
