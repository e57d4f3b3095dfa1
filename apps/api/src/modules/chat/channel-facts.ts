import { Injectable } from '@nestjs/common';
import { EventEmitter2, OnEvent } from '@nestjs/event-emitter';
import type { ChannelRole } from '@klasteris/contracts';
import type { ChannelRecord } from './channel.schema';
import { ChannelsRepository } from './channels.repository';
import { ChannelChangedEvent, ChannelFactsStaleEvent, ChannelMembershipEvent } from './chat.events';
import { MembersRepository } from './members.repository';

/** What a send needs to know of a channel: everything but its moving counters (seqs, member count). */
export type ChannelFacts = Omit<ChannelRecord, 'lastSeq' | 'committedSeq' | 'committedRoots' | 'holeMax' | 'memberCount'>;

/** A member's standing in a channel as a send needs it. */
export interface MemberFacts {
  role: ChannelRole;
}

/** A safety net only: every change that matters arrives as an event long before. */
const TTL_MS = 30_000;
const MAX_ENTRIES = 50_000;

interface Entry<T> {
  at: number;
  value: Promise<T | null>;
}

/**
 * Channel and membership facts that every send would otherwise re-read (type, archived, group,
 * slow mode; the sender's role), kept in memory on this node.
 *
 * Invalidation: by the domain events that change them — ChannelChangedEvent (rename, archive, slow
 * mode), ChannelMembershipEvent (join, leave), ChannelFactsStaleEvent (anything else, e.g. a group's
 * visibility) — on this node directly, and on the other nodes through the Redis adapter (the
 * realtime ChatGateway forwards them with `serverSideEmit` and calls `forget` on arrival).
 *
 * What the cache must never decide alone is decided again by the write that needs it: a send's
 * membership is checked by the member update of the send itself (MembersRepository.touchForSend,
 * atomic with moving the read position) and an archived channel refuses the seq reservation, so a
 * stale entry can at worst refuse a send a moment too early, never let a removed member post.
 * An entry is stored before its read returns, so an invalidation that lands meanwhile drops it too.
 */
@Injectable()
export class ChannelFactsCache {
  private readonly channels = new Map<string, Entry<ChannelFacts>>();
  private readonly members = new Map<string, Entry<MemberFacts>>();

  constructor(
    private readonly channelsRepo: ChannelsRepository,
    private readonly membersRepo: MembersRepository,
    private readonly events: EventEmitter2,
  ) {}

  channel(id: string): Promise<ChannelFacts | null> {
    return this.cached(this.channels, id, async () => {
      const c = await this.channelsRepo.findById(id);
      if (!c) return null;
      const { lastSeq: _l, committedSeq: _c, committedRoots: _r, holeMax: _h, memberCount: _m, ...facts } = c;
      return facts;
    });
  }

  member(channelId: string, userId: string): Promise<MemberFacts | null> {
    return this.cached(this.members, `${channelId}:${userId}`, async () => {
      const m = await this.membersRepo.find(channelId, userId);
      return m ? { role: m.role } : null;
    });
  }

  /** Drops what this node knows of a channel (and of one member of it, or of all when userId is null). */
  forget(channelId: string, userId: string | null = null): void {
    this.channels.delete(channelId);
    if (userId) this.members.delete(`${channelId}:${userId}`);
    else for (const k of this.members.keys()) if (k.startsWith(`${channelId}:`)) this.members.delete(k);
  }

  /** Tells every node (this one included) that these channels' facts changed behind their events' back. */
  stale(channelIds: string[]): void {
    for (const channelId of channelIds) this.events.emit(ChannelFactsStaleEvent.event, new ChannelFactsStaleEvent(channelId, null));
  }

  @OnEvent(ChannelChangedEvent.event)
  onChanged(e: ChannelChangedEvent): void {
    this.channels.delete(e.channel.id);
  }

  @OnEvent(ChannelMembershipEvent.event)
  onMembership(e: ChannelMembershipEvent): void {
    this.forget(e.channel.id, e.userId);
  }

  @OnEvent(ChannelFactsStaleEvent.event)
  onStale(e: ChannelFactsStaleEvent): void {
    this.forget(e.channelId, e.userId);
  }

  private cached<T>(map: Map<string, Entry<T>>, key: string, load: () => Promise<T | null>): Promise<T | null> {
    const now = Date.now();
    const hit = map.get(key);
    if (hit && now - hit.at < TTL_MS) return hit.value;
    if (map.size >= MAX_ENTRIES) map.clear();
    const value = load();
    const entry = { at: now, value };
    map.set(key, entry);
    // a failed read is not remembered; neither is "no such channel / not a member" (it may change any moment)
    value.then(
      (v) => v === null && map.get(key) === entry && map.delete(key),
      () => map.get(key) === entry && map.delete(key),
    );
    return value;
  }
}
