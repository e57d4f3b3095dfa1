import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { createValidationPipe } from './common/validation';
import { AppConfig } from './config/app-config';
import { RedisStatus } from './realtime/redis-health';
import { RedisIoAdapter } from './realtime/redis-io.adapter';

/** Everything the HTTP app needs beyond its modules; shared by main.ts and the integration tests. */
export function configureApp(app: NestExpressApplication, config: AppConfig): INestApplication {
  app.setGlobalPrefix('api', { exclude: [] });
  app.set('trust proxy', config.trustProxy);
  app.set('query parser', 'simple');
  app.useBodyParser('json', { limit: config.bodyLimit });
  app.useBodyParser('urlencoded', { limit: config.bodyLimit, extended: false });
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          connectSrc: ["'self'", 'ws:', 'wss:'],
          fontSrc: ["'self'", 'data:'],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: null,
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use(cookieParser());
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  const doc = new DocumentBuilder()
    .setTitle('Klasteris API')
    .setDescription('The public API of the Klasteris cluster portal. Errors: { statusCode, code, message, details }.')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, doc), { jsonDocumentUrl: 'api/docs-json' });
  return app;
}

/** With REDIS_URL, Socket.IO nodes share rooms and events through Redis. Call before listen(). */
export async function configureRealtime(app: INestApplication, config: AppConfig): Promise<void> {
  if (!config.redisUrl) return;
  const adapter = new RedisIoAdapter(app, config.redisUrl);
  await adapter.connect();
  app.useWebSocketAdapter(adapter);
  app.get(RedisStatus).attach({ ping: () => adapter.ping(), close: () => adapter.closeRedis() });
}
