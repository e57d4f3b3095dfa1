import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, QueryFilter } from 'mongoose';
import { isDuplicateKeyError } from '../../common/duplicate-key';
import { oid } from '../../common/object-id';
import { LeanMessage, ListedMessage } from './chat.records';
import { MessageDoc } from './message.schema';

export interface NewMessage {
  channelId: string;
  seq: number;
  authorId: string;
  clientMsgId: string;
  body: string;
  threadRootId: string | null;
  mentions: string[];
  mentionsChannel: boolean;
  attachmentIds: string[];
  terms: string[];
  /** read-state.ts: the channel's roots as this seq was reserved */
  ord: number;
}

/** What the watermark step needs of a seq: its reservation's `ord` (null: unknown, a dead writer's void) and whether it was a root's. */
export interface SeqReservation {
  ord: number | null;
  root: boolean;
}

const visible = { void: { $ne: true } };
/** What pages leave out: search terms and the edit history are never part of a listed message. */
const LISTED = { terms: 0, edits: 0 } as const;
/** Channels whose root share the paging-back windows remember (a hint for the window size only). */
const MAX_HINTS = 10_000;

/**
 * A page's query asks for at most `n` documents with a batch larger than that, so the first reply
 * holds them all and closes the cursor (a batch of exactly `n` would leave it open: one more round
 * trip, `killCursors`, before the page can be served).
 */
const oneBatch = (n: number): number => n + 1;

const reservationOf = (d: Pick<LeanMessage, 'ord' | 'root' | 'void' | 'threadRootId'>): SeqReservation => ({
  ord: typeof d.ord === 'number' ? d.ord : null,
  root: d.void ? d.root === true : !d.threadRootId,
});

@Injectable()
export class MessagesRepository {
  /** channelId → the share of its seqs that are thread roots, as the last paging-back read saw it */
  private readonly rootShare = new Map<string, number>();

  constructor(@InjectModel(MessageDoc.name) private readonly model: Model<MessageDoc>) {}

  async insert(m: NewMessage): Promise<LeanMessage> {
    const doc = await this.model.create({
      ...m,
      channelId: oid(m.channelId),
      authorId: oid(m.authorId),
      threadRootId: m.threadRootId ? oid(m.threadRootId) : null,
      attachmentIds: m.attachmentIds.map(oid),
      createdAt: new Date(),
    });
    return doc.toObject();
  }

  /**
   * Fills a seq that will never hold a message, so the watermark can pass it, recording its
   * reservation when known (null: the stall repair, whose writer died). False if the seq is taken.
   */
  async insertVoid(channelId: string, seq: number, reservation: SeqReservation | null = null): Promise<boolean> {
    try {
      await this.model.create({
        channelId: oid(channelId),
        seq,
        authorId: null,
        clientMsgId: `void:${seq}`,
        void: true,
        createdAt: new Date(),
        ...(reservation && reservation.ord !== null ? { ord: reservation.ord, root: reservation.root } : {}),
      });
      return true;
    } catch (err) {
      if (isDuplicateKeyError(err)) return false;
      throw err;
    }
  }

  findByClientId(channelId: string, authorId: string, clientMsgId: string): Promise<LeanMessage | null> {
    return this.model.findOne({ channelId: oid(channelId), authorId: oid(authorId), clientMsgId }).lean<LeanMessage>();
  }

  findById(id: string): Promise<LeanMessage | null> {
    return this.model.findOne({ _id: oid(id), ...visible }).lean<LeanMessage>();
  }

  /** The reservation of a written seq (message or void), or null when nothing is written there yet. */
  async reservationAt(channelId: string, seq: number): Promise<SeqReservation | null> {
    const d = await this.model
      .findOne({ channelId: oid(channelId), seq }, { ord: 1, root: 1, void: 1, threadRootId: 1 })
      .lean<Pick<LeanMessage, 'ord' | 'root' | 'void' | 'threadRootId'>>();
    return d ? reservationOf(d) : null;
  }

  /**
   * The root `ord` at a read position: that of the seq itself, or of the nearest seq below it whose
   * reservation is known (a dead writer's void has none; its ord, if a root's, is a hole anyway).
   * Windows widen ×4 downwards, like `before`. 0 when nothing near below is known.
   */
  async ordAt(channelId: string, seq: number): Promise<number> {
    let to = seq;
    // bounded: only seqs written before ords existed (older databases) have none at all
    for (let span = 1; to > 0 && span <= 4096; span *= 4) {
      const from = Math.max(0, to - span);
      const docs = await this.model
        .find({ channelId: oid(channelId), seq: { $gt: from, $lte: to } }, { seq: 1, ord: 1 })
        .lean<{ seq: number; ord?: number | null }[]>();
      const known = docs.filter((d) => typeof d.ord === 'number').sort((a, b) => b.seq - a.seq)[0];
      if (known) return known.ord!;
      to = from;
    }
    return 0;
  }

  /** The `ord`s of root messages after `afterSeq` (up to the watermark) that mention this person, by name or @channel, not by them. */
  async mentionOrdsAfter(channelId: string, afterSeq: number, userId: string): Promise<number[]> {
    const docs = await this.model
      .find(
        {
          channelId: oid(channelId),
          seq: { $gt: afterSeq },
          threadRootId: null,
          authorId: { $ne: oid(userId) },
          $or: [{ mentions: userId }, { mentionsChannel: true }],
          ...visible,
        },
        { ord: 1 },
      )
      .lean<{ ord?: number }[]>();
    return docs.flatMap((d) => (typeof d.ord === 'number' ? [d.ord] : []));
  }

  /** Messages with from < seq ≤ to (committed range), oldest first, voids skipped. */
  range(channelId: string, from: number, to: number): Promise<LeanMessage[]> {
    return this.model
      .find({ channelId: oid(channelId), seq: { $gt: from, $lte: to }, ...visible })
      .sort({ seq: 1 })
      .lean<LeanMessage[]>();
  }

  /**
   * Catch-up: seq > after (up to the watermark), oldest first, every message incl. thread replies.
   * Every seq up to the watermark holds a message or a void, so a window of limit+1 seqs nearly
   * always suffices; it widens only past voids. (Bounded seq windows keep each read small on the
   * embedded database too, which sorts and limits after reading the whole range.)
   */
  async after(channelId: string, after: number, upTo: number, limit: number): Promise<ListedMessage[]> {
    const out: ListedMessage[] = [];
    let from = after;
    for (let span = limit + 1; out.length < limit + 1 && from < upTo; span *= 4) {
      const to = Math.min(upTo, from + span);
      const want = limit + 1 - out.length;
      out.push(
        ...(await this.model
          .find({ channelId: oid(channelId), seq: { $gt: from, $lte: to }, ...visible }, LISTED)
          .sort({ seq: 1 })
          .limit(want)
          .batchSize(oneBatch(want))
          .lean<ListedMessage[]>()),
      );
      from = to;
    }
    return out;
  }

  /**
   * Paging back through the channel view (thread roots only), newest first: seq windows below
   * `before`, widening (×4) while thread replies and voids leave them short of a page. The first
   * window is sized by the share of roots this node last saw in the channel (a page and a quarter
   * of seqs where every message is a root), so a page is usually one query that reads little more
   * than the page itself; the hint only sizes windows, the result is the same whatever it says.
   */
  async before(channelId: string, before: number, limit: number): Promise<ListedMessage[]> {
    const out: ListedMessage[] = [];
    const share = this.rootShare.get(channelId) ?? 1;
    const first = Math.min((limit + 1) * 16, Math.max(16, Math.ceil(((limit + 1) * 1.25) / share)));
    let to = before;
    for (let span = first; out.length < limit + 1 && to > 1; span *= 4) {
      const from = Math.max(0, to - span);
      const want = limit + 1 - out.length;
      out.push(
        ...(await this.model
          .find({ channelId: oid(channelId), seq: { $gte: from, $lt: to }, threadRootId: null, ...visible }, LISTED)
          .sort({ seq: -1 })
          .limit(want)
          .batchSize(oneBatch(want))
          .lean<ListedMessage[]>()),
      );
      to = from;
    }
    // a full page tells how many seqs its roots took: `before` down to the oldest of them
    const oldest = out[limit];
    if (oldest) this.hint(channelId, Math.min(1, Math.max(1 / 16, out.length / (before - oldest.seq))));
    return out;
  }

  private hint(channelId: string, share: number): void {
    if (this.rootShare.size >= MAX_HINTS && !this.rootShare.has(channelId)) this.rootShare.clear();
    this.rootShare.set(channelId, share);
  }

  thread(channelId: string, rootId: string, after: number, upTo: number, limit: number): Promise<ListedMessage[]> {
    return this.model
      .find({ channelId: oid(channelId), threadRootId: oid(rootId), seq: { $gt: after, $lte: upTo }, ...visible }, LISTED)
      .sort({ seq: 1 })
      .limit(limit + 1)
      .batchSize(oneBatch(limit + 1))
      .lean<ListedMessage[]>();
  }

  pinned(channelId: string): Promise<LeanMessage[]> {
    return this.model
      .find({ channelId: oid(channelId), pinned: true, deletedAt: null, ...visible })
      .sort({ seq: -1 })
      .limit(100)
      .lean<LeanMessage[]>();
  }

  async incReplies(rootId: string, at: Date): Promise<LeanMessage | null> {
    return this.model
      .findOneAndUpdate({ _id: oid(rootId) }, { $inc: { replyCount: 1 }, $max: { lastReplyAt: at } }, { returnDocument: 'after' })
      .lean<LeanMessage>();
  }

  /** Edits only a live message of this author, keeping the previous body in the history. */
  async edit(
    id: string,
    authorId: string,
    body: string,
    terms: string[],
    mentions: { userIds: string[]; channel: boolean },
    previous: string,
    at: Date,
  ): Promise<LeanMessage | null> {
    return this.model
      .findOneAndUpdate(
        { _id: oid(id), authorId: oid(authorId), deletedAt: null, body: previous, ...visible },
        {
          $set: { body, terms, mentions: mentions.userIds, mentionsChannel: mentions.channel, editedAt: at },
          $push: { edits: { body: previous, editedAt: at } },
        },
        { returnDocument: 'after' },
      )
      .lean<LeanMessage>();
  }

  async softDelete(id: string, by: 'author' | 'moderator'): Promise<LeanMessage | null> {
    return this.model
      .findOneAndUpdate(
        { _id: oid(id), deletedAt: null, ...visible },
        { $set: { deletedAt: new Date(), deletedBy: by, pinned: false, terms: [] } },
        { returnDocument: 'after' },
      )
      .lean<LeanMessage>();
  }

  /** Toggles one reaction atomically: add if absent, else remove. */
  async toggleReaction(id: string, key: string): Promise<LeanMessage | null> {
    const added = await this.model
      .findOneAndUpdate(
        { _id: oid(id), deletedAt: null, reactionKeys: { $ne: key }, ...visible },
        { $addToSet: { reactionKeys: key } },
        { returnDocument: 'after' },
      )
      .lean<LeanMessage>();
    if (added) return added;
    return this.model
      .findOneAndUpdate(
        { _id: oid(id), deletedAt: null, reactionKeys: key, ...visible },
        { $pull: { reactionKeys: key } },
        { returnDocument: 'after' },
      )
      .lean<LeanMessage>();
  }

  async setPinned(id: string, pinned: boolean): Promise<LeanMessage | null> {
    return this.model
      .findOneAndUpdate({ _id: oid(id), deletedAt: null, ...visible }, { $set: { pinned } }, { returnDocument: 'after' })
      .lean<LeanMessage>();
  }

  /** Links the first card made from a message, once: a later card (anyone's, at any time, concurrently too) never replaces it. */
  async setCardOnce(id: string, cardId: string): Promise<boolean> {
    const res = await this.model.updateOne({ _id: oid(id), cardId: null }, { $set: { cardId } });
    return res.modifiedCount === 1;
  }

  /** Takes the card link off again, only if it is still `cardId`. */
  async clearCardIf(id: string, cardId: string): Promise<boolean> {
    const res = await this.model.updateOne({ _id: oid(id), cardId }, { $set: { cardId: null } });
    return res.modifiedCount === 1;
  }

  /**
   * Unread messages for the offline digest, oldest first: after each read position up to the
   * watermark, not the reader's own, not deleted, not thread replies (as the unread counts) — every
   * message where `everything`, else only those mentioning the reader (by name or @channel).
   */
  async digestCandidates(
    userId: string,
    positions: { channelId: string; after: number; upTo: number; everything: boolean }[],
    limit: number,
  ): Promise<LeanMessage[]> {
    const open = positions.filter((p) => p.upTo > p.after);
    if (open.length === 0) return [];
    const mentioned = [{ mentions: userId }, { mentionsChannel: true }];
    return this.model
      .find({
        channelId: { $in: open.map((p) => oid(p.channelId)) },
        $or: open.map((p) => ({
          channelId: oid(p.channelId),
          seq: { $gt: p.after, $lte: p.upTo },
          ...(p.everything ? {} : { $or: mentioned }),
        })),
        authorId: { $ne: oid(userId) },
        deletedAt: null,
        threadRootId: null,
        ...visible,
      })
      .sort({ createdAt: 1, _id: 1 })
      .limit(limit)
      .lean<LeanMessage[]>();
  }

  /** Prefix search over folded words, in the given channels only; newest first. */
  search(q: {
    terms: string[];
    channelIds: string[];
    authorId?: string;
    from?: Date;
    to?: Date;
    beforeSeqOf?: { createdAt: Date; id: string };
    limit: number;
  }): Promise<LeanMessage[]> {
    const f: QueryFilter<MessageDoc> = {
      channelId: { $in: q.channelIds.map(oid) },
      deletedAt: null,
      ...visible,
      $and: q.terms.map((t) => ({ terms: { $regex: new RegExp(`^${t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) } })),
    };
    if (q.authorId) f.authorId = oid(q.authorId);
    if (q.from || q.to) f.createdAt = { ...(q.from ? { $gte: q.from } : {}), ...(q.to ? { $lte: q.to } : {}) };
    if (q.beforeSeqOf)
      f.$or = [
        { createdAt: { $lt: q.beforeSeqOf.createdAt } },
        { createdAt: q.beforeSeqOf.createdAt, _id: { $lt: oid(q.beforeSeqOf.id) } },
      ];
    return this.model
      .find(f)
      .sort({ createdAt: -1, _id: -1 })
      .limit(q.limit + 1)
      .lean<LeanMessage[]>();
  }
}
