import { Injectable } from '@nestjs/common';
import type { PresenceStatus } from '@klasteris/contracts';
import type { AppServer, SocketData } from './socket-auth';
import { userRoom } from './rooms';

/**
 * Presence from the sockets themselves, across every node (fetchSockets goes through the adapter):
 * online when any socket of the user is not away, away when all are, offline when none is left.
 */
@Injectable()
export class PresenceService {
  async statusOf(server: AppServer, userId: string, excludingSocketId?: string): Promise<PresenceStatus> {
    const sockets = (await this.socketsOf(server, userId)).filter((s) => s.id !== excludingSocketId);
    if (sockets.length === 0) return 'offline';
    return sockets.some((s) => !s.data.away) ? 'online' : 'away';
  }

  /** The user's sockets on every node; when another node does not answer (Redis trouble, a node going down), this node's. */
  async socketsOf(server: AppServer, userId: string): Promise<{ id: string; data: Partial<SocketData> }[]> {
    try {
      return await server.in(userRoom(userId)).fetchSockets();
    } catch {
      return server.local.in(userRoom(userId)).fetchSockets();
    }
  }

  async statuses(server: AppServer, userIds: string[]): Promise<{ userId: string; status: PresenceStatus }[]> {
    return Promise.all(userIds.map(async (userId) => ({ userId, status: await this.statusOf(server, userId) })));
  }
}
