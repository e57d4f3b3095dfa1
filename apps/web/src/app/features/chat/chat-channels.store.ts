import { Injectable, computed, inject, signal } from '@angular/core';
import type { Message, MyChannel } from '@klasteris/contracts';
import { firstValueFrom } from 'rxjs';
import { ChatApi } from './chat.api';
import { countIncoming, omit, withGroupMute } from './chat-logic';

/**
 * My channels (with unread and mention counts) and the channels seen but not joined (public
 * previews). `lastSeq` and the read counts move with message events and `channel:read` only.
 */
@Injectable({ providedIn: 'root' })
export class ChatChannels {
  private readonly api = inject(ChatApi);

  private readonly _channels = signal<MyChannel[]>([]);
  private readonly _loaded = signal(false);
  /** channels seen but not joined (public preview), by id */
  private readonly _previews = signal<Record<string, MyChannel>>({});
  private request: Promise<void> | null = null;

  readonly channels = this._channels.asReadonly();
  readonly loaded = this._loaded.asReadonly();
  readonly previews = this._previews.asReadonly();

  /** the sidebar: channels by name, DMs by latest activity then name */
  readonly publicChannels = computed(() =>
    [...this._channels().filter((c) => c.type !== 'direct')].sort((a, b) => a.name.localeCompare(b.name)),
  );
  readonly directChannels = computed(() =>
    [...this._channels().filter((c) => c.type === 'direct')].sort((a, b) => b.lastSeq - a.lastSeq || a.name.localeCompare(b.name)),
  );
  /** the sidebar order (channels, then DMs), used by Alt+↑/↓ */
  readonly ordered = computed(() => [...this.publicChannels(), ...this.directChannels()]);
  /** what the unread noise counts: every message where my level is `all`, only mentions where it is `mentions`, nothing where muted */
  readonly totalUnread = computed(() =>
    this._channels().reduce((n, c) => n + (c.notify === 'all' ? c.unread : c.notify === 'mentions' ? c.mentions : 0), 0),
  );

  /** Loads my channels once per session (again after a reconnect). */
  load(force = false): Promise<void> {
    if (this._loaded() && !force) return Promise.resolve();
    if (this.request) return this.request;
    this.request = firstValueFrom(this.api.myChannels())
      .then((page) => {
        this._channels.set(page.items);
        this._loaded.set(true);
      })
      .catch(() => this._loaded.set(true))
      .finally(() => (this.request = null));
    return this.request;
  }

  /** One of mine, or a preview. */
  channel(id: string): MyChannel | null {
    return this.mine(id) ?? this._previews()[id] ?? null;
  }

  mine(id: string): MyChannel | null {
    return this._channels().find((c) => c.id === id) ?? null;
  }

  upsert(channel: Partial<MyChannel> & { id: string }): void {
    const held = this.mine(channel.id);
    if (held) {
      // lastSeq and the read counts move with message events and channel:read only: a channel
      // update racing a message:new must not make that message look already counted
      const { lastSeq: _seq, unread: _unread, mentions: _mentions, lastReadSeq: _read, ...rest } = channel;
      this.patch(channel.id, (c) => ({ ...c, ...rest }));
    } else if ('role' in channel && channel.role) {
      this._channels.update((list) => [...list, channel as MyChannel]);
      this._previews.update((p) => omit(p, channel.id));
    } else {
      // a channel I was added to arrives without my member view: fetch it
      this.api.channel(channel.id).subscribe({ next: ({ channel: c }) => this.addOrPreview(c), error: () => undefined });
    }
  }

  /** Fetches a channel I am not a member of (public preview) or refreshes one of mine. */
  fetch(channelId: string): Promise<MyChannel | null> {
    return firstValueFrom(this.api.channel(channelId))
      .then(({ channel }) => {
        this.addOrPreview(channel);
        return channel;
      })
      .catch(() => null);
  }

  remove(channelId: string): void {
    this._channels.update((list) => list.filter((c) => c.id !== channelId));
  }

  /** A moderator muted me in a working group until `until` (or lifted it): every channel of the group follows. */
  setGroupMute(groupId: string, until: string | null): void {
    this._channels.update((list) => withGroupMute(list, groupId, until));
  }

  /** New messages of a channel arrived live: count them (a channel not known yet is fetched). */
  countIncoming(channelId: string, messages: readonly Message[], myId: string | null): void {
    if (!this.mine(channelId)) {
      this.upsert({ id: channelId });
      return;
    }
    this.patch(channelId, (c) => countIncoming(c, messages, myId));
  }

  patch(channelId: string, fn: (c: MyChannel) => MyChannel): void {
    this._channels.update((list) => list.map((c) => (c.id === channelId ? fn(c) : c)));
  }

  reset(): void {
    this._channels.set([]);
    this._loaded.set(false);
    this._previews.set({});
  }

  private addOrPreview(c: MyChannel): void {
    if (c.role) {
      this._channels.update((list) => (list.some((x) => x.id === c.id) ? list.map((x) => (x.id === c.id ? c : x)) : [...list, c]));
      this._previews.update((p) => omit(p, c.id));
    } else {
      this._previews.update((p) => ({ ...p, [c.id]: c }));
    }
  }
}
