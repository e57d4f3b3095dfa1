import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { Mute, Report, ReportStatus, WordFilterAction, WordFilterRule } from '@klasteris/contracts';
import { MuteChangedEvent } from './moderation.events';
import { ModerationRepository } from './moderation.repository';
import { NewReport, ReportsRepository } from './reports.repository';
import { matchRules } from './word-filter';

/**
 * The moderation state of working groups, owned here and read by the chat send path (SendGate) and
 * written by the groups module. Depends on no feature module, so both may import it without a cycle.
 */
@Injectable()
export class ModerationPolicy {
  constructor(
    private readonly repo: ModerationRepository,
    private readonly reports: ReportsRepository,
    private readonly events: EventEmitter2,
  ) {}

  isModerator(groupId: string, userId: string): Promise<boolean> {
    return this.repo.isModerator(groupId, userId);
  }

  moderatorsOf(groupId: string): Promise<string[]> {
    return this.repo.moderatorsOf(groupId);
  }

  groupsModeratedBy(userId: string): Promise<string[]> {
    return this.repo.groupsModeratedBy(userId);
  }

  addModerator(groupId: string, userId: string): Promise<boolean> {
    return this.repo.addModerator(groupId, userId);
  }

  removeModerator(groupId: string, userId: string): Promise<boolean> {
    return this.repo.removeModerator(groupId, userId);
  }

  activeMute(groupId: string, userId: string): Promise<Mute | null> {
    return this.repo.activeMute(groupId, userId, new Date());
  }

  activeMutes(groupId: string): Promise<Mute[]> {
    return this.repo.activeMutes(groupId, new Date());
  }

  async mute(groupId: string, userId: string, seconds: number, reason: string, by: string): Promise<Mute> {
    const until = new Date(Date.now() + seconds * 1000);
    await this.repo.setMute({ groupId, userId, until, reason, by });
    this.events.emit(MuteChangedEvent.event, new MuteChangedEvent(groupId, userId, until.toISOString()));
    return { groupId, userId, until: until.toISOString(), reason };
  }

  async unmute(groupId: string, userId: string): Promise<boolean> {
    const ended = await this.repo.endMute(groupId, userId, new Date());
    if (ended) this.events.emit(MuteChangedEvent.event, new MuteChangedEvent(groupId, userId, null));
    return ended;
  }

  /**
   * What limits one person's posting, for all groups at once (two queries, whatever the number of
   * channels): the end of each running mute by group, and the groups they coordinate (exempt from slow mode).
   */
  async postingState(userId: string): Promise<{ mutedUntil: Map<string, string>; moderates: Set<string> }> {
    const [mutes, moderates] = await Promise.all([this.repo.activeMutesOf(userId, new Date()), this.repo.groupsModeratedBy(userId)]);
    return { mutedUntil: new Map(mutes.map((m) => [m.groupId, m.until])), moderates: new Set(moderates) };
  }

  /** 0 when the person may post now in slow mode, else the seconds to wait. */
  claimSlowModeSlot(channelId: string, userId: string, seconds: number): Promise<number> {
    return this.repo.claimSlot(channelId, userId, seconds, new Date());
  }

  wordFilter(groupId: string): Promise<WordFilterRule[]> {
    return this.repo.rules(groupId);
  }

  setWordFilter(groupId: string, rules: WordFilterRule[]): Promise<void> {
    return this.repo.setRules(groupId, rules);
  }

  async screen(groupId: string, body: string): Promise<{ action: WordFilterAction; pattern: string } | null> {
    const rules = await this.repo.rules(groupId);
    return rules.length ? matchRules(rules, body) : null;
  }

  fileReport(r: NewReport): Promise<{ report: Report; created: boolean }> {
    return this.reports.file(r);
  }

  report(groupId: string, id: string): Promise<Report | null> {
    return this.reports.findInGroup(groupId, id);
  }

  resolveReport(
    groupId: string,
    id: string,
    status: Exclude<ReportStatus, 'open'>,
    by: string,
    note: string | null,
  ): Promise<{ report: Report; others: Report[] } | null> {
    return this.reports.resolve(groupId, id, status, by, note);
  }

  listReports(groupId: string, status: ReportStatus | undefined, cursor: string | undefined, limit: number): Promise<Report[]> {
    return this.reports.list(groupId, status, cursor, limit);
  }
}
