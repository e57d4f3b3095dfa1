import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { configureApp, configureRealtime } from './app.setup';
import { ConfigError, loadConfig } from './config/app-config';
import { EmbeddedDatabaseError } from './database/embedded-ferretdb';
import { DEMO_PASSWORD, DEMO_USERS } from './modules/demo/demo-data';
import { MailTransportService } from './modules/mail/mail-transport.service';

async function bootstrap(): Promise<void> {
  const config = loadConfig(process.env);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config), {
    bodyParser: false,
    logger: ['error', 'warn', 'log', 'debug', 'verbose'].slice(
      0,
      ['error', 'warn', 'log', 'debug', 'verbose'].indexOf(config.logLevel) + 1,
    ) as ('error' | 'warn' | 'log')[],
  });
  configureApp(app, config);
  await configureRealtime(app, config);
  await app.listen(config.port, config.host);
  const log = new Logger('Klasteris');
  if (config.jwtSecretGenerated) log.warn('JWT_SECRET not set: using a random secret (sessions end at restart). Set it in production.');
  log.log(`Klasteris is up at ${config.publicUrl}  (API docs: ${config.publicUrl}/api/docs, mode: ${config.mode})`);
  log.log(app.get(MailTransportService).describe());
  if (config.isDemo) {
    const lines = DEMO_USERS.slice(0, 6).map(
      (u) => `    ${u.email.padEnd(28)} ${(u.roles.find((r) => r !== 'member') ?? 'member').padEnd(12)} ${u.displayName}`,
    );
    log.log(`Demo accounts (password "${DEMO_PASSWORD}"):\n${lines.join('\n')}`);
  }
}

bootstrap().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof EmbeddedDatabaseError) {
    process.stderr.write(`\n${err.message}\n\n`);
  } else {
    process.stderr.write(`\nKlasteris failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  }
  process.exit(1);
});
