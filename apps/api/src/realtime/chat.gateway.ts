import { Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayDisconnect,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import type { Ack } from '@klasteris/contracts';
import { notFound } from '../common/api-exception';
import { AppConfig } from '../config/app-config';
import { ChannelFactsCache } from '../modules/chat/channel-facts';
import { MessageWriterService } from '../modules/chat/message-writer.service';
import { MessagesService } from '../modules/chat/messages.service';
import { ChannelAccessService } from '../modules/chat/channel-access.service';
import {
  ChannelChangedEvent,
  ChannelFactsStaleEvent,
  ChannelMembershipEvent,
  ChannelReadStateEvent,
  MessageChangedEvent,
  MessageCommittedEvent,
  MessageDeletedEvent,
} from '../modules/chat/chat.events';
import {
  ChannelReadEventDto,
  DeleteMessageEvent,
  EditMessageEvent,
  PresenceSetEvent,
  ReactionToggleEvent,
  SendMessageEvent,
  TypingEvent,
} from '../modules/chat/dto/socket.dto';
import { PresenceService } from './presence.service';
import { channelRoom, userRoom } from './rooms';
import { ack, type AckOf, parsePayload } from './socket-ack';
import type { AppServer, AuthedSocket } from './socket-auth';

const TYPING_INTERVAL_MS = 2000;
/** Between API nodes (serverSideEmit through the Redis adapter): a channel's cached facts changed. */
const FACTS_STALE = 'chat:facts-stale';
interface FactsStale {
  channelId: string;
  userId: string | null;
}

/** Chat over Socket.IO: thin handlers (validate, authorise in the service, call it, ack) and event → room mapping. */
@WebSocketGateway()
export class ChatGateway implements OnGatewayInit, OnGatewayDisconnect {
  private readonly logger = new Logger('ChatGateway');
  private readonly lastTyping = new Map<string, number>();
  @WebSocketServer() server: AppServer;

  constructor(
    private readonly writer: MessageWriterService,
    private readonly messages: MessagesService,
    private readonly access: ChannelAccessService,
    private readonly presence: PresenceService,
    private readonly facts: ChannelFactsCache,
    private readonly config: AppConfig,
  ) {}

  /** Other nodes' channel changes drop what this node cached of those channels (ChannelFactsCache). */
  afterInit(server: AppServer): void {
    if (!this.config.redisUrl) return;
    server.on(FACTS_STALE, (p: FactsStale) => {
      if (typeof p?.channelId === 'string') this.facts.forget(p.channelId, typeof p.userId === 'string' ? p.userId : null);
    });
  }

  /** Tells the other nodes (not this one: its cache heard the domain event itself). */
  private factsStale(p: FactsStale): void {
    if (this.config.redisUrl) this.server.serverSideEmit(FACTS_STALE, p);
  }

  async handleDisconnect(socket: AuthedSocket): Promise<void> {
    const user = socket.data.user;
    if (!user) return;
    try {
      const status = await this.presence.statusOf(this.server, user.id, socket.id);
      if (status === 'offline') this.server.emit('presence', { userId: user.id, status });
    } catch (err) {
      this.logger.warn(`presence on disconnect: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  private run<T extends object>(work: () => Promise<T>): Promise<Ack<T>> {
    return ack(work, (err) => this.logger.error(err instanceof Error ? (err.stack ?? err.message) : String(err)));
  }

  @SubscribeMessage('message:send')
  send(@ConnectedSocket() s: AuthedSocket, @MessageBody() body: unknown): Promise<AckOf<'message:send'>> {
    return this.run(async () => ({ message: await this.writer.send(s.data.user, await parsePayload(SendMessageEvent, body)) }));
  }

  @SubscribeMessage('message:edit')
  edit(@ConnectedSocket() s: AuthedSocket, @MessageBody() body: unknown): Promise<AckOf<'message:edit'>> {
    return this.run(async () => {
      const p = await parsePayload(EditMessageEvent, body);
      return { message: await this.messages.edit(s.data.user, p.messageId, p.body) };
    });
  }

  @SubscribeMessage('message:delete')
  remove(@ConnectedSocket() s: AuthedSocket, @MessageBody() body: unknown): Promise<AckOf<'message:delete'>> {
    return this.run(async () => {
      await this.messages.delete(s.data.user, (await parsePayload(DeleteMessageEvent, body)).messageId);
      return {};
    });
  }

  @SubscribeMessage('reaction:toggle')
  react(@ConnectedSocket() s: AuthedSocket, @MessageBody() body: unknown): Promise<AckOf<'reaction:toggle'>> {
    return this.run(async () => {
      const p = await parsePayload(ReactionToggleEvent, body);
      return { message: await this.messages.toggleReaction(s.data.user, p.messageId, p.emoji) };
    });
  }

  @SubscribeMessage('channel:read')
  read(@ConnectedSocket() s: AuthedSocket, @MessageBody() body: unknown): Promise<AckOf<'channel:read'>> {
    return this.run(async () => {
      const p = await parsePayload(ChannelReadEventDto, body);
      return this.messages.markRead(s.data.user, p.channelId, p.seq);
    });
  }

  /** Typing: members only, at most one broadcast per user and channel every 2 s, never to the typist. */
  @SubscribeMessage('typing')
  typing(@ConnectedSocket() s: AuthedSocket, @MessageBody() body: unknown): Promise<AckOf<'typing'>> {
    return this.run(async () => {
      const p = await parsePayload(TypingEvent, body);
      const key = `${s.data.user.id}:${p.channelId}`;
      const now = Date.now();
      if (now - (this.lastTyping.get(key) ?? 0) < TYPING_INTERVAL_MS) return {};
      const { member } = await this.access.forRead(s.data.user, p.channelId);
      if (!member) throw notFound('Channel');
      this.lastTyping.set(key, now);
      if (this.lastTyping.size > 50_000) this.lastTyping.clear();
      s.to(channelRoom(p.channelId)).except(userRoom(s.data.user.id)).emit('typing', { channelId: p.channelId, userId: s.data.user.id });
      return {};
    });
  }

  @SubscribeMessage('presence:set')
  setPresence(@ConnectedSocket() s: AuthedSocket, @MessageBody() body: unknown): Promise<AckOf<'presence:set'>> {
    return this.run(async () => {
      const p = await parsePayload(PresenceSetEvent, body);
      s.data.away = p.status === 'away';
      this.server.emit('presence', { userId: s.data.user.id, status: await this.presence.statusOf(this.server, s.data.user.id) });
      return {};
    });
  }

  // ---- domain events → rooms ----

  @OnEvent(MessageCommittedEvent.event)
  onCommitted(e: MessageCommittedEvent): void {
    this.server.to(channelRoom(e.message.channelId)).emit('message:new', { message: e.message });
  }

  @OnEvent(MessageChangedEvent.event)
  onChanged(e: MessageChangedEvent): void {
    this.server.to(channelRoom(e.message.channelId)).emit('message:updated', { message: e.message });
  }

  @OnEvent(MessageDeletedEvent.event)
  onDeleted(e: MessageDeletedEvent): void {
    this.server
      .to(channelRoom(e.channelId))
      .emit('message:deleted', { channelId: e.channelId, messageId: e.messageId, seq: e.seq, deletedBy: e.deletedBy });
  }

  @OnEvent(ChannelMembershipEvent.event)
  onMembership(e: ChannelMembershipEvent): void {
    const sockets = this.server.in(userRoom(e.userId));
    if (e.joined) {
      sockets.socketsJoin(channelRoom(e.channel.id));
      this.server.to(userRoom(e.userId)).emit('channel:updated', { channel: e.channel });
    } else {
      sockets.socketsLeave(channelRoom(e.channel.id));
      this.server.to(userRoom(e.userId)).emit('channel:removed', { channelId: e.channel.id });
    }
    this.server.to(channelRoom(e.channel.id)).emit('channel:updated', { channel: e.channel });
    this.factsStale({ channelId: e.channel.id, userId: e.userId });
  }

  @OnEvent(ChannelChangedEvent.event)
  onChannelChanged(e: ChannelChangedEvent): void {
    this.server.to(channelRoom(e.channel.id)).emit('channel:updated', { channel: e.channel });
    this.factsStale({ channelId: e.channel.id, userId: null });
  }

  @OnEvent(ChannelFactsStaleEvent.event)
  onFactsStale(e: ChannelFactsStaleEvent): void {
    this.factsStale({ channelId: e.channelId, userId: e.userId });
  }

  @OnEvent(ChannelReadStateEvent.event)
  onRead(e: ChannelReadStateEvent): void {
    this.server.to(userRoom(e.userId)).emit('channel:read', e.state);
  }
}
