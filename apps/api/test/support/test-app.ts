import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import type { LoginResponse } from '@klasteris/contracts';
import { AppModule } from '../../src/app.module';
import { configureApp, configureRealtime } from '../../src/app.setup';
import { AppConfig, loadConfig } from '../../src/config/app-config';

export const DEMO_PASSWORD = 'klasteris-demo';

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  url: string;
  http: ReturnType<typeof request>;
  connection: Connection;
  close(): Promise<void>;
}

/**
 * The real app on a random loopback port, on its own database of the shared test server. Demo mode
 * (as `npm start`): the demo cluster is seeded, registrations are active at once.
 */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dbName = `t_${randomBytes(6).toString('hex')}`;
  const config = loadConfig({
    ...process.env,
    KLASTERIS_MODE: 'demo',
    MONGODB_DB: dbName,
    JWT_SECRET: randomBytes(32).toString('hex'),
    PUBLIC_WRITE_RATE_PER_MINUTE: '10000',
    LOG_LEVEL: 'error',
    WEB_DIST_DIR: '/nonexistent',
    // tests that read mail pass SMTP_URL (an SMTP server in the test process); the others keep
    // their mails in the outbox rather than build and start the demo's Mailpit
    ...(env['SMTP_URL'] ? {} : { MAIL_DISABLED: 'true' }),
    ...env,
  });
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.register(config)] }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: ['error', 'warn'] });
  configureApp(app, config);
  await configureRealtime(app, config);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  const connection = app.get<Connection>(getConnectionToken());
  return {
    app,
    config,
    url,
    http: request(app.getHttpServer()),
    connection,
    async close() {
      await connection.dropDatabase().catch(() => undefined);
      await app.close();
    },
  };
}

/** Signs in through the API; returns the token, the user and the refresh cookie. */
export async function login(t: TestApp, email: string, password = DEMO_PASSWORD): Promise<LoginResponse & { cookie: string }> {
  const res = await request(t.app.getHttpServer()).post('/api/auth/login').send({ email, password });
  if (res.status !== 200) throw new Error(`login ${email} → ${res.status} ${JSON.stringify(res.body)}`);
  const setCookie = res.headers['set-cookie'] as unknown as string[] | undefined;
  const cookie = (setCookie ?? []).map((c) => c.split(';')[0]).join('; ');
  return { ...(res.body as LoginResponse), cookie };
}

export const bearer = (token: string): { Authorization: string } => ({ Authorization: `Bearer ${token}` });

let counter = 0;
/** Registers a fresh active member (demo mode) and signs them in. */
export async function newMember(
  t: TestApp,
  extra: { organisationId?: string; displayName?: string } = {},
): Promise<LoginResponse & { cookie: string; email: string; password: string }> {
  const email = `user${Date.now()}${counter++}@example.test`;
  const password = 'correct horse battery';
  const res = await request(t.app.getHttpServer())
    .post('/api/auth/register')
    .send({
      email,
      password,
      displayName: extra.displayName ?? `Test Person ${counter}`,
      ...(extra.organisationId ? { organisationId: extra.organisationId } : {}),
    });
  if (res.status !== 201) throw new Error(`register → ${res.status} ${JSON.stringify(res.body)}`);
  return { ...(await login(t, email, password)), email, password };
}
