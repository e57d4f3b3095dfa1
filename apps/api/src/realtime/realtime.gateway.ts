import { Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import { OnEvent } from '@nestjs/event-emitter';
import { SOCKET_UNAUTHENTICATED } from '@klasteris/contracts';
import { AppConfig } from '../config/app-config';
import { AccessTokensService } from '../modules/auth/access-tokens.service';
import { AuthRefreshEvent } from '../modules/auth/dto/socket.dto';
import { MembersRepository } from '../modules/chat/members.repository';
import { NotificationCreatedEvent } from '../modules/notifications/notifications.events';
import { SessionsRevokedEvent } from '../modules/sessions/sessions.events';
import { UserIdentityChangedEvent } from '../modules/users/users.events';
import { PresenceService } from './presence.service';
import { channelRoom, IDENTITY_STALE_ROOM } from './rooms';
import { ack, type AckOf, parsePayload } from './socket-ack';
import { type AppServer, type AuthedSocket, originAllowed, sessionRoom, userRoom } from './socket-auth';
import { AUTH_REFRESH_EVENT, SocketIdentityService } from './socket-identity.service';

/**
 * The Socket.IO entry point: authenticates the handshake (token + Origin), joins the user's rooms,
 * and maps domain events to rooms. Services never import this; they emit events.
 */
@WebSocketGateway({ cors: { origin: true, credentials: true } })
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly logger = new Logger('Realtime');
  @WebSocketServer() server: AppServer;

  constructor(
    private readonly tokens: AccessTokensService,
    private readonly config: AppConfig,
    private readonly members: MembersRepository,
    private readonly presence: PresenceService,
    private readonly identity: SocketIdentityService,
  ) {}

  /** Handshake check: allowed Origin and a live access token, else `connect_error` UNAUTHENTICATED. */
  afterInit(server: AppServer): void {
    server.use((socket, next) => {
      void (async () => {
        const origin = socket.handshake.headers.origin;
        if (!originAllowed(origin, this.config.allowedOrigins)) return next(new Error('ORIGIN_NOT_ALLOWED'));
        const auth = socket.handshake.auth as { token?: unknown } | undefined;
        const token = typeof auth?.token === 'string' ? auth.token : null;
        const verified = token ? await this.tokens.authenticate(token) : null;
        if (!verified) return next(new Error(SOCKET_UNAUTHENTICATED));
        this.identity.attach(socket, verified.user, verified.expiresAt);
        next();
      })().catch(() => next(new Error(SOCKET_UNAUTHENTICATED)));
    });
  }

  async handleConnection(socket: AuthedSocket): Promise<void> {
    const user = socket.data.user;
    if (!user) {
      socket.disconnect(true);
      return;
    }
    try {
      const channelIds = await this.members.channelIdsOf(user.id);
      await socket.join([userRoom(user.id), sessionRoom(user.sessionId), ...channelIds.map(channelRoom)]);
      const sockets = await this.presence.socketsOf(this.server, user.id);
      if (sockets.length <= 1) this.server.emit('presence', { userId: user.id, status: 'online' });
      // the client knows from here on that live events reach it; it catches up with `after=` now
      socket.emit('ready', { userId: user.id, expiresAt: new Date(socket.data.expiresAt).toISOString() });
    } catch (err) {
      // without its rooms the socket would silently miss events: drop it, the client reconnects
      this.logger.warn(`could not set up socket of ${user.id}: ${err instanceof Error ? err.message : String(err)}`);
      socket.disconnect(true);
    }
  }

  /** Re-authentication of an open socket with a fresh access token (see SocketIdentityService). */
  @SubscribeMessage(AUTH_REFRESH_EVENT)
  refresh(@ConnectedSocket() s: AuthedSocket, @MessageBody() body: unknown): Promise<AckOf<'auth:refresh'>> {
    return ack(
      async () => this.identity.reauthenticate(s, (await parsePayload(AuthRefreshEvent, body)).token),
      (err) => this.logger.error(err instanceof Error ? (err.stack ?? err.message) : String(err)),
    );
  }

  /** Roles, status or organisation changed: every socket of that person, on every node, re-reads its identity before its next event. */
  @OnEvent(UserIdentityChangedEvent.event)
  onIdentityChanged(e: UserIdentityChangedEvent): void {
    this.server.in(userRoom(e.userId)).socketsJoin(IDENTITY_STALE_ROOM);
  }

  @OnEvent(NotificationCreatedEvent.event)
  onNotification(e: NotificationCreatedEvent): void {
    this.server.to(userRoom(e.userId)).emit('notification:new', { notification: e.notification });
  }

  @OnEvent(SessionsRevokedEvent.event)
  onSessionsRevoked(e: SessionsRevokedEvent): void {
    if (e.sessionIds.length === 0) return;
    this.server.in(e.sessionIds.map(sessionRoom)).disconnectSockets(true);
    this.logger.debug(`Disconnected sockets of ${e.sessionIds.length} revoked session(s) of ${e.userId} (${e.reason})`);
  }
}
