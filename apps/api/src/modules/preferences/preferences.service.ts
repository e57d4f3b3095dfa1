import { Injectable } from '@nestjs/common';
import {
  DEFAULT_DELIVERIES,
  DEFAULT_TIME_ZONE,
  DIGEST_DELAY_DEFAULT_MINUTES,
  MAIL_KIND_TOPICS,
  NOTIFICATION_KIND_TOPIC,
  NotificationTopics,
  wantsEmail,
  wantsInApp,
  withoutEmail,
  type Delivery,
  type MailKind,
  type NotificationKind,
  type NotificationPreferences,
  type NotificationTopic,
  type UpdateNotificationPreferencesRequest,
} from '@klasteris/contracts';
import { notFound, validationFailed } from '../../common/api-exception';
import { UsersRepository } from '../users/users.repository';
import type { StoredPreferences } from './preference.schema';
import { PreferencesRepository } from './preferences.repository';

const resolveTopics = (stored: StoredPreferences): Record<NotificationTopic, Delivery> =>
  Object.fromEntries(NotificationTopics.map((t) => [t, stored.topics[t] ?? DEFAULT_DELIVERIES[t]])) as Record<NotificationTopic, Delivery>;

/** What the digest needs of a person's preferences. */
export interface DigestSettings {
  delayMinutes: number;
  quietHours: NotificationPreferences['quietHours'];
  timeZone: string;
  mentions: Delivery;
  directMessages: Delivery;
}

/**
 * Notification preferences per person and topic. Every sender asks here: the outbox whether a
 * non-essential mail kind may go to an account holder, the notifications service whether a
 * notification kind is shown in the portal, the digest for delay, quiet hours and time zone.
 */
@Injectable()
export class PreferencesService {
  constructor(
    private readonly repo: PreferencesRepository,
    private readonly users: UsersRepository,
  ) {}

  async get(userId: string): Promise<NotificationPreferences> {
    const [stored, user] = await Promise.all([this.repo.get(userId), this.users.findById(userId)]);
    if (!user) throw notFound('User');
    return {
      topics: resolveTopics(stored),
      digestDelayMinutes: stored.digestDelayMinutes ?? DIGEST_DELAY_DEFAULT_MINUTES,
      quietHours: stored.quietHours,
      timeZone: user.timeZone,
    };
  }

  async update(userId: string, patch: UpdateNotificationPreferencesRequest): Promise<NotificationPreferences> {
    if (patch.quietHours && patch.quietHours.start === patch.quietHours.end) {
      throw validationFailed([{ field: 'quietHours.end', message: 'must differ from quietHours.start' }]);
    }
    if (patch.timeZone !== undefined && !(await this.users.updateProfile(userId, { timeZone: patch.timeZone }))) throw notFound('User');
    await this.repo.update(userId, { topics: patch.topics, digestDelayMinutes: patch.digestDelayMinutes, quietHours: patch.quietHours });
    return this.get(userId);
  }

  /** May a mail of this kind go to this account? Essential kinds (no topic) always may. */
  async emailAllowed(userId: string, kind: MailKind): Promise<boolean> {
    const topics = MAIL_KIND_TOPICS[kind];
    if (topics.length === 0) return true;
    const resolved = resolveTopics(await this.repo.get(userId));
    return topics.some((t) => wantsEmail(resolved[t]));
  }

  /** One-click unsubscribe from a mail of this kind: e-mail off for its topics (the portal's bell stays as it was). */
  async unsubscribe(userId: string, kind: MailKind): Promise<void> {
    for (const topic of MAIL_KIND_TOPICS[kind]) await this.repo.changeTopic(userId, topic, withoutEmail);
  }

  /** The people among `userIds` who see notifications of this kind in the portal. */
  async inAppRecipients(userIds: string[], kind: NotificationKind): Promise<string[]> {
    const topic = NOTIFICATION_KIND_TOPIC[kind];
    if (!topic || userIds.length === 0) return userIds;
    const stored = await this.repo.getMany(userIds);
    return userIds.filter((id) => wantsInApp(stored.get(id)?.topics[topic] ?? DEFAULT_DELIVERIES[topic]));
  }

  async digestSettings(userId: string): Promise<DigestSettings> {
    const [stored, user] = await Promise.all([this.repo.get(userId), this.users.findById(userId)]);
    const topics = resolveTopics(stored);
    return {
      delayMinutes: stored.digestDelayMinutes ?? DIGEST_DELAY_DEFAULT_MINUTES,
      quietHours: stored.quietHours,
      timeZone: user?.timeZone ?? DEFAULT_TIME_ZONE,
      mentions: topics.mentions,
      directMessages: topics.directMessages,
    };
  }
}
