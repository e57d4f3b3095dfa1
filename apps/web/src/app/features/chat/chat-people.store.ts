import { Injectable, computed, effect, inject, signal, untracked } from '@angular/core';
import type { ChannelMember, PersonSummary, PresenceStatus } from '@klasteris/contracts';
import { AuthStore } from '../../core/auth/auth.store';
import { SocketService } from '../../core/socket.service';
import { ChatApi } from './chat.api';

/** What the chat shows of a person. */
export interface ChatPerson {
  id: string;
  displayName: string;
  initials: string;
  avatarColor: string;
  organisationName: string | null;
}

/** Typing indicators last this long after the last `typing` event of a person. */
export const TYPING_TTL_MS = 6000;
/** We tell others we are typing at most this often. */
export const TYPING_THROTTLE_MS = 3000;
const MEMBER_PAGE = 100;
/** Most ids the people lookup answers in one request. */
const LOOKUP_BATCH = 100;

/**
 * People around the chat: a cache of names (from member lists and people search), channel
 * members with their organisations, presence dots and typing indicators.
 */
@Injectable({ providedIn: 'root' })
export class ChatPeopleStore {
  private readonly api = inject(ChatApi);
  private readonly socket = inject(SocketService);
  private readonly auth = inject(AuthStore);

  private readonly _people = signal<Record<string, ChatPerson>>({});
  private readonly _members = signal<Record<string, ChannelMember[]>>({});
  private readonly _presence = signal<Record<string, PresenceStatus>>({});
  /** channelId → userId → expiry (ms) */
  private readonly _typing = signal<Record<string, Record<string, number>>>({});
  private readonly lastTypingSent = new Map<string, number>();
  private readonly membersLoading = new Set<string>();
  private pruneTimer: ReturnType<typeof setTimeout> | null = null;
  /** ids to look up in the next batch, and every id asked for already (each is asked once) */
  private readonly wanted = new Set<string>();
  private readonly asked = new Set<string>();
  private lookupTimer: ReturnType<typeof setTimeout> | null = null;

  readonly people = this._people.asReadonly();
  readonly members = this._members.asReadonly();
  readonly presence = this._presence.asReadonly();
  readonly typing = this._typing.asReadonly();
  /** display names known to the client, for mention highlighting */
  readonly knownNames = computed(() => Object.values(this._people()).map((p) => p.displayName));

  constructor() {
    effect(() => {
      const user = this.auth.user();
      untracked(() => {
        if (!user) {
          this.asked.clear();
          this.wanted.clear();
          this._people.set({});
          this._members.set({});
          this._presence.set({});
          this._typing.set({});
          return;
        }
        this.remember([
          {
            id: user.id,
            displayName: user.displayName,
            initials: user.initials,
            avatarColor: user.avatarColor,
            organisationName: user.organisationName ?? null,
          },
        ]);
      });
    });
    this.socket.on('presence').subscribe(({ userId, status }) => this._presence.update((p) => ({ ...p, [userId]: status })));
    this.socket.on('typing').subscribe(({ channelId, userId }) => {
      if (userId === this.auth.user()?.id) return;
      this.setTyping(channelId, userId, Date.now() + TYPING_TTL_MS);
    });
    this.socket.on('message:new').subscribe(({ message }) => this.setTyping(message.channelId, message.authorId, 0));
    // someone joined or left: refresh a member list we hold (mentions autocomplete, names)
    this.socket.on('channel:updated').subscribe(({ channel }) => {
      const held = this._members()[channel.id];
      if (held && held.length < MEMBER_PAGE && held.length !== channel.memberCount) this.loadMembers(channel.id, true);
    });
  }

  person(userId: string): ChatPerson | null {
    return this._people()[userId] ?? null;
  }

  remember(people: readonly ChatPerson[]): void {
    if (people.length === 0) return;
    this._people.update((all) => {
      const next = { ...all };
      for (const p of people) next[p.id] = p;
      return next;
    });
  }

  rememberSummaries(people: readonly PersonSummary[]): void {
    this.remember(
      people.map((p) => ({
        id: p.id,
        displayName: p.displayName,
        initials: p.initials,
        avatarColor: p.avatarColor,
        organisationName: p.organisationName,
      })),
    );
  }

  /**
   * Names of people not known from member lists (authors who left the channel, disabled
   * accounts): collected for a moment, then looked up in batches, each id once.
   */
  want(ids: readonly string[]): void {
    const known = untracked(() => this._people());
    for (const id of ids) {
      if (!id || known[id] || this.asked.has(id)) continue;
      this.asked.add(id);
      this.wanted.add(id);
    }
    // a moment's wait: the channel's member list, loading alongside, usually brings them
    if (this.wanted.size > 0 && !this.lookupTimer) this.lookupTimer = setTimeout(() => this.lookup(), 400);
  }

  private lookup(): void {
    this.lookupTimer = null;
    const batch = [...this.wanted].slice(0, LOOKUP_BATCH);
    for (const id of batch) this.wanted.delete(id);
    if (this.wanted.size > 0) this.lookupTimer = setTimeout(() => this.lookup(), 0);
    const known = this._people();
    const ids = batch.filter((id) => !known[id]);
    if (ids.length === 0) return;
    this.api.lookupPeople(ids).subscribe({
      next: ({ items }) => this.rememberSummaries(items),
      // asked again the next time they are wanted
      error: () => ids.forEach((id) => this.asked.delete(id)),
    });
  }

  /** Loads the members of a channel (first page; big channels page in the details drawer). */
  loadMembers(channelId: string, force = false): void {
    if (this.membersLoading.has(channelId) || (!force && this._members()[channelId])) return;
    this.membersLoading.add(channelId);
    this.api.members(channelId, { limit: MEMBER_PAGE }).subscribe({
      next: (page) => {
        this.membersLoading.delete(channelId);
        this._members.update((m) => ({ ...m, [channelId]: page.items }));
        this.remember(page.items.map(memberToPerson));
        this.loadPresence(page.items.map((m) => m.userId));
      },
      error: () => this.membersLoading.delete(channelId),
    });
  }

  forgetMembers(channelId: string): void {
    this._members.update((m) => {
      const next = { ...m };
      delete next[channelId];
      return next;
    });
  }

  loadPresence(userIds: readonly string[]): void {
    const ids = [...new Set(userIds)].slice(0, 100);
    if (ids.length === 0) return;
    this.api.presence(ids).subscribe({
      next: ({ items }) =>
        this._presence.update((p) => {
          const next = { ...p };
          for (const i of items) next[i.userId] = i.status;
          return next;
        }),
      error: () => undefined,
    });
  }

  /** Who is typing in a channel now (user ids, me excluded). */
  typingIn(channelId: string): string[] {
    const now = Date.now();
    return Object.entries(this._typing()[channelId] ?? {})
      .filter(([, until]) => until > now)
      .map(([userId]) => userId);
  }

  /** Tells the others that I am typing (throttled). */
  notifyTyping(channelId: string): void {
    const now = Date.now();
    if (now - (this.lastTypingSent.get(channelId) ?? 0) < TYPING_THROTTLE_MS) return;
    this.lastTypingSent.set(channelId, now);
    this.socket.request('typing', { channelId }).catch(() => undefined);
  }

  /** Stops throttling, e.g. after a message was sent, so the next keystroke announces again. */
  resetTyping(channelId: string): void {
    this.lastTypingSent.delete(channelId);
  }

  setMyPresence(status: 'online' | 'away'): void {
    this.socket.request('presence:set', { status }).catch(() => undefined);
  }

  private setTyping(channelId: string, userId: string, until: number): void {
    const current = this._typing()[channelId]?.[userId];
    if (until === 0 && current === undefined) return;
    this._typing.update((t) => {
      const forChannel = { ...(t[channelId] ?? {}) };
      if (until === 0) delete forChannel[userId];
      else forChannel[userId] = until;
      return { ...t, [channelId]: forChannel };
    });
    this.schedulePrune();
  }

  private schedulePrune(): void {
    if (this.pruneTimer) return;
    this.pruneTimer = setTimeout(() => {
      this.pruneTimer = null;
      const now = Date.now();
      let left = false;
      this._typing.update((t) => {
        const next: Record<string, Record<string, number>> = {};
        for (const [channelId, users] of Object.entries(t)) {
          const kept = Object.fromEntries(Object.entries(users).filter(([, until]) => until > now));
          if (Object.keys(kept).length) {
            next[channelId] = kept;
            left = true;
          }
        }
        return next;
      });
      if (left) this.schedulePrune();
    }, 1000);
  }
}

export function memberToPerson(m: ChannelMember): ChatPerson {
  return {
    id: m.userId,
    displayName: m.displayName,
    initials: m.initials,
    avatarColor: m.avatarColor,
    organisationName: m.organisationName,
  };
}
