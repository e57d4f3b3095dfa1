import { INestApplicationContext, Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { Server, ServerOptions } from 'socket.io';

type RedisClient = ReturnType<typeof createClient>;

/**
 * Socket.IO across API nodes: with REDIS_URL set, every emit to a room, every socketsJoin/Leave,
 * disconnectSockets and fetchSockets goes through Redis pub/sub, so events, presence and
 * revocations reach sockets on any node.
 */
export class RedisIoAdapter extends IoAdapter {
  private readonly logger = new Logger('Redis');
  private pub: RedisClient | null = null;
  private sub: RedisClient | null = null;

  constructor(
    app: INestApplicationContext,
    private readonly url: string,
  ) {
    super(app);
  }

  async connect(): Promise<void> {
    this.pub = createClient({ url: this.url, socket: { reconnectStrategy: (n) => Math.min(n * 200, 3000) } });
    this.sub = this.pub.duplicate();
    for (const c of [this.pub, this.sub]) c.on('error', (e: Error) => this.logger.warn(`Redis: ${e.message}`));
    await Promise.all([this.pub.connect(), this.sub.connect()]);
    this.logger.log(`Socket.IO shares events through Redis at ${this.url.replace(/\/\/[^@]*@/, '//***@')}`);
  }

  /** True when Redis answers a PING (used by the health check). */
  async ping(): Promise<boolean> {
    if (!this.pub?.isReady) return false;
    try {
      return (await this.pub.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, options) as Server;
    if (this.pub && this.sub) server.adapter(createAdapter(this.publisher(this.pub), this.sub, { requestsTimeout: 3000 }));
    return server;
  }

  /**
   * The adapter calls `publish` without awaiting it, so a publish while Redis is down or already
   * closed (a socket's disconnect handler emitting presence during shutdown) would be an unhandled
   * rejection that ends the process. This view of the client logs such a failure instead.
   */
  private publisher(client: RedisClient): RedisClient {
    const logger = this.logger;
    return new Proxy(client, {
      get(target, prop) {
        const value: unknown = Reflect.get(target, prop, target);
        if (prop === 'publish') {
          return (...args: Parameters<RedisClient['publish']>) =>
            target.publish(...args).catch((e: unknown) => {
              logger.warn(`publish failed: ${e instanceof Error ? e.message : String(e)}`);
              return 0;
            });
        }
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  }

  override async dispose(): Promise<void> {
    await super.dispose();
    await this.closeRedis();
  }

  async closeRedis(): Promise<void> {
    for (const c of [this.pub, this.sub]) if (c?.isOpen) await c.quit().catch(() => undefined);
  }
}
