import { Injectable, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectConnection, MongooseModule } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { AppConfig } from '../config/app-config';
import { DbCommandStats } from './db-command-stats';
import { EmbeddedFerretDb } from './embedded-ferretdb';

/** Resolves the database URI: MONGODB_URI, or an embedded FerretDB started (and stopped) with the app. */
@Injectable()
export class DatabaseLauncher implements OnApplicationShutdown {
  private readonly logger = new Logger('Database');
  private embedded: EmbeddedFerretDb | null = null;

  constructor(private readonly config: AppConfig) {}

  async resolveUri(): Promise<string> {
    if (this.config.mongoUri) return this.config.mongoUri;
    this.embedded = new EmbeddedFerretDb({
      dataDir: this.config.dataDir,
      binary: this.config.ferretdbBin,
      log: (line) => this.logger.log(line),
    });
    const uri = await this.embedded.start();
    this.logger.log(`Embedded FerretDB on ${uri} (data in ${this.config.dataDir})`);
    return uri;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.embedded?.stop();
  }
}

@Module({ providers: [DatabaseLauncher], exports: [DatabaseLauncher] })
class DatabaseLauncherModule {}

/** Makes sure every registered model's indexes exist before the app serves requests. */
@Injectable()
class IndexSync implements OnApplicationBootstrap {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  async onApplicationBootstrap(): Promise<void> {
    await Promise.all(this.connection.modelNames().map((name) => this.connection.model(name).init()));
  }
}

@Module({
  imports: [
    MongooseModule.forRootAsync({
      imports: [DatabaseLauncherModule],
      inject: [DatabaseLauncher, AppConfig],
      useFactory: async (launcher: DatabaseLauncher, config: AppConfig) => ({
        uri: await launcher.resolveUri(),
        dbName: config.mongoDb,
        autoIndex: true,
        serverSelectionTimeoutMS: 5000,
        retryAttempts: 3,
        monitorCommands: config.dbCommandStats,
      }),
    }),
  ],
  providers: [IndexSync, DbCommandStats],
})
export class DatabaseModule {}
