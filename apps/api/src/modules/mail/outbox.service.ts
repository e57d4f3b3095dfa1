import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { Types } from 'mongoose';
import { DateTime } from 'luxon';
import {
  ErrorCode,
  isDeliverableAddress,
  MAIL_PREFERENCES_PATH,
  type Language,
  type MailKind,
  type MailState,
  type OutboxMail,
  type OutboxMailDetail,
  type OutboxPage,
} from '@klasteris/contracts';
import { ApiException, notFound } from '../../common/api-exception';
import { toPage } from '../../common/pagination';
import { AppConfig } from '../../config/app-config';
import { GIVE_UP_AFTER_MS } from './delivery-policy';
import { MailUnsubscribedEvent } from './mail.events';
import type { MailContext, MailTemplate } from './render/blocks';
import { oneLine } from './render/escape';
import { layOut } from './render/layout';
import { MAIL_TEMPLATES, type MailData } from './templates';
import type { LeanOutboxMail, StoredAttachment } from './outbox-mail.schema';
import { MailTransportService } from './mail-transport.service';
import { OutboxRepository } from './outbox.repository';
import { OutboxWakeup } from './outbox-wakeup';
import { PreferencesService } from '../preferences/preferences.service';
import { UnsubscribeTokens, type UnsubscribeClaim } from './unsubscribe-token';

export interface MailRecipient {
  email: string;
  name?: string | null;
  /** the account, when the recipient has one (unsubscribe, admin view) */
  userId?: string | null;
}

export interface MailAttachment {
  filename: string;
  contentType?: string;
  content: string;
  /** an ICS invitation (METHOD:REQUEST / CANCEL): also sent as the text/calendar alternative */
  icsMethod?: 'REQUEST' | 'CANCEL' | 'PUBLISH';
}

export interface EnqueueMail<K extends MailKind> {
  kind: K;
  /**
   * What caused the mail, e.g. the invitation's or booking's id plus a version. The outbox key is
   * `kind:key:recipient`: enqueueing the same cause again for the same address stores nothing new.
   */
  key: string;
  to: MailRecipient;
  language: Language;
  data: MailData<K>;
  attachments?: MailAttachment[];
  /** not before this moment (reminders, digests); default now */
  sendAt?: Date;
}

export interface Enqueued {
  id: string;
  created: boolean;
  state: MailState;
}

const toOutboxMail = (m: LeanOutboxMail): OutboxMail => ({
  id: m._id.toHexString(),
  kind: m.kind,
  to: { email: m.toEmail, name: m.toName, userId: m.toUserId ? m.toUserId.toHexString() : null },
  language: m.language,
  subject: m.subject,
  state: m.state,
  attempts: m.attempts,
  lastResponse: m.lastResponse,
  messageId: m.messageId,
  nextAttemptAt: m.nextAttemptAt ? m.nextAttemptAt.toISOString() : null,
  sentAt: m.sentAt ? m.sentAt.toISOString() : null,
  createdAt: m.createdAt.toISOString(),
});

/**
 * The durable outbox: every mail is first a document, rendered in the recipient's language when it
 * is queued, then delivered by the OutboxWorker. `enqueue` is the one way the app sends mail:
 *
 *   await this.outbox.enqueue({ kind: 'invitation', key: invitationId, to: { email, name },
 *                               language: 'lt', data: { inviterName, organisationName, … } });
 *
 * It never throws: a mail that cannot be stored or delivered never fails the request that caused
 * it (an invalid address is stored as failed, a suppressed one as suppressed, a database error is
 * logged).
 */
@Injectable()
export class OutboxService {
  private readonly logger = new Logger('Outbox');
  readonly unsubscribeTokens: UnsubscribeTokens;
  private readonly host: string;

  constructor(
    private readonly repo: OutboxRepository,
    private readonly config: AppConfig,
    private readonly wakeup: OutboxWakeup,
    private readonly events: EventEmitter2,
    private readonly transport: MailTransportService,
    private readonly prefs: PreferencesService,
  ) {
    this.unsubscribeTokens = new UnsubscribeTokens(config.jwtSecret);
    this.host = new URL(config.publicUrl).hostname || 'klasteris.local';
  }

  async enqueue<K extends MailKind>(mail: EnqueueMail<K>): Promise<Enqueued | null> {
    try {
      return await this.store(mail);
    } catch (err) {
      this.logger.error(`Could not queue ${mail.kind} mail to ${mail.to.email}: ${(err as Error).message}`);
      return null;
    }
  }

  private async store<K extends MailKind>(mail: EnqueueMail<K>): Promise<Enqueued> {
    const email = mail.to.email.trim().toLowerCase();
    const template = MAIL_TEMPLATES[mail.kind] as MailTemplate<MailData<K>>;
    const name = mail.to.name ? oneLine(mail.to.name, 80) : null;
    const userId = mail.to.userId ?? null;
    const ctx = this.context(mail.language, name);
    const unsubscribe = template.essential ? null : this.unsubscribeUrl({ email, kind: mail.kind, userId });
    const laid = layOut(template.render(mail.data, ctx), ctx, unsubscribe);
    const deliverable = isDeliverableAddress(email);
    // one source of truth per recipient: an account's notification preferences; an address without
    // an account (an invitee, an applicant) its one-click unsubscribes
    const suppressed =
      deliverable &&
      !template.essential &&
      (userId ? !(await this.prefs.emailAllowed(userId, mail.kind)) : await this.repo.isSuppressed(email, mail.kind));
    const state: MailState = !deliverable ? 'failed' : suppressed ? 'suppressed' : 'queued';
    const id = new Types.ObjectId();
    const now = new Date();
    const headers: Record<string, string> = { 'X-Klasteris-Kind': mail.kind };
    if (unsubscribe) {
      headers['List-Unsubscribe'] = `<${unsubscribe}>`;
      headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
    }
    const { mail: stored, created } = await this.repo.insertOnce({
      _id: id,
      key: `${mail.kind}:${oneLine(mail.key, 300)}:${email}`,
      kind: mail.kind,
      toEmail: email,
      toName: name,
      toUserId: userId,
      language: mail.language,
      subject: laid.subject,
      html: laid.html,
      text: laid.text,
      headers,
      attachments: (mail.attachments ?? []).map((a): StoredAttachment => ({
        filename: oneLine(a.filename, 100),
        contentType: a.contentType ?? (a.icsMethod ? `text/calendar; charset=utf-8; method=${a.icsMethod}` : 'application/octet-stream'),
        content: a.content,
        icsMethod: a.icsMethod ?? null,
      })),
      messageId: `<${id.toHexString()}.${mail.kind.replace(/[^a-z0-9]+/g, '-')}@${this.host}>`,
      state,
      nextAttemptAt: state === 'queued' ? (mail.sendAt ?? now) : null,
      giveUpAt: new Date((mail.sendAt ?? now).getTime() + GIVE_UP_AFTER_MS),
      ...(deliverable ? {} : { lastResponse: 'not sent: the address is not a deliverable e-mail address' }),
    });
    if (created && state === 'queued') this.wakeup.wake();
    return { id: stored._id.toHexString(), created, state: stored.state };
  }

  private context(language: Language, recipientName: string | null): MailContext {
    const publicUrl = this.config.publicUrl;
    const locale = language === 'lt' ? 'lt-LT' : 'en-GB';
    return {
      language,
      clusterName: this.config.mail.clusterName,
      publicUrl,
      recipientName,
      url: (path) => `${publicUrl}${path.startsWith('/') ? path : `/${path}`}`,
      dateTime: (at, timeZone = 'Europe/Vilnius') =>
        DateTime.fromJSDate(typeof at === 'string' ? new Date(at) : at, { zone: timeZone })
          .setLocale(locale)
          .toLocaleString({ ...DateTime.DATETIME_MED, timeZoneName: 'short' }),
    };
  }

  unsubscribeUrl(claim: UnsubscribeClaim): string {
    return `${this.config.publicUrl}/api/mail/unsubscribe?token=${this.unsubscribeTokens.sign(claim)}`;
  }

  /** Where the footer link of a signed-in recipient leads: the kind's setting. */
  preferencesUrl(kind: MailKind): string {
    return `${this.config.publicUrl}${MAIL_PREFERENCES_PATH}?kind=${encodeURIComponent(kind)}`;
  }

  /**
   * One-click unsubscribe. A mail to an account turns e-mail off for the kind's topics in that
   * person's notification preferences (what the preferences page shows and changes back); a mail to
   * an address without an account suppresses the kind for that address (until resubscribed).
   */
  async unsubscribe(token: string): Promise<UnsubscribeClaim> {
    const claim = this.unsubscribeTokens.verify(token);
    if (!claim) throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.MailTokenInvalid, 'This unsubscribe link is not valid');
    if (claim.userId) await this.prefs.unsubscribe(claim.userId, claim.kind);
    else await this.repo.suppress(claim.email, claim.kind);
    this.events.emit(MailUnsubscribedEvent.event, new MailUnsubscribedEvent(claim.email, claim.kind, claim.userId));
    return claim;
  }

  verifyUnsubscribe(token: string): UnsubscribeClaim | null {
    return this.unsubscribeTokens.verify(token);
  }

  /** An address without an account: lifts an earlier unsubscribe from this kind. */
  resubscribe(email: string, kind: MailKind): Promise<void> {
    return this.repo.unsuppress(email.toLowerCase(), kind);
  }

  isSuppressed(email: string, kind: MailKind): Promise<boolean> {
    return this.repo.isSuppressed(email.toLowerCase(), kind);
  }

  /** For /api/health: the transport's status and the backlog. */
  /**
   * The mailer's state for /api/health. The backlog is best effort (at most 1 s): with the database
   * away the database check names the outage, and the mail check must neither hang nor fail the
   * health answer's shape because of it.
   */
  async health(): Promise<{
    up: boolean;
    mode: string;
    target: string | null;
    webUrl: string | null;
    queued?: number;
    failed?: number;
    message?: string;
  }> {
    const s = this.transport.status();
    let timer: NodeJS.Timeout | undefined;
    const counts = await Promise.race([
      this.repo.counts().catch(() => null),
      new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), 1000);
      }),
    ]).finally(() => clearTimeout(timer));
    return {
      up: s.up,
      mode: s.mode,
      target: s.target,
      webUrl: s.webUrl,
      ...(counts ? { queued: counts.queued + counts.sending, failed: counts.failed } : {}),
      ...(s.message ? { message: s.message } : {}),
    };
  }

  // --- the admin view

  async list(q: { state?: MailState; kind?: MailKind; q?: string; cursor?: string; limit: number }): Promise<OutboxPage> {
    const [rows, counts] = await Promise.all([this.repo.list(q), this.repo.counts()]);
    const page = toPage(
      rows.map((r) => ({ ...r, id: r._id.toHexString() })),
      q.limit,
      (r) => r.createdAt.getTime(),
      toOutboxMail,
    );
    return { ...page, counts };
  }

  async get(id: string): Promise<OutboxMailDetail> {
    const m = await this.repo.findById(id);
    if (!m) throw notFound('Mail');
    return {
      ...toOutboxMail(m),
      text: m.text,
      html: m.html,
      attachments: m.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType })),
    };
  }

  /** A failed mail goes back to the queue (due now, another 24 h of retries). */
  async retry(id: string): Promise<OutboxMailDetail> {
    const m = await this.repo.findById(id);
    if (!m) throw notFound('Mail');
    if (!isDeliverableAddress(m.toEmail)) {
      throw new ApiException(HttpStatus.CONFLICT, ErrorCode.MailNotFailed, 'This mail has an address that cannot receive mail');
    }
    const requeued = await this.repo.requeueFailed(id, new Date(Date.now() + GIVE_UP_AFTER_MS));
    if (!requeued)
      throw new ApiException(HttpStatus.CONFLICT, ErrorCode.MailNotFailed, `Only failed mails can be retried; this one is ${m.state}`);
    this.wakeup.wake();
    return this.get(id);
  }
}
