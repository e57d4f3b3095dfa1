import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import express from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { requestGuards } from './common/request-guards.middleware';
import { createValidationPipe } from './common/validation';
import { AppConfig } from './config/app-config';
import { completeDocument, loadGeneratedResponses } from './openapi/document';
import { RedisStatus } from './realtime/redis-health';
import { RedisIoAdapter } from './realtime/redis-io.adapter';

/** Everything the HTTP app needs beyond its modules; shared by main.ts and the integration tests. */
export function configureApp(app: NestExpressApplication, config: AppConfig): INestApplication {
  app.setGlobalPrefix('api', { exclude: [] });
  app.set('trust proxy', config.trustProxy);
  app.set('query parser', 'simple');
  app.disable('x-powered-by');
  // security headers first, so that every answer carries them (body-parser errors too)
  app.use(helmet(helmetOptions(config)));
  app.use((_req: express.Request, res: express.Response, next: express.NextFunction) => {
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()');
    next();
  });
  app.use(requestGuards(config.allowedOrigins));
  // JSON only (issue 14, F9): no urlencoded parser, so a foreign page's form cannot sign anyone in
  app.useBodyParser('json', { limit: config.bodyLimit });
  serveWeb(app, config.webDistDir);
  app.use(cookieParser());
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  const doc = new DocumentBuilder()
    .setTitle('Klasteris API')
    .setDescription('The public API of the Klasteris cluster portal. Errors: { statusCode, code, message, details }.')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => completeDocument(SwaggerModule.createDocument(app, doc), loadGeneratedResponses()), {
    jsonDocumentUrl: 'api/docs-json',
  });
  return app;
}

function helmetOptions(config: AppConfig): Parameters<typeof helmet>[0] {
  const publicUrl = new URL(config.publicUrl);
  const https = publicUrl.protocol === 'https:';
  // the portal's own origin, over HTTP and its WebSocket (not every ws: host)
  const wsOrigin = `${https ? 'wss' : 'ws'}://${publicUrl.host}`;
  return {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'", wsOrigin],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: https ? [] : null,
      },
    },
    crossOriginEmbedderPolicy: false,
    // HSTS only where the portal is served over https (over http it would be ignored or, behind a
    // later https proxy on another port, lock people out)
    strictTransportSecurity: https ? { maxAge: 15_552_000, includeSubDomains: true } : false,
  };
}

/**
 * The built web app, when there is one: its files, and index.html for every other GET outside
 * /api and /socket.io (client-side routes). Plain middleware rather than a static-file module, so
 * errors under /api (a malformed body, say) reach the API's error filter untouched.
 */
function serveWeb(app: NestExpressApplication, dir: string): void {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return;
  app.use(express.static(dir, { index: false, fallthrough: true }));
  app.use((req: express.Request, res: express.Response, next: express.NextFunction) => {
    const apiPath = req.path === '/api' || req.path.startsWith('/api/') || req.path.startsWith('/socket.io');
    if ((req.method !== 'GET' && req.method !== 'HEAD') || apiPath) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}

/** With REDIS_URL, Socket.IO nodes share rooms and events through Redis. Call before listen(). */
export async function configureRealtime(app: INestApplication, config: AppConfig): Promise<void> {
  if (!config.redisUrl) return;
  const adapter = new RedisIoAdapter(app, config.redisUrl);
  await adapter.connect();
  app.useWebSocketAdapter(adapter);
  app.get(RedisStatus).attach({ ping: () => adapter.ping(), close: () => adapter.closeRedis() });
}
