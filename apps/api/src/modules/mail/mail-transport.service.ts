import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { join } from 'node:path';
import { createTransport, type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { AppConfig } from '../../config/app-config';
import { classifySmtpError, type SmtpFailure } from './delivery-policy';
import { Mailpit } from './mailpit';
import type { LeanOutboxMail } from './outbox-mail.schema';

export interface MailerStatus {
  mode: 'smtp' | 'mailpit' | 'disabled';
  /** host:port mails go to (no credentials) */
  target: string | null;
  /** the demo mail catcher's web UI */
  webUrl: string | null;
  up: boolean;
  message?: string;
}

export type DeliveryResult = { ok: true; response: string } | ({ ok: false } & SmtpFailure);

/**
 * The SMTP side of the outbox: one pooled nodemailer transport to SMTP_URL, or — in demo mode
 * without SMTP_URL — to the Mailpit it starts. Sends one stored mail exactly as stored (its
 * Message-ID included) and reports the server's answer; it never throws for a delivery problem.
 */
@Injectable()
export class MailTransportService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Mail');
  private transporter: Transporter<SMTPPool.SentMessageInfo, SMTPPool.Options> | null = null;
  private mailpit: Mailpit | null = null;
  private target: string | null = null;
  private problem: string | undefined;

  constructor(private readonly config: AppConfig) {}

  get enabled(): boolean {
    return this.transporter !== null;
  }

  async onModuleInit(): Promise<void> {
    const mail = this.config.mail;
    if (mail.mode === 'disabled') {
      this.logger.warn('MAIL_DISABLED=true: mails are kept in the outbox and not sent.');
      return;
    }
    let url = mail.smtpUrl;
    if (mail.mode === 'mailpit') {
      this.mailpit = new Mailpit({
        dataDir: join(this.config.dataDir, 'mailpit'),
        binary: mail.mailpitBin,
        uiPort: mail.mailpitPort,
        log: (l) => this.logger.log(l),
      });
      try {
        await this.mailpit.start();
      } catch (err) {
        this.problem = `the demo mail catcher did not start: ${(err as Error).message.split('\n')[0] ?? ''}`;
        this.logger.warn(`${this.problem}. Mails stay in the outbox.`);
        this.mailpit = null;
        return;
      }
      url = `smtp://127.0.0.1:${this.mailpit.smtpPort}`;
    }
    if (!url) return;
    const parsed = new URL(url);
    this.target = `${parsed.hostname}:${parsed.port || (parsed.protocol === 'smtps:' ? '465' : '587')}`;
    const timeoutMs = Math.max(2000, Math.floor((mail.leaseSeconds * 1000) / 3));
    this.transporter = createTransport({
      pool: true,
      url,
      maxConnections: mail.concurrency,
      maxMessages: 500,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
      ...(mail.mode === 'mailpit' ? { ignoreTLS: true } : {}),
    });
  }

  /** Logged at start-up by main.ts, after the app listens. */
  describe(): string {
    const s = this.status();
    if (s.mode === 'mailpit' && s.webUrl) return `Mail catcher (Mailpit): every mail the portal sends is at ${s.webUrl}`;
    if (s.mode === 'smtp') return `Mail goes to ${s.target} as ${this.config.mail.from}`;
    return s.message ? `Mail: ${s.message}` : 'Mail is disabled: mails stay in the outbox.';
  }

  status(): MailerStatus {
    const mode = this.config.mail.mode;
    if (mode === 'disabled') return { mode, target: null, webUrl: null, up: true, message: 'disabled (MAIL_DISABLED=true)' };
    if (!this.transporter) return { mode, target: null, webUrl: null, up: false, message: this.problem ?? 'not started' };
    return { mode, target: this.target, webUrl: this.mailpit ? this.mailpit.webUrl : null, up: this.mailpit ? this.mailpit.running : true };
  }

  async send(mail: LeanOutboxMail): Promise<DeliveryResult> {
    if (!this.transporter) return { ok: false, permanent: false, response: this.problem ?? 'mailer not available' };
    const ics = mail.attachments.find((a) => a.icsMethod);
    try {
      const info = await this.transporter.sendMail({
        from: this.config.mail.from,
        to: mail.toName ? { name: mail.toName, address: mail.toEmail } : mail.toEmail,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
        date: mail.createdAt,
        headers: mail.headers,
        ...(ics ? { icalEvent: { method: ics.icsMethod ?? 'PUBLISH', filename: ics.filename, content: ics.content } } : {}),
        attachments: mail.attachments
          .filter((a) => a !== ics)
          .map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
        disableFileAccess: true,
        disableUrlAccess: true,
      });
      return { ok: true, response: info.response };
    } catch (err) {
      return { ok: false, ...classifySmtpError(err) };
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.transporter?.close();
    await this.mailpit?.stop();
  }
}
