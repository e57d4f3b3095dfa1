import { randomBytes } from 'node:crypto';
import { MongoClient } from 'mongodb';
import type { Socket } from 'socket.io-client';
import type { Message, MyChannel } from '@klasteris/contracts';
import { ApiProcess, startApiProcess } from './api-process';
import { api, catchUp, eventually, Sender, signIn, sleep } from './chaos-client';
import { FerretDbProcess } from './ferretdb-process';

/**
 * The database is killed (-9) during a send storm and started again a few seconds later, under a
 * running API node with its own FerretDB. Health turns 503 (naming the database) and back to 200;
 * clients resend unacked messages with the same clientMsgId (on ack timeouts and on the 503
 * SERVICE_UNAVAILABLE the API answers while the database is away); every acked message is stored
 * exactly once and readable in seq order; live delivery never duplicates.
 */

const PER_SENDER = 15;

interface Health {
  code?: string;
  status?: string;
  details?: { checks?: Record<string, { status: string }> };
}

describe('chaos: restart the database during a send storm', () => {
  const db = new FerretDbProcess();
  let node: ApiProcess | undefined;
  let mongo: MongoClient | undefined;
  const sockets: Socket[] = [];
  const dbName = `t_dbrestart_${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    await db.start();
    node = await startApiProcess({ MONGODB_URI: db.uri, MONGODB_DB: dbName, JWT_SECRET: randomBytes(32).toString('hex') });
  });

  afterAll(async () => {
    sockets.splice(0).forEach((s) => s.close());
    await mongo?.close();
    await node?.stop();
    await db.dispose();
  });

  it('health turns 503 and back; unacked sends are retried with the same clientMsgId; every acked message is stored exactly once', async () => {
    const url = node!.url;
    const users = await Promise.all(
      ['member@klasteris.demo', 'member2@klasteris.demo', 'orgadmin@klasteris.demo'].map((e) => signIn(url, e)),
    );
    const receiverUser = await signIn(url, 'egle@klasteris.demo');
    const owner = users[0]!;
    const created = await api<{ channel: MyChannel }>(url, 'POST', '/api/channels', owner.token, {
      name: `db-restart-${Date.now()}`,
      type: 'private',
    });
    expect(created.status).toBe(201);
    const channelId = created.body.channel.id;
    for (const u of [...users.slice(1), receiverUser]) {
      expect((await api(url, 'POST', `/api/channels/${channelId}/members`, owner.token, { userId: u.userId })).status).toBeLessThan(300);
    }
    expect((await api(url, 'GET', '/api/health')).status).toBe(200);

    const senders = users.map((u) => new Sender(u.token, () => url, sockets, 3000));
    await Promise.all(senders.map((s) => s.connect(url)));
    const receiver = new Sender(receiverUser.token, () => url, sockets);
    await receiver.connect(url);

    const prefix = `dbr${randomBytes(3).toString('hex')}`;
    const acked: Message[] = [];
    const healthSeen: { down?: Health; downStatus?: number; upStatus?: number } = {};
    const outage: { done?: Promise<void> } = {};
    const restart = async (): Promise<void> => {
      await db.crash();
      await eventually(async () => {
        const h = await api<Health>(url, 'GET', '/api/health');
        healthSeen.downStatus = h.status;
        healthSeen.down = h.body;
        expect(h.status).toBe(503);
      }, 20_000);
      await sleep(2000); // the outage lasts a moment longer while the storm goes on
      await db.start();
      await eventually(async () => {
        const h = await api<Health>(url, 'GET', '/api/health');
        healthSeen.upStatus = h.status;
        expect(h.status).toBe(200);
      }, 60_000);
    };
    const storm = senders.map(async (s, i) => {
      for (let k = 0; k < PER_SENDER; k++) {
        const clientMsgId = `${prefix}-${i}-${String(k).padStart(3, '0')}`;
        acked.push(await s.send({ channelId, clientMsgId, body: `storm ${i}/${k}` }, 90_000));
        if (!outage.done && acked.length >= 9) outage.done = restart();
        await sleep(150);
      }
    });
    await Promise.all(storm);
    expect(outage.done).toBeDefined();
    await outage.done;

    // Health named the database while it was away, and came back.
    expect(healthSeen.downStatus).toBe(503);
    expect(healthSeen.down?.code).toBe('SERVICE_UNAVAILABLE');
    expect(healthSeen.down?.details?.checks?.['database']?.status).toBe('down');
    expect(healthSeen.upStatus).toBe(200);
    // The outage reached the clients: some sends went unacked or were answered 503 and were resent.
    const retried = senders.reduce((n, s) => n + (s.retries['timeout'] ?? 0) + (s.retries['SERVICE_UNAVAILABLE'] ?? 0), 0);
    expect(retried).toBeGreaterThan(0);

    // Acked exactly once each, stored exactly once each.
    const total = senders.length * PER_SENDER;
    const ackedIds = acked.map((m) => m.clientMsgId);
    expect(new Set(ackedIds).size).toBe(total);
    mongo = await new MongoClient(db.uri).connect();
    const stored = await mongo
      .db(dbName)
      .collection('messages')
      .aggregate<{ _id: string; n: number }>([
        { $match: { channelId: { $exists: true } } },
        { $group: { _id: '$clientMsgId', n: { $sum: 1 } } },
      ])
      .toArray();
    const ours = stored.filter((r) => typeof r._id === 'string' && r._id.startsWith(prefix));
    expect(ours.map((r) => r._id).sort()).toEqual([...ackedIds].sort());
    expect(ours.filter((r) => r.n !== 1)).toEqual([]);

    // Readable in seq order once the watermark has passed seqs reserved but never written during the
    // outage (the repair job voids them after 3 s): exactly the acked messages, no gap, no duplicate.
    await eventually(async () => {
      const history = (await catchUp(url, receiverUser.token, channelId, 0)).filter((m) => m.clientMsgId?.startsWith(prefix));
      expect(history.map((m) => m.clientMsgId).sort()).toEqual([...ackedIds].sort());
      const seqs = history.map((m) => m.seq);
      expect(seqs).toEqual([...new Set(seqs)].sort((x, y) => x - y));
    }, 30_000);
    const liveIds = receiver.live.filter((m) => m.clientMsgId.startsWith(prefix)).map((m) => m.clientMsgId);
    expect(liveIds.length).toBe(new Set(liveIds).size);
  });
});
