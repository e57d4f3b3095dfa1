import type { Attachment, Message } from '@klasteris/contracts';

/** A message typed here that the server has not acknowledged yet. */
export interface PendingMessage {
  clientMsgId: string;
  channelId: string;
  authorId: string;
  body: string;
  threadRootId: string | null;
  attachments: Attachment[];
  createdAt: string;
  state: 'sending' | 'failed';
  /** error code of the last failed attempt */
  errorCode?: string;
}

/** Messages of one channel that the client holds: a contiguous seq window, oldest first. */
export interface ChannelWindow {
  items: Message[];
  /** older messages exist on the server */
  hasMoreBefore: boolean;
  /** newer messages exist on the server (after jumping back to a message in context) */
  hasMoreAfter: boolean;
  loaded: boolean;
  loadingBefore: boolean;
  loadingAfter: boolean;
}

export const emptyWindow = (): ChannelWindow => ({
  items: [],
  hasMoreBefore: false,
  hasMoreAfter: false,
  loaded: false,
  loadingBefore: false,
  loadingAfter: false,
});

/**
 * Merges messages into a list sorted by seq, one entry per message id (and per seq): a message
 * seen again (live event, catch-up page, ack) replaces the copy held, so duplicates never show.
 */
export function mergeMessages(existing: readonly Message[], incoming: readonly Message[]): Message[] {
  if (incoming.length === 0) return existing as Message[];
  const bySeq = new Map<number, Message>();
  for (const m of existing) bySeq.set(m.seq, m);
  const incomingIds = new Set(incoming.map((m) => m.id));
  // a message whose id arrives again under another seq would be a server bug; keep the new one
  for (const [seq, m] of bySeq) if (incomingIds.has(m.id) && !incoming.some((i) => i.seq === seq)) bySeq.delete(seq);
  for (const m of incoming) {
    const held = bySeq.get(m.seq);
    bySeq.set(m.seq, held && isOlderCopy(m, held) ? held : m);
  }
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** true when `candidate` is an older state of `held` (e.g. a catch-up page racing a later edit). */
function isOlderCopy(candidate: Message, held: Message): boolean {
  if (held.deletedAt && !candidate.deletedAt) return true;
  const he = held.editedAt ? Date.parse(held.editedAt) : 0;
  const ce = candidate.editedAt ? Date.parse(candidate.editedAt) : 0;
  return ce < he;
}

export function maxSeq(messages: readonly Message[]): number {
  return messages.length ? messages[messages.length - 1].seq : 0;
}

/** Pending messages that are still waiting: the ones not yet seen as stored messages. */
export function withoutDelivered(pending: readonly PendingMessage[], stored: readonly Message[]): PendingMessage[] {
  if (pending.length === 0) return pending as PendingMessage[];
  const delivered = new Set(stored.map((m) => `${m.channelId}|${m.authorId}|${m.clientMsgId}`));
  const rest = pending.filter((p) => !delivered.has(`${p.channelId}|${p.authorId}|${p.clientMsgId}`));
  return rest.length === pending.length ? (pending as PendingMessage[]) : rest;
}

// ---- rows of the message list ----

export type ChatRow =
  | { kind: 'day'; key: string; date: string }
  | { kind: 'new'; key: string }
  | { kind: 'message'; key: string; message: Message; grouped: boolean }
  | { kind: 'pending'; key: string; pending: PendingMessage; grouped: boolean };

/** Consecutive messages of one author within this many minutes are grouped under one header. */
export const GROUP_MINUTES = 5;

export function localDay(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export const messageKey = (authorId: string, clientMsgId: string): string => `m:${authorId}:${clientMsgId}`;

export interface RowOptions {
  /** the reader's last read seq when the channel was opened: the divider goes before the first later message of someone else */
  dividerAfterSeq: number | null;
  myId: string | null;
}

/**
 * The rows the list shows: day separators, the "new messages" divider and messages, with
 * consecutive messages of one author grouped. Pending messages come last. A message keeps the
 * same key from pending to stored (author + clientMsgId), so the row does not jump.
 */
export function buildRows(messages: readonly Message[], pending: readonly PendingMessage[], options: RowOptions): ChatRow[] {
  const rows: ChatRow[] = [];
  let lastDay = '';
  let prevAuthor: string | null = null;
  let prevTime = 0;
  let dividerPlaced = false;

  const push = (authorId: string, createdAt: string, build: (grouped: boolean) => ChatRow, divider: boolean): void => {
    const day = localDay(createdAt);
    let breakGroup = false;
    if (day !== lastDay) {
      rows.push({ kind: 'day', key: `d:${day}`, date: day });
      lastDay = day;
      breakGroup = true;
    }
    if (divider) {
      rows.push({ kind: 'new', key: 'new' });
      breakGroup = true;
    }
    const time = Date.parse(createdAt);
    const grouped = !breakGroup && prevAuthor === authorId && time - prevTime < GROUP_MINUTES * 60_000;
    rows.push(build(grouped));
    prevAuthor = authorId;
    prevTime = time;
  };

  for (const m of messages) {
    const divider = !dividerPlaced && options.dividerAfterSeq !== null && m.seq > options.dividerAfterSeq && m.authorId !== options.myId;
    if (divider) dividerPlaced = true;
    push(
      m.deletedAt ? `deleted:${m.id}` : m.authorId,
      m.createdAt,
      (grouped) => ({
        kind: 'message',
        key: messageKey(m.authorId, m.clientMsgId),
        message: m,
        grouped,
      }),
      divider,
    );
  }
  for (const p of pending) {
    push(
      p.authorId,
      p.createdAt,
      (grouped) => ({ kind: 'pending', key: messageKey(p.authorId, p.clientMsgId), pending: p, grouped }),
      false,
    );
  }
  return rows;
}

/** Unread count of a channel from seqs, for a local estimate between server updates. */
export function unreadBetween(messages: readonly Message[], lastReadSeq: number, myId: string | null): number {
  return messages.filter((m) => m.seq > lastReadSeq && m.authorId !== myId && !m.deletedAt && !m.threadRootId).length;
}

/** A fresh client message id (idempotency key of one send, reused on every retry). */
export function newClientMsgId(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

/** The channels of one working group with my moderation mute set to `until` (null: lifted); others unchanged. */
export function withGroupMute<T extends { groupId: string | null; mutedUntil: string | null }>(
  channels: readonly T[],
  groupId: string,
  until: string | null,
): T[] {
  return channels.map((c) => (c.groupId === groupId && c.mutedUntil !== until ? { ...c, mutedUntil: until } : c));
}

/**
 * Where a channel's catch-up must start so that nothing is skipped: every seq up to `upTo` has
 * been received (from a page, which is complete, or live in order). Live events from two API nodes
 * can arrive out of order (N+1 from this node before N relayed through Redis); a later seq waits in
 * `ahead` until the ones before it arrive. A seq that never comes (a void left by a crashed
 * writer) only holds `upTo` back until the next catch-up, which re-reads a few messages at most
 * (merged by id, never shown twice).
 */
export class SeqCursor {
  private readonly ahead = new Set<number>();

  constructor(private upToSeq: number) {}

  get upTo(): number {
    return this.upToSeq;
  }

  /** Everything up to `seq` is held (a page from the server ended there). */
  complete(seq: number): void {
    if (seq > this.upToSeq) this.upToSeq = seq;
    for (const s of this.ahead) if (s <= this.upToSeq) this.ahead.delete(s);
    this.drain();
  }

  /** A live message arrived. */
  see(seq: number): void {
    if (seq <= this.upToSeq) return;
    this.ahead.add(seq);
    this.drain();
  }

  private drain(): void {
    while (this.ahead.delete(this.upToSeq + 1)) this.upToSeq++;
  }
}

/** A message shown in the channel itself (not a thread reply). */
export const isRoot = (m: Message): boolean => !m.threadRootId;

/** Messages grouped by channel, in the order given. */
export function byChannel(messages: readonly Message[]): Map<string, Message[]> {
  const out = new Map<string, Message[]>();
  for (const m of messages) out.set(m.channelId, [...(out.get(m.channelId) ?? []), m]);
  return out;
}

/** The counts of one of my channels after new messages arrived (each seq counted once). */
export function countIncoming<T extends { lastSeq: number; lastReadSeq: number; unread: number; mentions: number }>(
  channel: T,
  incoming: readonly Message[],
  myId: string | null,
): T {
  let { unread, mentions, lastReadSeq } = channel;
  let lastSeq = channel.lastSeq;
  for (const m of incoming) {
    if (m.seq <= channel.lastSeq) continue; // already counted
    lastSeq = Math.max(lastSeq, m.seq);
    if (m.authorId === myId) {
      if (!m.threadRootId) lastReadSeq = Math.max(lastReadSeq, m.seq);
      continue;
    }
    if (m.threadRootId || m.seq <= lastReadSeq) continue;
    unread += 1;
    if ((myId && m.mentions.includes(myId)) || m.mentionsChannel) mentions += 1;
  }
  return { ...channel, unread, mentions, lastSeq, lastReadSeq };
}

/** `record` without `key` (the same object when it has none). */
export function omit<T>(record: Record<string, T>, key: string): Record<string, T> {
  if (!(key in record)) return record;
  const next = { ...record };
  delete next[key];
  return next;
}
