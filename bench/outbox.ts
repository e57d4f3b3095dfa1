// Outbox: N invitations created through the API (each a mail in the outbox), delivered by the
// worker to a real SMTP server in this process (smtp-server). Measures mails per second and the
// delay from the request that caused a mail to the SMTP server's 250. Baseline in the same run:
// nodemailer sending the same number of messages straight to the same server over the same kind
// of pool (what delivery costs without the durable outbox).
import { createTransport } from 'nodemailer';
import { performance } from 'node:perf_hooks';
import { startTestSmtp } from '../apps/api/test/support/smtp';
import { api, envInt, login, stats, type Stats } from './lib';

export interface OutboxResult {
  mails: number;
  concurrency: number;
  enqueueSeconds: number;
  deliverySeconds: number;
  mailsPerSecond: number;
  causeToDeliveryMs: Stats;
  baselineMailsPerSecond: number;
  ratio: number;
  duplicates: number;
}

/** `startApi` for the scenario: gets the SMTP URL to send to. */
export type StartApi = (env: Record<string, string>) => Promise<{ url: string; stop(): Promise<void> }>;

export async function outboxScenario(startApi: StartApi): Promise<OutboxResult> {
  const n = envInt('BENCH_OUTBOX_MAILS', 300);
  const concurrency = envInt('BENCH_OUTBOX_CONCURRENCY', 4);
  const smtp = await startTestSmtp();
  try {
    const apiProc = await startApi({ SMTP_URL: smtp.url, MAIL_POLL_MS: '100', MAIL_CONCURRENCY: String(concurrency) });
    try {
      const orgAdmin = await login(apiProc.url, 'orgadmin@klasteris.demo');
      const orgs = await api<{ items: { id: string }[] }>(apiProc.url, 'GET', '/api/organisations?q=etronika');
      const org = orgs.body.items[0]!.id;
      const run = Date.now().toString(36);
      const causedAt = new Map<string, number>();
      const t0 = performance.now();
      const wall0 = Date.now();
      // 8 requests in flight at a time, as a busy portal would see
      let next = 0;
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          for (let i = next++; i < n; i = next++) {
            const email = `bench${i}.${run}@etronika.example`;
            causedAt.set(email, Date.now());
            const res = await api(apiProc.url, 'POST', `/api/organisations/${org}/invitations`, orgAdmin.token, { email });
            if (res.status !== 201) throw new Error(`invitation ${i}: ${res.status} ${JSON.stringify(res.body)}`);
          }
        }),
      );
      const enqueueSeconds = (performance.now() - t0) / 1000;
      const ours = (): typeof smtp.received => smtp.received.filter((m) => m.to[0]?.endsWith(`.${run}@etronika.example`));
      await smtp.waitForCount(n, (m) => m.to[0]?.endsWith(`.${run}@etronika.example`) ?? false, 300_000);
      const got = ours();
      const last = Math.max(...got.map((m) => m.receivedAt));
      const deliverySeconds = (last - wall0) / 1000;
      const delays = got.map((m) => m.receivedAt - (causedAt.get(m.to[0]!) ?? m.receivedAt));

      // baseline: the same number of messages straight through nodemailer's pool
      const transport = createTransport({ pool: true, url: smtp.url, maxConnections: concurrency, maxMessages: 500 });
      const b0 = performance.now();
      await Promise.all(
        Array.from({ length: n }, (_, i) =>
          transport.sendMail({
            from: 'bench@klasteris.example',
            to: `base${i}.${run}@baseline.example`,
            subject: 'Baseline',
            text: 'Baseline message',
            html: '<p>Baseline message</p>',
          }),
        ),
      );
      const baselineSeconds = (performance.now() - b0) / 1000;
      transport.close();

      const mailsPerSecond = Math.round((n / deliverySeconds) * 10) / 10;
      const baselineMailsPerSecond = Math.round((n / baselineSeconds) * 10) / 10;
      return {
        mails: n,
        concurrency,
        enqueueSeconds: Math.round(enqueueSeconds * 100) / 100,
        deliverySeconds: Math.round(deliverySeconds * 100) / 100,
        mailsPerSecond,
        causeToDeliveryMs: stats(delays),
        baselineMailsPerSecond,
        ratio: Math.round((mailsPerSecond / baselineMailsPerSecond) * 100) / 100,
        duplicates: got.length - new Set(got.map((m) => m.messageId)).size,
      };
    } finally {
      await apiProc.stop();
    }
  } finally {
    await smtp.stop();
  }
}
