import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { Interval } from '@nestjs/schedule';
import { ErrorCode, type Message, type SendMessagePayload } from '@klasteris/contracts';
import { ApiException, notFound } from '../../common/api-exception';
import type { AuthUser } from '../../common/auth-user';
import { AttachmentsRepository } from './attachments.repository';
import { ChannelAccessService } from './channel-access.service';
import { ChannelFacts, ChannelFactsCache } from './channel-facts';
import { ChannelsRepository } from './channels.repository';
import { ChatMentionEvent, MessageCommittedEvent, MessageChangedEvent } from './chat.events';
import { LeanMessage } from './chat.records';
import { parseMentions, searchTerms } from './mentions';
import { MembersRepository } from './members.repository';
import { isDuplicateKeyError } from '../../common/duplicate-key';
import { MessagesRepository, SeqReservation } from './messages.repository';
import { HolesRepository } from './holes.repository';
import { skippedOrds } from './read-state';
import { ReadStateService } from './read-state.service';
import { MessageViewService } from './message-view.service';
import { SendRateLimiter } from './send-rate';
import { SendGate } from './send-gate';

const STALL_MS = 3000;

interface Written {
  doc: LeanMessage | null;
  reservation: SeqReservation;
  at: number;
}

/**
 * The write path of messages, built for "never lost, never duplicated, never out of order".
 *
 * 1. Idempotency: (channelId, authorId, clientMsgId) is a unique index. A send inserts without
 *    looking first; a resend hits the index, finds the stored twin and acks it (its own seq is voided).
 * 2. Order: the seq is reserved with an atomic $inc on the channel, then the message is inserted
 *    under the unique (channelId, seq) index. The ack is sent only after that insert.
 * 3. Gap-free reads: writers finish in any order, so the channel also keeps `committedSeq`, a
 *    watermark below which every seq is written. A writer advances it from seq-1 to seq with a
 *    conditional update, then carries it over any later seqs already written. Readers and live
 *    events only ever go up to the watermark, so nobody can see N+1 while N is in flight, and
 *    live `message:new` events leave in seq order.
 * 4. A seq whose writer will never finish (duplicate resend, refused sender, crash between reserve
 *    and insert) is filled with a void record — immediately for the first two, by `repairStalled`
 *    after STALL_MS for crashes — so the watermark cannot get stuck. A writer that finds its seq
 *    voided takes a new one.
 *
 * Round trips of a plain send (no thread, files or mentions), counted by `npm run bench -- chat`:
 * reserve the seq; the membership check, which also moves the sender's read position; the insert;
 * the watermark step (which returns `lastSeq`, so it looks for later seqs only when some were
 * reserved). Channel and membership facts come from ChannelFactsCache; the inserted document is
 * announced as written, with no re-read (only seqs written by another node are read back).
 *
 * Unread counts (read-state.ts) ride on these same four: the reservation also takes a root message's
 * `ord`, the membership check moves the sender's root position with their seq, the watermark step
 * carries the ord into the channel's `committedRoots`. Only what does not count costs more: a root
 * reservation given up (a void) or skipped by a dead writer is recorded as a hole, and a mention is
 * put on the mentioned members.
 */
@Injectable()
export class MessageWriterService {
  private readonly logger = new Logger('MessageWriter');
  private readonly rate = new SendRateLimiter(10, 5);
  private readonly stalls = new Map<string, { committed: number; since: number }>();
  private readonly commitChains = new Map<string, Promise<void>>();
  /** Messages (or voids: null) this node wrote and has not announced yet, per channel and seq, with their reservations. */
  private readonly written = new Map<string, Map<number, Written>>();

  constructor(
    private readonly channels: ChannelsRepository,
    private readonly members: MembersRepository,
    private readonly messages: MessagesRepository,
    private readonly attachments: AttachmentsRepository,
    private readonly access: ChannelAccessService,
    private readonly facts: ChannelFactsCache,
    private readonly view: MessageViewService,
    private readonly events: EventEmitter2,
    private readonly gate: SendGate,
    private readonly holes: HolesRepository,
    private readonly readState: ReadStateService,
  ) {}

  async send(me: AuthUser, p: SendMessagePayload): Promise<Message> {
    const { channel, member } = await this.access.forSend(me, p.channelId);
    const retryAfter = this.rate.take(me.id);
    if (retryAfter > 0) {
      // a resend of a stored message is answered with it, however fast it comes
      const existing = await this.messages.findByClientId(channel.id, me.id, p.clientMsgId);
      if (existing) return this.view.one(existing);
      throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, ErrorCode.RateLimited, 'You are sending messages too fast', {
        retryAfter: Math.ceil(retryAfter * 10) / 10,
      });
    }
    const body = p.body.trim();
    const attachmentIds = [...new Set(p.attachmentIds ?? [])];
    if (!body && attachmentIds.length === 0) {
      throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.ValidationFailed, 'A message needs text or a file', {
        fields: [{ field: 'body', message: 'should not be empty' }],
      });
    }
    if (p.threadRootId) await this.assertThreadRoot(channel.id, p.threadRootId);
    if (attachmentIds.length > 0 && (await this.attachments.countAttachable(attachmentIds, channel.id, me.id)) !== attachmentIds.length) {
      throw new ApiException(
        HttpStatus.BAD_REQUEST,
        ErrorCode.AttachmentRejected,
        'Attach only files you uploaded to this channel and have not sent yet',
      );
    }
    const parsed = parseMentions(body);
    const mentions = {
      userIds: parsed.userIds.filter((u) => u !== me.id),
      channel: parsed.channel && this.access.mayMentionChannel(me, member),
    };

    await this.gate.check(me, channel, { body, role: member.role });

    const stored = await this.insertWithSeq(channel, me.id, p.clientMsgId, {
      body,
      threadRootId: p.threadRootId ?? null,
      mentions: mentions.userIds,
      mentionsChannel: mentions.channel,
      attachmentIds,
      terms: searchTerms(body),
    });
    if (stored.duplicate) return this.view.one(stored.doc);
    const doc = stored.doc;

    if (attachmentIds.length > 0) await this.attachments.attach(attachmentIds, channel.id, me.id, doc._id);
    await this.commit(channel.id, doc.seq);
    if (p.threadRootId) {
      const root = await this.messages.incReplies(p.threadRootId, doc.createdAt);
      if (root) this.events.emit(MessageChangedEvent.event, new MessageChangedEvent(await this.view.one(root)));
    }
    await this.notifyMentions(me, channel.id, channel.name, channel.type, doc, mentions);
    return this.view.one(doc);
  }

  private async insertWithSeq(
    channel: ChannelFacts,
    authorId: string,
    clientMsgId: string,
    m: {
      body: string;
      threadRootId: string | null;
      mentions: string[];
      mentionsChannel: boolean;
      attachmentIds: string[];
      terms: string[];
    },
  ): Promise<{ doc: LeanMessage; duplicate: boolean }> {
    const channelId = channel.id;
    const root = m.threadRootId === null;
    for (let attempt = 0; attempt < 20; attempt++) {
      const reserved = await this.channels.reserveSeq(channelId, root);
      if (reserved === null) {
        this.facts.forget(channelId);
        throw new ApiException(HttpStatus.CONFLICT, ErrorCode.ChannelArchived, 'This channel is archived');
      }
      const { seq, ord } = reserved;
      // the membership check in the write path (the cached facts may be a moment old)
      if (!(await this.members.touchForSend(channelId, authorId, root ? { seq, ord } : null))) {
        this.facts.forget(channelId, authorId);
        await this.giveUp(channelId, seq, { ord, root });
        throw this.access.notAMember(channel);
      }
      try {
        const doc = await this.messages.insert({ channelId, seq, authorId, clientMsgId, ...m, ord });
        this.remember(channelId, seq, doc, { ord, root });
        return { doc, duplicate: false };
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
        const twin = await this.messages.findByClientId(channelId, authorId, clientMsgId);
        if (twin) {
          // a resend (or a concurrent twin) of a stored message: give our seq up so the watermark can pass it
          await this.giveUp(channelId, seq, { ord, root });
          return { doc: twin, duplicate: true };
        }
        // our seq was voided by the stall repair (with no ord): take a new one; this one's ord counts for nothing
        if (root) await this.holes.add(channelId, [ord]);
      }
    }
    throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.ServiceUnavailable, 'The channel is too busy; try again');
  }

  /**
   * Fills a reserved seq that will hold no message with a void and lets the watermark pass it; a
   * root's ord becomes a hole first, so it never counts as unread.
   */
  private async giveUp(channelId: string, seq: number, reservation: { ord: number; root: boolean }): Promise<void> {
    if (reservation.root) await this.holes.add(channelId, [reservation.ord]);
    if (await this.messages.insertVoid(channelId, seq, reservation)) this.remember(channelId, seq, null, reservation);
    await this.commit(channelId, seq);
  }

  private remember(channelId: string, seq: number, doc: LeanMessage | null, reservation: SeqReservation): void {
    let m = this.written.get(channelId);
    if (!m) this.written.set(channelId, (m = new Map<number, Written>()));
    m.set(seq, { doc, reservation, at: Date.now() });
  }

  /** What is written at a seq: as this node wrote it, else as the database has it (null: nothing yet). */
  private async reservationAt(channelId: string, seq: number): Promise<SeqReservation | null> {
    return this.written.get(channelId)?.get(seq)?.reservation ?? (await this.messages.reservationAt(channelId, seq));
  }

  /**
   * One watermark step onto `to` (whose reservation is `at`): the channel's lastSeq, or null when the
   * watermark was elsewhere. Ords the step jumps over were reserved by writers that died: holes.
   */
  private async step(channelId: string, to: number, at: SeqReservation): Promise<number | null> {
    const d = await this.channels.advanceCommitted(channelId, to - 1, to, at.ord);
    if (d === null) return null;
    if (at.ord !== null) await this.holes.add(channelId, skippedOrds(d.rootsBefore, at.ord, at.root));
    return d.lastSeq;
  }

  /**
   * Advances the watermark over `seq` (and any later seqs already written), announcing each message.
   * Commits of one channel run one after another on this node, so announcements leave in seq order.
   */
  commit(channelId: string, seq: number): Promise<void> {
    const next = (this.commitChains.get(channelId) ?? Promise.resolve()).then(() => this.commitNow(channelId, seq));
    const settled = next.catch(() => undefined);
    this.commitChains.set(channelId, settled);
    void settled.then(() => {
      if (this.commitChains.get(channelId) === settled) this.commitChains.delete(channelId);
    });
    return next;
  }

  private async commitNow(channelId: string, seq: number): Promise<void> {
    const own = await this.reservationAt(channelId, seq);
    let last = await this.step(channelId, seq, own ?? { ord: null, root: false });
    if (last === null) return;
    let to = seq;
    // later seqs were reserved: carry the watermark over those already written (here or on another node)
    while (last > to) {
      const at = await this.reservationAt(channelId, to + 1);
      if (at === null) break;
      const next = await this.step(channelId, to + 1, at);
      if (next === null) break;
      last = next;
      to++;
    }
    await this.announce(channelId, seq - 1, to);
  }

  /** Announces the committed messages from < seq ≤ to, oldest first: as written here, reading back only what another node wrote. */
  private async announce(channelId: string, from: number, to: number): Promise<void> {
    const local = this.written.get(channelId);
    const docs: LeanMessage[] = [];
    let complete = true;
    for (let s = from + 1; s <= to && complete; s++) {
      const w = local?.get(s);
      if (!w) complete = false;
      else if (w.doc) docs.push(w.doc);
    }
    if (local) {
      for (const s of local.keys()) if (s <= to) local.delete(s);
      if (local.size === 0) this.written.delete(channelId);
    }
    const committed = complete ? docs : await this.messages.range(channelId, from, to);
    for (const message of await this.view.many(committed))
      this.events.emit(MessageCommittedEvent.event, new MessageCommittedEvent(message));
  }

  /** Voids a seq that has stayed unwritten for STALL_MS (its writer died) so readers move on. */
  @Interval(1000)
  async repairStalled(): Promise<void> {
    const now = Date.now();
    const trailing = await this.channels.trailing().catch(() => []);
    const seen = new Set<string>();
    for (const c of trailing) {
      seen.add(c.id);
      const stall = this.stalls.get(c.id);
      if (!stall || stall.committed !== c.committedSeq) {
        this.stalls.set(c.id, { committed: c.committedSeq, since: now });
        continue;
      }
      if (now - stall.since < STALL_MS) continue;
      const next = c.committedSeq + 1;
      if (await this.messages.insertVoid(c.id, next)) {
        this.remember(c.id, next, null, { ord: null, root: false });
        this.logger.warn(`Voided seq ${next} of channel ${c.id}: its writer did not finish`);
      }
      await this.commit(c.id, next);
      this.stalls.delete(c.id);
    }
    for (const id of this.stalls.keys()) if (!seen.has(id)) this.stalls.delete(id);
    // what this node wrote but another node announced (it advanced the watermark over it) is not kept
    for (const [channelId, m] of this.written) {
      for (const [s, w] of m) if (now - w.at > 60_000) m.delete(s);
      if (m.size === 0) this.written.delete(channelId);
    }
  }

  private async assertThreadRoot(channelId: string, rootId: string): Promise<void> {
    const root = await this.messages.findById(rootId);
    if (!root || root.channelId.toHexString() !== channelId) throw notFound('Thread');
    if (root.threadRootId) {
      throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.ValidationFailed, 'Reply to the thread root, not to a reply', {
        fields: [{ field: 'threadRootId', message: 'is a reply' }],
      });
    }
  }

  private async notifyMentions(
    me: AuthUser,
    channelId: string,
    channelName: string,
    type: string,
    doc: LeanMessage,
    mentions: { userIds: string[]; channel: boolean },
  ): Promise<void> {
    if (mentions.userIds.length === 0 && !mentions.channel) return;
    await this.readState.mentioned(doc, mentions.channel ? null : mentions.userIds);
    const memberIds = new Set(await this.members.userIdsOf(channelId));
    const named = (mentions.channel ? [...memberIds] : mentions.userIds.filter((u) => memberIds.has(u))).filter((u) => u !== me.id);
    // a member who muted the channel hears nothing from it
    const muted = await this.members.mutedUserIds(channelId, named);
    const targets = named.filter((u) => !muted.has(u));
    if (targets.length === 0) return;
    await this.events.emitAsync(
      ChatMentionEvent.event,
      new ChatMentionEvent(
        targets,
        { id: me.id, displayName: me.displayName },
        { id: channelId, name: channelName, direct: type === 'direct' },
        { seq: doc.seq, excerpt: doc.body.replace(/<@[0-9a-f]{24}>/g, '@…').slice(0, 200) },
      ),
    );
  }
}
