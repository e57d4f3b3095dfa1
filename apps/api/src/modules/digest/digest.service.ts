import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { wantsEmail } from '@klasteris/contracts';
import { AppConfig } from '../../config/app-config';
import { ChatDigestSource, type DigestItem } from '../chat/digest-source.service';
import { MessageCommittedEvent } from '../chat/chat.events';
import { OutboxService } from '../mail/outbox.service';
import type { ChatDigestGroup } from '../mail/templates/chat-digest';
import { PreferencesService } from '../preferences/preferences.service';
import { quietUntil } from '../preferences/quiet-hours';
import { UsersRepository } from '../users/users.repository';
import type { DigestState } from './digest-state.schema';
import { planDigest } from './digest-plan';
import { DigestRepository } from './digest.repository';

const MAX_GROUPS = 10;
const MAX_PER_GROUP = 5;
const MAX_BODY = 1000;

/**
 * Mentions and direct messages a person has not read for their delay (default 15 min) reach them
 * as one e-mail digest. A new message only schedules a look (`chat_digests.dueAt`); what the digest
 * says is computed when it is due, from the server's read positions, so what was read on another
 * device meanwhile is left out, and nothing is sent when everything was read. A message is reported
 * once (a later digest starts after the newest one the last reported). At most one digest
 * per delay window; quiet hours defer it to their end; muted channels and topics whose e-mail is
 * off count for nothing. The passes run on one node of the cluster (DigestWorker, under a lease).
 */
@Injectable()
export class DigestService {
  private readonly logger = new Logger('Digest');

  constructor(
    private readonly repo: DigestRepository,
    private readonly source: ChatDigestSource,
    private readonly prefs: PreferencesService,
    private readonly users: UsersRepository,
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
  ) {}

  private get minuteMs(): number {
    return this.config.mail.digestMinuteMs;
  }

  @OnEvent(MessageCommittedEvent.event, { async: true, suppressErrors: true })
  async onMessage(e: MessageCommittedEvent): Promise<void> {
    try {
      const createdAt = new Date(e.message.createdAt);
      for (const target of await this.source.targetsOf(e.message)) {
        const s = await this.prefs.digestSettings(target.userId);
        if (!wantsEmail(target.direct ? s.directMessages : s.mentions)) continue;
        await this.repo.schedule(target.userId, new Date(createdAt.getTime() + s.delayMinutes * this.minuteMs));
      }
    } catch (err) {
      this.logger.warn(`Could not schedule a digest for message ${e.message.id}: ${(err as Error).message}`);
    }
  }

  /** One pass: every due schedule is looked at once. */
  async runDue(now = new Date()): Promise<void> {
    for (const s of await this.repo.due(now, 100)) {
      try {
        await this.process(s, new Date());
      } catch (err) {
        this.logger.warn(`Digest for ${s.userId} failed (will retry): ${(err as Error).message}`);
      }
    }
  }

  private async process(s: DigestState, now: Date): Promise<void> {
    const [user, settings] = await Promise.all([this.users.findById(s.userId), this.prefs.digestSettings(s.userId)]);
    if (!user || user.status !== 'active') return this.repo.settle(s, { sentAt: null, nextDueAt: null });
    const reported = s.reportedUpTo?.getTime() ?? 0;
    const items = (await this.source.unread(s.userId)).filter(
      (i) => i.createdAt.getTime() > reported && wantsEmail(i.direct ? settings.directMessages : settings.mentions),
    );
    const delayMs = settings.delayMinutes * this.minuteMs;
    const plan = planDigest({
      now,
      delayMs,
      lastSentAt: s.lastSentAt,
      quietEnd: quietUntil(now, settings.quietHours, settings.timeZone),
      items: items.map((i) => i.createdAt),
    });
    if (!plan.send) return this.repo.settle(s, { sentAt: null, nextDueAt: plan.nextDueAt });
    await this.outbox.enqueue({
      kind: 'chat.digest',
      key: `${s.userId}:${s.round}`,
      to: { email: user.email, name: user.displayName, userId: user.id },
      language: user.language,
      data: { groups: await this.groups(items, user.id), total: items.length, timeZone: settings.timeZone },
    });
    await this.repo.settle(s, { sentAt: now, reportedUpTo: items[items.length - 1].createdAt, nextDueAt: null });
  }

  private async groups(items: DigestItem[], me: string): Promise<ChatDigestGroup[]> {
    const ids = new Set<string>();
    for (const i of items) {
      if (i.authorId) ids.add(i.authorId);
      for (const u of i.directUserIds) ids.add(u);
      for (const m of i.body.matchAll(/<@([0-9a-f]{24})>/g)) ids.add(m[1]);
    }
    const names = new Map((await this.users.findByIds([...ids])).map((u) => [u.id, u.displayName]));
    const name = (id: string | null): string => (id ? (names.get(id) ?? '…') : '…');
    const byChannel = new Map<string, DigestItem[]>();
    for (const i of items) byChannel.set(i.channelId, [...(byChannel.get(i.channelId) ?? []), i]);
    return [...byChannel.values()].slice(0, MAX_GROUPS).map((list) => {
      const c = list[0];
      const shown = list.slice(-MAX_PER_GROUP);
      return {
        direct: c.direct,
        title: c.direct
          ? c.directUserIds
              .filter((u) => u !== me)
              .map(name)
              .join(', ')
          : c.channelName,
        path: `/chat/${c.channelId}?seq=${shown[0].seq}`,
        messages: shown.map((m) => ({
          authorName: name(m.authorId),
          body: (m.body.length > MAX_BODY ? `${m.body.slice(0, MAX_BODY)}…` : m.body).replace(
            /<@([0-9a-f]{24})>/g,
            (_t, id: string) => `@${name(id)}`,
          ),
          at: m.createdAt,
        })),
        more: list.length - shown.length,
      };
    });
  }
}
