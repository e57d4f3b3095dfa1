import { randomBytes } from 'node:crypto';
import { OutboxService } from '../src/modules/mail/outbox.service';
import { startTestSmtp, type TestSmtp } from './support/smtp';
import { createTestApp, type TestApp } from './support/test-app';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Two API nodes on one database, both running the outbox worker: every mail leaves once (issue 11, "Several nodes"). */
describe('mail outbox on two nodes', () => {
  let node1: TestApp;
  let node2: TestApp;
  let smtp: TestSmtp;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    // a slow server, so both nodes' workers are busy at the same time
    smtp.dataDelayMs = 30;
    const shared = {
      SMTP_URL: smtp.url,
      MAIL_POLL_MS: '100',
      MAIL_CONCURRENCY: '4',
      JWT_SECRET: randomBytes(32).toString('hex'),
      MONGODB_DB: `t_mail2_${randomBytes(4).toString('hex')}`,
    };
    node1 = await createTestApp(shared);
    node2 = await createTestApp(shared);
  });
  afterAll(async () => {
    await node2.close();
    await node1.close();
    await smtp.stop();
  });

  it('60 mails queued on both nodes arrive exactly once each (counted by Message-ID), and the outbox says sent', async () => {
    const queued = Date.now();
    const enqueue = (t: TestApp, i: number) =>
      t.app.get(OutboxService).enqueue({
        kind: 'application.rejected',
        key: `two-nodes-${i}`,
        to: { email: `two${i}@nodes.example` },
        language: i % 2 ? 'lt' : 'en',
        data: { organisationName: `Node ${i}`, reason: 'test' },
      });
    await Promise.all(Array.from({ length: 60 }, (_, i) => enqueue(i % 2 ? node1 : node2, i)));
    // the same causes again, on the other node: nothing new
    await Promise.all(Array.from({ length: 60 }, (_, i) => enqueue(i % 2 ? node2 : node1, i)));

    const got = await smtp.waitForCount(60, (m) => m.to[0]?.endsWith('@nodes.example'), 60_000);
    await sleep(1500);
    const ours = smtp.received.filter((m) => m.to[0]?.endsWith('@nodes.example'));
    expect(ours).toHaveLength(60);
    expect(new Set(ours.map((m) => m.messageId)).size).toBe(60);
    expect(new Set(ours.map((m) => m.to[0])).size).toBe(60);
    const docs = await node1.connection
      .collection('mail_outbox')
      .find({ toEmail: { $regex: '@nodes\\.example$' } })
      .toArray();
    expect(docs).toHaveLength(60);
    expect(docs.every((d) => d['state'] === 'sent' && d['attempts'] === 1)).toBe(true);
    expect(got.length).toBe(60);
    expect(Date.now() - queued).toBeLessThan(60_000);
  });
});
