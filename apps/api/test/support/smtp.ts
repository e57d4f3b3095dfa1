import { simpleParser, type ParsedMail } from 'mailparser';
import { createServer } from 'node:net';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

export interface ReceivedMail {
  /** envelope recipients (RCPT TO) */
  to: string[];
  from: string;
  messageId: string;
  subject: string;
  text: string;
  html: string;
  raw: string;
  parsed: ParsedMail;
  header(name: string): string | undefined;
  /** the first absolute link in the text part that starts with `prefix` */
  link(prefix: string): string;
  receivedAt: number;
}

export interface TestSmtp {
  port: number;
  url: string;
  received: ReceivedMail[];
  /** the SMTP answer to RCPT TO for an address (e.g. 550 for bounce@…, 451 for busy@…); null = accept */
  rcptAnswer: (address: string) => { code: number; message: string } | null;
  /** delay before answering 250 to a message's data (simulates a slow server) */
  dataDelayMs: number;
  waitFor(pred: (m: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  waitForCount(n: number, pred?: (m: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail[]>;
  /** stops listening and drops every connection: clients now get "connection refused" */
  down(): Promise<void>;
  /** listens again on the same port */
  up(): Promise<void>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((ok) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => ok(port));
    });
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * A real SMTP server in the test process (smtp-server), every accepted message parsed with
 * mailparser. A message counts as received only once the server has answered 250 on a connection
 * that is still open — what a real server would have taken responsibility for.
 */
export async function startTestSmtp(fixedPort?: number): Promise<TestSmtp> {
  const port = fixedPort ?? (await freePort());
  const closed = new Set<string>();
  let server: SMTPServer | null = null;
  const smtp: TestSmtp = {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received: [],
    rcptAnswer: () => null,
    dataDelayMs: 0,
    async waitFor(pred, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const hit = smtp.received.find(pred);
        if (hit) return hit;
        if (Date.now() > deadline)
          throw new Error(
            `no such mail within ${timeoutMs} ms; received: ${smtp.received.map((m) => `${m.to.join(',')} "${m.subject}"`).join('; ') || 'none'}`,
          );
        await sleep(50);
      }
    },
    async waitForCount(n, pred = () => true, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const hits = smtp.received.filter(pred);
        if (hits.length >= n) return hits;
        if (Date.now() > deadline) throw new Error(`only ${hits.length} of ${n} mails within ${timeoutMs} ms`);
        await sleep(50);
      }
    },
    async down() {
      const s = server;
      server = null;
      if (s) await new Promise<void>((ok) => s.close(() => ok()));
    },
    async up() {
      const s = make();
      server = s;
      // A client that vanishes mid-conversation (a node killed -9) resets its connection; smtp-server
      // reports that on the server object, and with no listener left it would be an uncaught error.
      s.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code !== 'ECONNRESET' && err.code !== 'EPIPE') console.warn(`test SMTP server: ${err.message}`);
      });
      await new Promise<void>((ok, fail) => {
        s.once('error', fail);
        s.listen(port, '127.0.0.1', () => {
          s.off('error', fail);
          ok();
        });
      });
    },
    stop() {
      return smtp.down();
    },
  };
  const make = (): SMTPServer =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      closeTimeout: 50,
      logger: false,
      onRcptTo(address, _session, cb) {
        const answer = smtp.rcptAnswer(address.address);
        if (!answer) return cb();
        cb(Object.assign(new Error(answer.message), { responseCode: answer.code }));
      },
      onClose(session: SMTPServerSession) {
        closed.add(session.id);
      },
      onData(stream, session, cb) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          const to = session.envelope.rcptTo.map((r) => r.address);
          const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
          void (async () => {
            if (smtp.dataDelayMs > 0) await sleep(smtp.dataDelayMs);
            if (closed.has(session.id)) return cb(new Error('connection closed'));
            const parsed = await simpleParser(raw);
            const text = parsed.text ?? '';
            smtp.received.push({
              to,
              from,
              messageId: parsed.messageId ?? '',
              subject: parsed.subject ?? '',
              text,
              html: typeof parsed.html === 'string' ? parsed.html : '',
              raw,
              parsed,
              header: (name) => {
                const v = parsed.headerLines.find((h) => h.key === name.toLowerCase());
                return v ? v.line.slice(v.line.indexOf(':') + 1).trim() : undefined;
              },
              link: (prefix) => {
                const m = text.match(new RegExp(`${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^\\s)>]*`));
                if (!m) throw new Error(`no link starting with ${prefix} in: ${text}`);
                return m[0];
              },
              receivedAt: Date.now(),
            });
            cb();
          })();
        });
      },
    });
  await smtp.up();
  return smtp;
}
