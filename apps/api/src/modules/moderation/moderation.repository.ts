import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import type { Mute, WordFilterRule } from '@klasteris/contracts';
import { isDuplicateKeyError } from '../../common/duplicate-key';
import { ModeratorDoc, MuteDoc, SlowMarkDoc, WordFilterDoc } from './moderation.schema';

/** Moderators, mutes, slow-mode marks and word filters of working groups. */
@Injectable()
export class ModerationRepository {
  constructor(
    @InjectModel(ModeratorDoc.name) private readonly moderators: Model<ModeratorDoc>,
    @InjectModel(MuteDoc.name) private readonly mutes: Model<MuteDoc>,
    @InjectModel(SlowMarkDoc.name) private readonly marks: Model<SlowMarkDoc>,
    @InjectModel(WordFilterDoc.name) private readonly filters: Model<WordFilterDoc>,
  ) {}

  async isModerator(groupId: string, userId: string): Promise<boolean> {
    return (await this.moderators.countDocuments({ groupId, userId })) > 0;
  }

  async moderatorsOf(groupId: string): Promise<string[]> {
    return (await this.moderators.find({ groupId }).sort({ since: 1 }).lean()).map((m) => m.userId);
  }

  async groupsModeratedBy(userId: string): Promise<string[]> {
    return (await this.moderators.find({ userId }).lean()).map((m) => m.groupId);
  }

  /** Adds a moderator; false when already one. */
  async addModerator(groupId: string, userId: string): Promise<boolean> {
    const res = await this.moderators.updateOne({ groupId, userId }, { $setOnInsert: { since: new Date() } }, { upsert: true });
    return res.upsertedCount === 1;
  }

  async removeModerator(groupId: string, userId: string): Promise<boolean> {
    return (await this.moderators.deleteOne({ groupId, userId })).deletedCount === 1;
  }

  async setMute(m: { groupId: string; userId: string; until: Date; reason: string; by: string }): Promise<void> {
    await this.mutes.updateOne(
      { groupId: m.groupId, userId: m.userId },
      { $set: { until: m.until, reason: m.reason, by: m.by } },
      { upsert: true },
    );
  }

  /** Ends a running mute; false when none was running. */
  async endMute(groupId: string, userId: string, now: Date): Promise<boolean> {
    return (await this.mutes.updateOne({ groupId, userId, until: { $gt: now } }, { $set: { until: now } })).modifiedCount === 1;
  }

  async activeMute(groupId: string, userId: string, now: Date): Promise<Mute | null> {
    const d = await this.mutes.findOne({ groupId, userId, until: { $gt: now } }).lean();
    return d ? { groupId, userId, until: d.until.toISOString(), reason: d.reason } : null;
  }

  /** The running mutes of one person in all groups (the caller's channel view). */
  async activeMutesOf(userId: string, now: Date): Promise<Mute[]> {
    const docs = await this.mutes
      .find({ userId, until: { $gt: now } })
      .limit(500)
      .lean();
    return docs.map((d) => ({ groupId: d.groupId, userId, until: d.until.toISOString(), reason: d.reason }));
  }

  async activeMutes(groupId: string, now: Date): Promise<Mute[]> {
    const docs = await this.mutes
      .find({ groupId, until: { $gt: now } })
      .sort({ until: 1 })
      .limit(500)
      .lean();
    return docs.map((d) => ({ groupId, userId: d.userId, until: d.until.toISOString(), reason: d.reason }));
  }

  /**
   * Claims a post slot in slow mode: succeeds when the last post is at least `seconds` old (or there
   * is none), atomically, so two concurrent sends cannot both pass. Returns 0 on success, otherwise
   * the seconds left.
   */
  async claimSlot(channelId: string, userId: string, seconds: number, now: Date): Promise<number> {
    const earliest = new Date(now.getTime() - seconds * 1000);
    try {
      await this.marks.updateOne({ channelId, userId, lastAt: { $lte: earliest } }, { $set: { lastAt: now } }, { upsert: true });
      return 0;
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      const mark = await this.marks.findOne({ channelId, userId }).lean();
      const left = mark ? (mark.lastAt.getTime() + seconds * 1000 - now.getTime()) / 1000 : 0;
      return Math.max(0.1, Math.ceil(left * 10) / 10);
    }
  }

  async rules(groupId: string): Promise<WordFilterRule[]> {
    const d = await this.filters.findOne({ groupId }).lean();
    return (d?.rules ?? []).map((r) => ({ pattern: r.pattern, action: r.action }));
  }

  async setRules(groupId: string, rules: WordFilterRule[]): Promise<void> {
    await this.filters.updateOne({ groupId }, { $set: { rules } }, { upsert: true });
  }
}
