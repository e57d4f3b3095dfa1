import { HttpStatus, Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import {
  ErrorCode,
  type Mute,
  type Page,
  type Report,
  type ReportStatus,
  type ResolveReportRequest,
  type WordFilterRule,
} from '@klasteris/contracts';
import { ApiException, forbidden, notFound } from '../../common/api-exception';
import { AuthUser, isStaff } from '../../common/auth-user';
import { toPage } from '../../common/pagination';
import { AuditService } from '../audit/audit.service';
import { ChannelsService } from '../chat/channels.service';
import { MessagesService } from '../chat/messages.service';
import { ModerationPolicy } from '../moderation/moderation-policy';
import { GroupAccessService } from './group-access.service';
import { tellGroup } from './groups.events';
import { GroupRecord, GroupsRepository } from './groups.repository';

export const DEFAULT_REPORT_MUTE_SECONDS = 24 * 3600;

/** Mutes, slow mode, word filters, reports and moderator deletes in a working group; each audited. */
@Injectable()
export class ModerationActionsService {
  constructor(
    private readonly groups: GroupsRepository,
    private readonly access: GroupAccessService,
    private readonly policy: ModerationPolicy,
    private readonly channels: ChannelsService,
    private readonly messages: MessagesService,
    private readonly audit: AuditService,
    private readonly events: EventEmitter2,
  ) {}

  async mute(me: AuthUser, groupId: string, userId: string, seconds: number, reason: string): Promise<Mute> {
    const group = await this.access.forModeration(me, groupId);
    await this.assertMutable(me, groupId, userId);
    const mute = await this.policy.mute(groupId, userId, seconds, reason, me.id);
    await this.audit.record({
      actorId: me.id,
      action: 'group.mute',
      targetType: 'user',
      targetId: userId,
      scopeId: groupId,
      reason,
      after: { until: mute.until },
    });
    await this.notifyMuted(group, userId, mute);
    return mute;
  }

  async unmute(me: AuthUser, groupId: string, userId: string, reason: string | null = null): Promise<void> {
    await this.access.forModeration(me, groupId);
    if (!(await this.policy.unmute(groupId, userId))) throw notFound('Mute');
    await this.audit.record({ actorId: me.id, action: 'group.unmute', targetType: 'user', targetId: userId, scopeId: groupId, reason });
  }

  async mutes(me: AuthUser, groupId: string): Promise<Mute[]> {
    await this.access.forModeration(me, groupId);
    return this.policy.activeMutes(groupId);
  }

  async setSlowMode(me: AuthUser, groupId: string, channelId: string, seconds: number, reason: string | null = null): Promise<void> {
    const group = await this.access.forChange(me, groupId);
    if (!this.access.channelIds(group).includes(channelId)) throw notFound('Channel');
    const before = (await this.channels.describe([channelId]))[0]?.slowModeSeconds ?? 0;
    await this.channels.setSlowMode(channelId, seconds);
    await this.audit.record({
      actorId: me.id,
      action: 'group.slow_mode',
      targetType: 'channel',
      targetId: channelId,
      scopeId: groupId,
      reason,
      before: { seconds: before },
      after: { seconds },
    });
  }

  async wordFilter(me: AuthUser, groupId: string): Promise<WordFilterRule[]> {
    await this.access.forModeration(me, groupId);
    return this.policy.wordFilter(groupId);
  }

  async setWordFilter(me: AuthUser, groupId: string, rules: WordFilterRule[], reason: string | null = null): Promise<WordFilterRule[]> {
    await this.access.forChange(me, groupId);
    const before = await this.policy.wordFilter(groupId);
    await this.policy.setWordFilter(groupId, rules);
    await this.audit.record({
      actorId: me.id,
      action: 'group.word_filter',
      targetType: 'group',
      targetId: groupId,
      scopeId: groupId,
      reason,
      before: { rules: before },
      after: { rules },
    });
    return rules;
  }

  /** Any reader of a group channel's message reports it to the group's coordinators. */
  async report(me: AuthUser, messageId: string, reason: string): Promise<{ report: Report; created: boolean }> {
    const { message } = await this.messages.get(me, messageId);
    const group = await this.groups.findByChannel(message.channelId);
    if (!group)
      throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.BadRequest, 'Only messages in working-group channels can be reported');
    if (message.deletedAt) throw notFound('Message');
    const { report, created } = await this.policy.fileReport({
      groupId: group.id,
      channelId: message.channelId,
      messageId,
      messageBody: message.body,
      messageSeq: message.seq,
      authorId: message.authorId,
      reporterId: me.id,
      reason,
    });
    if (created) await tellGroup(this.events, await this.policy.moderatorsOf(group.id), group, { what: 'reported', reason });
    return { report, created };
  }

  async reports(me: AuthUser, groupId: string, q: { status?: ReportStatus; cursor?: string; limit: number }): Promise<Page<Report>> {
    await this.access.forModeration(me, groupId);
    const rows = await this.policy.listReports(groupId, q.status, q.cursor, q.limit);
    return toPage(
      rows,
      q.limit,
      (r) => new Date(r.createdAt).getTime(),
      (r) => r,
    );
  }

  /** Dismiss, delete the message, or mute its author (and delete the message); reporters hear the outcome. */
  async resolve(me: AuthUser, groupId: string, reportId: string, r: ResolveReportRequest): Promise<Report> {
    const group = await this.access.forModeration(me, groupId);
    const report = await this.policy.report(groupId, reportId);
    if (!report) throw notFound('Report');
    if (report.status !== 'open')
      throw new ApiException(HttpStatus.CONFLICT, ErrorCode.RequestAlreadyDecided, 'This report has already been resolved');
    if (r.action === 'mute' && report.authorId) await this.assertMutable(me, groupId, report.authorId);
    const status = r.action === 'dismiss' ? 'dismissed' : r.action === 'delete' ? 'deleted' : 'muted';
    const resolved = await this.policy.resolveReport(groupId, reportId, status, me.id, r.note ?? null);
    if (!resolved) throw new ApiException(HttpStatus.CONFLICT, ErrorCode.RequestAlreadyDecided, 'This report has already been resolved');
    if (r.action !== 'dismiss') await this.messages.delete(me, report.messageId, r.note ?? report.reason, 'report');
    if (r.action === 'mute' && report.authorId) {
      const mute = await this.policy.mute(
        groupId,
        report.authorId,
        r.durationSeconds ?? DEFAULT_REPORT_MUTE_SECONDS,
        r.note ?? report.reason,
        me.id,
      );
      await this.audit.record({
        actorId: me.id,
        action: 'group.mute',
        targetType: 'user',
        targetId: report.authorId,
        scopeId: groupId,
        reason: r.note ?? report.reason,
        after: { until: mute.until, reportId },
      });
      await this.notifyMuted(group, report.authorId, mute);
    }
    await this.audit.record({
      actorId: me.id,
      action: `group.report.${r.action}`,
      targetType: 'message',
      targetId: report.messageId,
      scopeId: groupId,
      reason: r.note ?? null,
      before: { body: report.messageBody, authorId: report.authorId },
      after: { status, reportId },
    });
    const reporters = [resolved.report, ...resolved.others].map((x) => x.reporterId).filter((id): id is string => id !== null);
    await tellGroup(this.events, reporters, group, { what: 'report-resolved', action: r.action, note: r.note ?? null });
    return resolved.report;
  }

  /** A moderator removes a message with a reason (also possible through DELETE /messages/:id). */
  async removeMessage(me: AuthUser, groupId: string, messageId: string, reason: string): Promise<void> {
    const group = await this.access.forModeration(me, groupId);
    const { message } = await this.messages.get(me, messageId);
    if (!this.access.channelIds(group).includes(message.channelId)) throw notFound('Message');
    await this.messages.delete(me, messageId, reason); // audited there as message.delete
  }

  private async assertMutable(me: AuthUser, groupId: string, userId: string): Promise<void> {
    if (userId === me.id) throw forbidden('You cannot mute yourself');
    if (await this.policy.isModerator(groupId, userId)) throw forbidden('Group coordinators cannot be muted');
    if (!isStaff(me) && !(await this.groups.isMember(groupId, userId))) throw notFound('Member');
  }

  private notifyMuted(group: GroupRecord, userId: string, mute: Mute): Promise<void> {
    return tellGroup(this.events, [userId], group, { what: 'muted', until: mute.until, reason: mute.reason });
  }
}
