import { randomBytes } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { startTestSmtp, type TestSmtp } from '../support/smtp';
import { ApiProcess, startApiProcess } from './api-process';
import { api, eventually, signIn } from './chaos-client';

/**
 * kill -9 the API node while its outbox worker holds claimed mails in the middle of SMTP
 * conversations (a slow server). Nothing is lost: once the leases expire, the other node sends
 * every mail; none arrives twice (counted by Message-ID).
 */
describe('chaos: kill -9 the API with mails claimed', () => {
  let a: ApiProcess | undefined;
  let b: ApiProcess | undefined;
  let smtp: TestSmtp;
  let mongo: MongoClient;
  const dbName = `t_chaos_mail_${randomBytes(4).toString('hex')}`;
  const N = 12;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    mongo = await new MongoClient(process.env['MONGODB_URI']!).connect();
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await smtp?.stop();
    await mongo
      ?.db(dbName)
      .dropDatabase()
      .catch(() => undefined);
    await mongo?.close();
  });

  it('every mail claimed by the dead node is sent by the other, each exactly once', async () => {
    const env = {
      MONGODB_URI: process.env['MONGODB_URI']!,
      MONGODB_DB: dbName,
      JWT_SECRET: randomBytes(32).toString('hex'),
      SMTP_URL: smtp.url,
      MAIL_POLL_MS: '200',
      MAIL_LEASE_SECONDS: '5',
      MAIL_CONCURRENCY: '4',
    };
    // the server takes 20 s to accept each message: node A's worker will be mid-conversation when it dies
    smtp.dataDelayMs = 20_000;
    a = await startApiProcess(env);
    const orgAdmin = await signIn(a.url, 'orgadmin@klasteris.demo');
    const orgs = await api<{ items: { id: string }[] }>(a.url, 'GET', '/api/organisations?q=etronika');
    const etronika = orgs.body.items[0].id;
    const run = randomBytes(3).toString('hex');
    for (let i = 0; i < N; i++) {
      const res = await api(a.url, 'POST', `/api/organisations/${etronika}/invitations`, orgAdmin.token, {
        email: `chaos${i}.${run}@etronika.example`,
      });
      expect(res.status).toBe(201);
    }
    const outbox = mongo.db(dbName).collection('mail_outbox');
    const ours = { toEmail: { $regex: `\\.${run}@etronika\\.example$` } };
    await eventually(async () => expect(await outbox.countDocuments({ ...ours, state: 'sending' })).toBeGreaterThan(0), 20_000);

    await a.crash();
    a = undefined;
    expect(smtp.received.filter((m) => m.to[0]?.endsWith(`.${run}@etronika.example`))).toHaveLength(0);

    smtp.dataDelayMs = 0;
    b = await startApiProcess(env);
    await eventually(async () => expect(await outbox.countDocuments({ ...ours, state: 'sent' })).toBe(N), 60_000);
    await new Promise((r) => setTimeout(r, 2000));
    const got = smtp.received.filter((m) => m.to[0]?.endsWith(`.${run}@etronika.example`));
    expect(got).toHaveLength(N);
    expect(new Set(got.map((m) => m.messageId)).size).toBe(N);
  });
});
