import { Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { ConnectedSocket, MessageBody, OnGatewayDisconnect, SubscribeMessage, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import { boardRoom, type Ack, type BoardServerEventName, type BoardServerEvents, type BoardViewer } from '@klasteris/contracts';
import { forbidden, notFound } from '../common/api-exception';
import { CardsRepository } from '../modules/boards/cards.repository';
import { BoardEditingEvent, BoardJoinEvent } from '../modules/boards/dto/socket.dto';
import { allows, ProjectAccessService } from '../modules/projects/project-access.service';
import { BoardRoomEvent } from '../modules/boards/boards.events';
import { ProjectMemberRemovedEvent, ProjectMembersChangedEvent, ProjectUpdatedEvent } from '../modules/projects/projects.events';
import { userRoom } from './rooms';
import { ack, type AckOf, parsePayload } from './socket-ack';
import type { AppServer, AuthedSocket } from './socket-auth';

/** Boards a socket has joined (its rooms are gone by the time `disconnect` fires). */
const joined = new WeakMap<AuthedSocket, Set<string>>();

/**
 * Boards over Socket.IO: members join a board's room (membership checked), see who else is viewing
 * and who is editing which card, and receive the card/column events services announce.
 */
@WebSocketGateway()
export class BoardsGateway implements OnGatewayDisconnect {
  private readonly logger = new Logger('BoardsGateway');
  @WebSocketServer() server: AppServer;

  constructor(
    private readonly access: ProjectAccessService,
    private readonly cards: CardsRepository,
  ) {}

  private run<T extends object>(work: () => Promise<T>): Promise<Ack<T>> {
    return ack(work, (err) => this.logger.error(err instanceof Error ? (err.stack ?? err.message) : String(err)));
  }

  @SubscribeMessage('board:join')
  join(@ConnectedSocket() s: AuthedSocket, @MessageBody() body: unknown): Promise<AckOf<'board:join'>> {
    return this.run(async () => {
      const { projectId } = await parsePayload(BoardJoinEvent, body);
      const role = await this.access.roleOf(s.data.user.id, projectId);
      if (!role) throw notFound('Project');
      await s.join(boardRoom(projectId));
      const boards = joined.get(s) ?? new Set<string>();
      boards.add(projectId);
      joined.set(s, boards);
      return { role, viewers: await this.announceViewers(projectId) };
    });
  }

  @SubscribeMessage('board:leave')
  leave(@ConnectedSocket() s: AuthedSocket, @MessageBody() body: unknown): Promise<AckOf<'board:leave'>> {
    return this.run(async () => {
      const { projectId } = await parsePayload(BoardJoinEvent, body);
      await s.leave(boardRoom(projectId));
      joined.get(s)?.delete(projectId);
      await this.announceViewers(projectId);
      return {};
    });
  }

  /** "X is editing": relayed to the others in the card's board; only members who may write. */
  @SubscribeMessage('board:editing')
  editing(@ConnectedSocket() s: AuthedSocket, @MessageBody() body: unknown): Promise<AckOf<'board:editing'>> {
    return this.run(async () => {
      const p = await parsePayload(BoardEditingEvent, body);
      const projectId = await this.cards.projectOf(p.cardId);
      if (!projectId || !s.rooms.has(boardRoom(projectId))) throw notFound('Card');
      const role = await this.access.roleOf(s.data.user.id, projectId);
      if (!role) throw notFound('Card');
      if (!allows(role, 'write')) throw forbidden('Observers cannot edit cards');
      const user = s.data.user;
      s.to(boardRoom(projectId)).emit('board:editing', {
        projectId,
        cardId: p.cardId,
        userId: user.id,
        displayName: user.displayName,
        editing: p.editing ?? true,
      });
      return {};
    });
  }

  async handleDisconnect(s: AuthedSocket): Promise<void> {
    const boards = joined.get(s);
    if (!boards) return;
    joined.delete(s);
    for (const projectId of boards) await this.announceViewers(projectId).catch(() => undefined);
  }

  @OnEvent(BoardRoomEvent.event)
  onBoardEvent<E extends BoardServerEventName>(e: BoardRoomEvent<E>): void {
    // BoardRoomEvent<E> pairs the name with its payload where the event is made; TypeScript cannot carry a
    // generic name through socket.io's mapped event types, so the pairing is restated here for it.
    const args = [e.payload] as Parameters<BoardServerEvents[E]>;
    this.server.to(boardRoom(e.projectId)).emit(e.name, ...args);
  }

  @OnEvent(ProjectUpdatedEvent.event)
  onProjectUpdated(e: ProjectUpdatedEvent): void {
    this.server.to(boardRoom(e.projectId)).emit('board:project-updated', { projectId: e.projectId, project: e.project });
  }

  @OnEvent(ProjectMembersChangedEvent.event)
  onMembersChanged(e: ProjectMembersChangedEvent): void {
    this.server.to(boardRoom(e.projectId)).emit('board:members-changed', { projectId: e.projectId, members: e.members });
  }

  @OnEvent(ProjectMemberRemovedEvent.event)
  async onMemberRemoved(e: ProjectMemberRemovedEvent): Promise<void> {
    this.server.in(userRoom(e.userId)).socketsLeave(boardRoom(e.projectId));
    await this.announceViewers(e.projectId);
  }

  /** Who is looking at the board now (across nodes with the Redis adapter), told to the room. */
  private async announceViewers(projectId: string): Promise<BoardViewer[]> {
    const sockets = await this.server.in(boardRoom(projectId)).fetchSockets();
    const viewers = new Map<string, BoardViewer>();
    for (const sock of sockets) {
      const u = sock.data.user;
      if (u) viewers.set(u.id, { userId: u.id, displayName: u.displayName });
    }
    const list = [...viewers.values()];
    this.server.to(boardRoom(projectId)).emit('board:viewers', { projectId, viewers: list });
    return list;
  }
}
