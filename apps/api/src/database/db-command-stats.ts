import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { CommandStartedEvent } from 'mongodb';
import type { Connection } from 'mongoose';
import { AppConfig } from '../config/app-config';

/** What the bench asks over IPC, and what it gets back. */
export const DB_COMMAND_STATS_REQUEST = 'klasteris:db-command-stats';
export interface DbCommandStatsReply {
  type: typeof DB_COMMAND_STATS_REQUEST;
  /** commands started since boot, per command name (find, insert, update, findAndModify, ...) */
  commands: Record<string, number>;
  total: number;
  /** the process's resident set size now, bytes */
  rssBytes: number;
}

/**
 * Driver command monitoring (DB_COMMAND_STATS=true): every command the app sends to the database
 * is counted by name — each one is a round trip. The benchmarks start the API with an IPC channel
 * and ask for the counts before and after a step (bench/lib.ts `dbCommands`), so "round trips per
 * send" is counted, not estimated. Off by default: no listener, no IPC handler.
 */
@Injectable()
export class DbCommandStats implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DbCommandStats');
  private readonly counts = new Map<string, number>();
  private readonly onMessage = (m: unknown): void => {
    if ((m as { type?: unknown } | null)?.type !== DB_COMMAND_STATS_REQUEST || !process.send) return;
    process.send(this.snapshot());
  };

  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.dbCommandStats) return;
    this.connection
      .getClient()
      .on('commandStarted', (e: CommandStartedEvent) => this.counts.set(e.commandName, (this.counts.get(e.commandName) ?? 0) + 1));
    if (process.send) process.on('message', this.onMessage);
    this.logger.log('Counting database commands (DB_COMMAND_STATS=true)');
  }

  onApplicationShutdown(): void {
    process.off('message', this.onMessage);
  }

  snapshot(): DbCommandStatsReply {
    const commands = Object.fromEntries(this.counts);
    return {
      type: DB_COMMAND_STATS_REQUEST,
      commands,
      total: Object.values(commands).reduce((a, b) => a + b, 0),
      rssBytes: process.memoryUsage().rss,
    };
  }
}
