import { Injectable, OnApplicationShutdown } from '@nestjs/common';

/** Holds the Redis link of the Socket.IO adapter (when REDIS_URL is set) for health and shutdown. */
@Injectable()
export class RedisStatus implements OnApplicationShutdown {
  private link: { ping: () => Promise<boolean>; close: () => Promise<void> } | null = null;

  attach(link: { ping: () => Promise<boolean>; close: () => Promise<void> }): void {
    this.link = link;
  }

  get enabled(): boolean {
    return this.link !== null;
  }

  async up(): Promise<boolean> {
    return this.link ? this.link.ping() : true;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.link?.close();
  }
}
