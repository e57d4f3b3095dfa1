import { randomBytes } from 'node:crypto';
import type { MyChannel } from '@klasteris/contracts';
import { startTestSmtp, type TestSmtp } from './support/smtp';
import { bearer, createTestApp, newMember, type TestApp } from './support/test-app';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Two API nodes on one database: the digest runs on one of them (lease `chat-digest`) and each person gets one digest. */
describe('chat digest on two nodes', () => {
  let node1: TestApp;
  let node2: TestApp;
  let smtp: TestSmtp;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    const shared = {
      SMTP_URL: smtp.url,
      MAIL_POLL_MS: '100',
      DIGEST_MINUTE_MS: '100',
      DIGEST_POLL_MS: '100',
      JWT_SECRET: randomBytes(32).toString('hex'),
      MONGODB_DB: `t_digest2_${randomBytes(4).toString('hex')}`,
    };
    node1 = await createTestApp(shared);
    node2 = await createTestApp(shared);
  });
  afterAll(async () => {
    await node2.close();
    await node1.close();
    await smtp.stop();
  });

  it('direct messages written on both nodes: one digest per person, with every message, from the lease holder', async () => {
    const sender = await newMember(node1);
    const people = await Promise.all(Array.from({ length: 6 }, () => newMember(node2)));
    for (const [i, p] of people.entries()) {
      const node = i % 2 ? node1 : node2;
      const ch = (
        await node.http
          .post('/api/channels/direct')
          .set(bearer(sender.accessToken))
          .send({ userIds: [p.user.id] })
      ).body.channel as MyChannel;
      for (const [j, n] of [node1, node2].entries()) {
        const res = await n.http
          .post(`/api/channels/${ch.id}/messages`)
          .set(bearer(sender.accessToken))
          .send({ clientMsgId: randomBytes(8).toString('hex'), body: `hello ${i} from node ${j + 1}` });
        expect(res.status).toBe(201);
      }
    }
    const mine = (m: { to: string[] }) => people.some((p) => m.to.includes(p.email));
    await smtp.waitForCount(people.length, mine, 30_000);
    await sleep(2500);
    const got = smtp.received.filter(mine);
    expect(got).toHaveLength(people.length);
    for (const [i, p] of people.entries()) {
      const mail = got.find((m) => m.to.includes(p.email))!;
      expect(mail.subject).toMatch(/^2 unread messages/);
      expect(mail.text).toContain(`hello ${i} from node 1`);
      expect(mail.text).toContain(`hello ${i} from node 2`);
    }
    const lease = await node1.connection.collection<{ _id: string; owner: string }>('leases').findOne({ _id: 'chat-digest' });
    expect(typeof lease?.owner).toBe('string');
  });
});
