import { HttpStatus, Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { ErrorCode, type Message, type MessageEdit, type MessageListQuery, type MessagePage } from '@klasteris/contracts';
import { ApiException, forbidden, notFound } from '../../common/api-exception';
import { AuthUser, isStaff } from '../../common/auth-user';
import { ChannelAccessService } from './channel-access.service';
import { ChannelsRepository } from './channels.repository';
import { ChannelReadStateEvent, MessageChangedEvent, MessageDeletedEvent } from './chat.events';
import { LeanMessage, reactionKey } from './chat.records';
import { parseMentions, searchTerms } from './mentions';
import { MembersRepository } from './members.repository';
import { MessagesRepository } from './messages.repository';
import { MessageViewService } from './message-view.service';
import { ReadStateService } from './read-state.service';
import { AuditService } from '../audit/audit.service';
import { ModerationPolicy } from '../moderation/moderation-policy';

const DEFAULT_LIMIT = 50;

/** Reading, editing, deleting, reacting, pinning and read positions. Sending lives in MessageWriterService. */
@Injectable()
export class MessagesService {
  constructor(
    private readonly channels: ChannelsRepository,
    private readonly members: MembersRepository,
    private readonly messages: MessagesRepository,
    private readonly access: ChannelAccessService,
    private readonly view: MessageViewService,
    private readonly events: EventEmitter2,
    private readonly policy: ModerationPolicy,
    private readonly audit: AuditService,
    private readonly readState: ReadStateService,
  ) {}

  /**
   * `after`: catch-up, oldest first, every message (thread replies too) up to the committed watermark.
   * `before`: paging back through the channel view (roots only), returned oldest first.
   * neither: the newest page of the channel view. `threadRootId`: a thread, oldest first.
   */
  async list(me: AuthUser, channelId: string, q: MessageListQuery): Promise<MessagePage> {
    const channel = await this.access.forMessages(me, channelId);
    const limit = q.limit ?? DEFAULT_LIMIT;
    const upTo = channel.committedSeq;
    if (q.threadRootId) {
      const root = await this.messages.findById(q.threadRootId);
      if (!root || root.channelId.toHexString() !== channelId) throw notFound('Thread');
      const rows = await this.messages.thread(channelId, q.threadRootId, q.after ?? 0, upTo, limit);
      return { items: await this.view.many(rows.slice(0, limit)), hasMore: rows.length > limit };
    }
    if (q.after !== undefined) {
      const rows = await this.messages.after(channelId, q.after, upTo, limit);
      return { items: await this.view.many(rows.slice(0, limit)), hasMore: rows.length > limit };
    }
    const rows = await this.messages.before(channelId, Math.min(q.before ?? Number.MAX_SAFE_INTEGER, upTo + 1), limit);
    return { items: await this.view.many(rows.slice(0, limit).reverse()), hasMore: rows.length > limit };
  }

  async get(me: AuthUser, id: string): Promise<{ doc: LeanMessage; message: Message }> {
    const doc = await this.messages.findById(id);
    if (!doc) throw notFound('Message');
    await this.access.forRead(me, doc.channelId.toHexString());
    return { doc, message: await this.view.one(doc) };
  }

  async edits(me: AuthUser, id: string): Promise<MessageEdit[]> {
    const { doc } = await this.get(me, id);
    const staff = await this.moderates(me, doc.channelId.toHexString());
    if (doc.authorId?.toHexString() !== me.id && !staff) throw forbidden('Only the author and moderators see the edit history');
    return doc.edits.map((e) => ({ body: e.body, editedAt: e.editedAt.toISOString() }));
  }

  async edit(me: AuthUser, id: string, body: string): Promise<Message> {
    const { doc } = await this.get(me, id);
    if (doc.authorId?.toHexString() !== me.id) throw forbidden('Only the author edits a message');
    if (doc.deletedAt) throw notFound('Message');
    const text = body.trim();
    if (!text)
      throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.ValidationFailed, 'A message cannot be empty', {
        fields: [{ field: 'body', message: 'should not be empty' }],
      });
    if (text === doc.body) return this.view.one(doc);
    const parsed = parseMentions(text);
    const updated = await this.messages.edit(
      id,
      me.id,
      text,
      searchTerms(text),
      { userIds: parsed.userIds.filter((u) => u !== me.id), channel: parsed.channel && doc.mentionsChannel },
      doc.body,
      new Date(),
    );
    if (!updated) throw new ApiException(HttpStatus.CONFLICT, ErrorCode.Conflict, 'The message changed meanwhile; reload and try again');
    await this.readState.mentionsEdited(doc, updated);
    const message = await this.view.one(updated);
    this.events.emit(MessageChangedEvent.event, new MessageChangedEvent(message));
    return message;
  }

  /** Cluster staff anywhere; group coordinators in their group's channels. */
  async moderates(me: AuthUser, channelId: string): Promise<boolean> {
    if (isStaff(me)) return true;
    const channel = await this.channels.findById(channelId);
    return channel?.groupId ? this.policy.isModerator(channel.groupId, me.id) : false;
  }

  /**
   * Authors delete their messages; moderators (cluster staff, the group's coordinators) any message
   * they may read, audited with the reason. Read and delete agree: a message the caller cannot read
   * (a DM or private channel they are not in) is 404 to them, staff included. The one way into such
   * a conversation is a report (`via: 'report'`, passed only by the report resolution, which
   * checked that the caller moderates the report's group): the reported text is already in the report.
   */
  async delete(me: AuthUser, id: string, reason: string | null = null, via: 'direct' | 'report' = 'direct'): Promise<void> {
    const doc = await this.messages.findById(id);
    if (!doc) throw notFound('Message');
    const own = doc.authorId?.toHexString() === me.id;
    if (via === 'direct') await this.access.forRead(me, doc.channelId.toHexString());
    if (!own && !(await this.moderates(me, doc.channelId.toHexString())))
      throw forbidden('Only the author or a moderator deletes a message');
    const deleted = await this.messages.softDelete(id, own ? 'author' : 'moderator');
    if (!deleted) return; // already deleted: deleting is idempotent
    await this.readState.deleted(deleted);
    if (!own) {
      const channel = await this.channels.findById(doc.channelId.toHexString());
      await this.audit.record({
        actorId: me.id,
        action: 'message.delete',
        targetType: 'message',
        targetId: id,
        scopeId: channel?.groupId ?? null,
        reason,
        before: { body: doc.body, authorId: doc.authorId?.toHexString() ?? null, channelId: doc.channelId.toHexString() },
      });
    }
    this.events.emit(
      MessageDeletedEvent.event,
      new MessageDeletedEvent(deleted.channelId.toHexString(), id, deleted.seq, own ? 'author' : 'moderator'),
    );
    this.events.emit(MessageChangedEvent.event, new MessageChangedEvent(await this.view.one(deleted)));
  }

  async toggleReaction(me: AuthUser, id: string, emoji: string): Promise<Message> {
    const { doc } = await this.get(me, id);
    const access = await this.access.forRead(me, doc.channelId.toHexString());
    if (!access.member) throw forbidden('Join the channel to react');
    const updated = await this.messages.toggleReaction(id, reactionKey(me.id, emoji));
    if (!updated) throw notFound('Message');
    const message = await this.view.one(updated);
    this.events.emit(MessageChangedEvent.event, new MessageChangedEvent(message));
    return message;
  }

  async setPinned(me: AuthUser, id: string, pinned: boolean): Promise<Message> {
    const { doc } = await this.get(me, id);
    const access = await this.access.forRead(me, doc.channelId.toHexString());
    if (!access.member && !isStaff(me)) throw forbidden('Join the channel to pin messages');
    const updated = await this.messages.setPinned(id, pinned);
    if (!updated) throw notFound('Message');
    const message = await this.view.one(updated);
    this.events.emit(MessageChangedEvent.event, new MessageChangedEvent(message));
    return message;
  }

  /**
   * Shows on a message the project card made from it: the first such card only (a conditional
   * update, so nobody replaces the link later). The boards module checked that the card's creator
   * may read the message; this is called for their new card only.
   */
  async linkCard(messageId: string, cardId: string): Promise<void> {
    await this.claimCard(messageId, cardId);
  }

  /**
   * The message's side of linking a card (first card wins, a conditional write): true when this call
   * linked it; channel members then see the message with its card live. The caller (boards) has
   * checked that the person linking may read the message and owns the card.
   */
  async claimCard(messageId: string, cardId: string): Promise<boolean> {
    if (!(await this.messages.setCardOnce(messageId, cardId))) return false;
    await this.announce(messageId);
    return true;
  }

  /** Undoes `claimCard` (only while the message still shows that card): the card's side of the link lost a race. */
  async releaseCard(messageId: string, cardId: string): Promise<void> {
    if (await this.messages.clearCardIf(messageId, cardId)) await this.announce(messageId);
  }

  private async announce(messageId: string): Promise<void> {
    const doc = await this.messages.findById(messageId);
    if (doc) this.events.emit(MessageChangedEvent.event, new MessageChangedEvent(await this.view.one(doc)));
  }

  async pins(me: AuthUser, channelId: string): Promise<Message[]> {
    await this.access.forRead(me, channelId);
    return this.view.many(await this.messages.pinned(channelId));
  }

  /** Moves my read position forward (never back) and tells my other devices. */
  async markRead(me: AuthUser, channelId: string, seq: number): Promise<{ unread: number; mentions: number; lastReadSeq: number }> {
    const { channel, member } = await this.access.forRead(me, channelId);
    if (!member) throw notFound('Channel');
    const at = await this.readState.position(channel, seq);
    const read = member.mentionOrds.filter((o) => o <= at.roots);
    const updated = (await this.members.markRead(channelId, me.id, at, read)) ?? member;
    const lastReadSeq = updated.lastReadSeq;
    const counts = await this.readState.one(updated, channel);
    this.events.emit(ChannelReadStateEvent.event, new ChannelReadStateEvent(me.id, { channelId, lastReadSeq, ...counts }));
    return { ...counts, lastReadSeq };
  }
}
