import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { ErrorCode, type ChannelRole } from '@klasteris/contracts';
import { ApiException } from '../../common/api-exception';
import { AuthUser, isStaff } from '../../common/auth-user';
import { ModerationPolicy } from '../moderation/moderation-policy';
import type { ChannelFacts } from './channel-facts';
import { ChannelFactsCache } from './channel-facts';
import { MessageCommittedEvent } from './chat.events';

/**
 * The moderation rules of the send path, called by MessageWriterService before a seq is reserved
 * (so HTTP and socket sends share it). In order:
 * 1. timed mute in the channel's group → 403 MUTED { until } (cluster staff and group coordinators are never muted);
 * 2. word filter of the group with `block` → 422 MESSAGE_BLOCKED { pattern };
 * 3. slow mode (`channel.slowModeSeconds`) → 429 SLOW_MODE { retryAfter }; coordinators, channel
 *    owners and cluster staff are exempt. The slot is claimed atomically, last, so a refused send
 *    for another reason does not use it up.
 * Word-filter `flag` rules let the message through and file it in the group's report queue once committed.
 */
@Injectable()
export class SendGate {
  private readonly logger = new Logger('SendGate');

  constructor(
    private readonly policy: ModerationPolicy,
    private readonly facts: ChannelFactsCache,
  ) {}

  async check(
    me: AuthUser,
    channel: Pick<ChannelFacts, 'id' | 'groupId' | 'slowModeSeconds'>,
    post: { body: string; role: ChannelRole },
  ): Promise<void> {
    const { body, role } = post;
    const groupId = channel.groupId;
    const moderator = isStaff(me) || (groupId !== null && (await this.policy.isModerator(groupId, me.id)));
    if (groupId && !moderator) {
      const mute = await this.policy.activeMute(groupId, me.id);
      if (mute)
        throw new ApiException(HttpStatus.FORBIDDEN, ErrorCode.Muted, `You are muted in this group until ${mute.until}`, {
          until: mute.until,
        });
      const hit = body ? await this.policy.screen(groupId, body) : null;
      if (hit?.action === 'block') {
        throw new ApiException(
          HttpStatus.UNPROCESSABLE_ENTITY,
          ErrorCode.MessageBlocked,
          'This message contains a word the group does not allow',
          { pattern: hit.pattern },
        );
      }
    }
    if (channel.slowModeSeconds > 0 && !moderator && role !== 'owner') {
      const retryAfter = await this.policy.claimSlowModeSlot(channel.id, me.id, channel.slowModeSeconds);
      if (retryAfter > 0) {
        throw new ApiException(
          HttpStatus.TOO_MANY_REQUESTS,
          ErrorCode.SlowMode,
          `Slow mode: one message every ${channel.slowModeSeconds} s`,
          { retryAfter, seconds: channel.slowModeSeconds },
        );
      }
    }
  }

  /** Files messages that hit a `flag` rule in the group's report queue. */
  @OnEvent(MessageCommittedEvent.event, { async: true, promisify: true })
  async flagCommitted(e: MessageCommittedEvent): Promise<void> {
    const m = e.message;
    if (!m.body || m.deletedAt) return;
    try {
      const channel = await this.facts.channel(m.channelId);
      if (!channel?.groupId) return;
      const hit = await this.policy.screen(channel.groupId, m.body);
      if (hit?.action !== 'flag') return;
      await this.policy.fileReport({
        groupId: channel.groupId,
        channelId: m.channelId,
        messageId: m.id,
        messageBody: m.body,
        messageSeq: m.seq,
        authorId: m.authorId,
        reporterId: null,
        reason: `word filter: ${hit.pattern}`,
      });
    } catch (err) {
      this.logger.warn(`Could not screen message ${m.id}: ${(err as Error).message}`);
    }
  }
}
