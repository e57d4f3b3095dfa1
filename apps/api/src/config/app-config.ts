import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { plainToInstance, Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, MaxLength, Min, MinLength, validateSync } from 'class-validator';

export const Modes = ['demo', 'production'] as const;
export type Mode = (typeof Modes)[number];

const splitList = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : value;

/** Raw environment, validated once at boot. Every variable is documented in .env.example. */
class EnvironmentVariables {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsOptional()
  @IsString()
  HOST = '0.0.0.0';

  @IsOptional()
  @IsIn(Modes)
  KLASTERIS_MODE: Mode = 'demo';

  @IsOptional()
  @IsString()
  @MinLength(10)
  MONGODB_URI?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  MONGODB_DB = 'klasteris';

  @IsOptional()
  @IsString()
  DATA_DIR = './data';

  @IsOptional()
  @IsString()
  FERRETDB_BIN?: string;

  @IsOptional()
  @IsString()
  @MinLength(8)
  REDIS_URL?: string;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(60)
  @Max(3600)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  REFRESH_TOKEN_TTL_DAYS = 30;

  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true })
  PUBLIC_URL?: string;

  @IsOptional()
  @Transform(splitList)
  @IsString({ each: true })
  ALLOWED_ORIGINS?: string[];

  @IsOptional()
  @IsString()
  BODY_LIMIT = '1mb';

  /**
   * Express `trust proxy`: whose X-Forwarded-For to believe (comma-separated names or subnets such
   * as `loopback,uniquelocal`). Off unless configured: behind no proxy, anyone could forge it.
   */
  @IsOptional()
  @IsString()
  @MinLength(1)
  TRUST_PROXY = 'false';

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000)
  PUBLIC_WRITE_RATE_PER_MINUTE = 30;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  LOGIN_MAX_FAILURES = 5;

  /** Failed sign-ins for one account from all addresses together (a slow, spread-out guesser). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10000)
  LOGIN_MAX_FAILURES_PER_ACCOUNT = 20;

  /** Failed sign-ins from one address over all accounts together (password spraying). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10000)
  LOGIN_MAX_FAILURES_PER_ADDRESS = 15;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(10)
  @Max(86400)
  LOGIN_LOCK_SECONDS = 900;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1024)
  @Max(100 * 1024 * 1024)
  ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

  @IsOptional()
  @IsString()
  WEB_DIST_DIR?: string;

  /** A nodemailer SMTP URL, e.g. smtp://user:pass@host:587 or smtps://host:465. */
  @IsOptional()
  @IsString()
  @Matches(/^smtps?:\/\/[^\s]+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /** Sender of every mail: an address, or `Name <address>`. */
  @IsOptional()
  @IsString()
  @Matches(/^(?:[^<>\r\n]{0,80}<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/, {
    message: 'MAIL_FROM must be an address or "Name <address>"',
  })
  MAIL_FROM?: string;

  @IsOptional()
  @IsIn(['true', 'false'])
  MAIL_DISABLED: 'true' | 'false' = 'false';

  /** Fixed loopback port of the demo mail catcher's web UI (default: a free port). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  MAILPIT_PORT?: number;

  @IsOptional()
  @IsString()
  MAILPIT_BIN?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(80)
  CLUSTER_NAME?: string;

  /** How long a worker holds a claimed mail before another may take it over. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2)
  @Max(600)
  MAIL_LEASE_SECONDS = 60;

  /** First retry delay after a temporary failure; doubles per attempt (capped at 1 h), for 24 h. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3600)
  MAIL_RETRY_BASE_SECONDS = 30;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(50)
  @Max(60000)
  MAIL_POLL_MS = 1000;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(32)
  MAIL_CONCURRENCY = 4;

  /** The length of one minute of digest delays in ms (tests shorten it; 60000 in real use). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(10)
  @Max(60000)
  DIGEST_MINUTE_MS = 60000;

  /** How often the digest worker looks for due digests. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(50)
  @Max(600000)
  DIGEST_POLL_MS = 15000;

  /** Counts the database commands the driver sends (per command name), for the benchmarks (bench/ reads them over IPC). */
  @IsOptional()
  @IsIn(['true', 'false'])
  DB_COMMAND_STATS: 'true' | 'false' = 'false';

  /** How long a freed event place is held for the first in line to confirm (seconds; tests shorten it). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(30 * 86400)
  EVENT_HOLD_SECONDS = 86400;

  /** How often lapsed event holds are looked for (each node; the lapse is a compare-and-set). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(50)
  @Max(600000)
  EVENT_HOLD_SWEEP_MS = 15000;

  @IsOptional()
  @IsIn(['error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL: 'error' | 'warn' | 'log' | 'debug' | 'verbose' = 'log';
}

export interface MailConfig {
  /** `smtp`: SMTP_URL; `mailpit`: the demo mail catcher started with the app; `disabled`: mails stay in the outbox. */
  mode: 'smtp' | 'mailpit' | 'disabled';
  smtpUrl: string | null;
  from: string;
  clusterName: string;
  mailpitPort: number | null;
  mailpitBin: string | null;
  leaseSeconds: number;
  retryBaseSeconds: number;
  pollMs: number;
  concurrency: number;
  /** one minute of digest delays, in ms */
  digestMinuteMs: number;
  digestPollMs: number;
}

/** The typed, validated configuration the whole API reads (never process.env directly). */
export class AppConfig {
  readonly port: number;
  readonly host: string;
  readonly mode: Mode;
  readonly mongoUri: string | null;
  readonly mongoDb: string;
  readonly dataDir: string;
  readonly ferretdbBin: string | null;
  readonly redisUrl: string | null;
  readonly jwtSecret: string;
  readonly jwtSecretGenerated: boolean;
  readonly accessTokenTtlSeconds: number;
  readonly refreshTokenTtlDays: number;
  readonly publicUrl: string;
  readonly allowedOrigins: string[];
  readonly bodyLimit: string;
  readonly trustProxy: string | false;
  readonly publicWriteRatePerMinute: number;
  readonly loginMaxFailures: number;
  readonly loginMaxFailuresPerAccount: number;
  readonly loginMaxFailuresPerAddress: number;
  readonly loginLockSeconds: number;
  readonly attachmentMaxBytes: number;
  readonly webDistDir: string;
  readonly logLevel: EnvironmentVariables['LOG_LEVEL'];
  /** driver command monitoring on, counted per command name (DbCommandStats) */
  readonly dbCommandStats: boolean;
  readonly cookieSecure: boolean;
  readonly mail: MailConfig;
  /** events: a freed place is held for the first in line for `holdMs`, lapsed holds are swept every `holdSweepMs` */
  readonly events: { holdMs: number; holdSweepMs: number };

  constructor(env: EnvironmentVariables) {
    this.port = env.PORT;
    this.host = env.HOST;
    this.mode = env.KLASTERIS_MODE;
    this.mongoUri = env.MONGODB_URI ?? null;
    this.mongoDb = env.MONGODB_DB;
    this.dataDir = resolve(env.DATA_DIR);
    this.ferretdbBin = env.FERRETDB_BIN ?? null;
    this.redisUrl = env.REDIS_URL ?? null;
    this.jwtSecretGenerated = !env.JWT_SECRET;
    this.jwtSecret = env.JWT_SECRET ?? randomBytes(48).toString('base64url');
    this.accessTokenTtlSeconds = env.ACCESS_TOKEN_TTL_SECONDS;
    this.refreshTokenTtlDays = env.REFRESH_TOKEN_TTL_DAYS;
    this.publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, '');
    // the Angular dev server (:4200) only outside production
    this.allowedOrigins = env.ALLOWED_ORIGINS ?? [
      this.publicUrl,
      `http://127.0.0.1:${env.PORT}`,
      ...(env.KLASTERIS_MODE === 'production' ? [] : ['http://localhost:4200']),
    ];
    this.bodyLimit = env.BODY_LIMIT;
    this.trustProxy = ['false', 'off', 'no', '0'].includes(env.TRUST_PROXY.trim().toLowerCase()) ? false : env.TRUST_PROXY;
    this.publicWriteRatePerMinute = env.PUBLIC_WRITE_RATE_PER_MINUTE;
    this.loginMaxFailures = env.LOGIN_MAX_FAILURES;
    this.loginMaxFailuresPerAccount = env.LOGIN_MAX_FAILURES_PER_ACCOUNT;
    this.loginMaxFailuresPerAddress = env.LOGIN_MAX_FAILURES_PER_ADDRESS;
    this.loginLockSeconds = env.LOGIN_LOCK_SECONDS;
    this.attachmentMaxBytes = env.ATTACHMENT_MAX_BYTES;
    this.webDistDir = resolve(env.WEB_DIST_DIR ?? 'dist/apps/web/browser');
    this.logLevel = env.LOG_LEVEL;
    this.dbCommandStats = env.DB_COMMAND_STATS === 'true';
    this.cookieSecure = this.publicUrl.startsWith('https://');
    const clusterName = env.CLUSTER_NAME ?? (env.KLASTERIS_MODE === 'demo' ? 'INFOBALT ICT Cluster' : 'Klasteris');
    this.events = { holdMs: env.EVENT_HOLD_SECONDS * 1000, holdSweepMs: env.EVENT_HOLD_SWEEP_MS };
    this.mail = {
      mode: env.MAIL_DISABLED === 'true' ? 'disabled' : env.SMTP_URL ? 'smtp' : 'mailpit',
      smtpUrl: env.SMTP_URL ?? null,
      from: env.MAIL_FROM ?? `${clusterName} <no-reply@${new URL(this.publicUrl).hostname}>`,
      clusterName,
      mailpitPort: env.MAILPIT_PORT ?? null,
      mailpitBin: env.MAILPIT_BIN ?? null,
      leaseSeconds: env.MAIL_LEASE_SECONDS,
      retryBaseSeconds: env.MAIL_RETRY_BASE_SECONDS,
      pollMs: env.MAIL_POLL_MS,
      concurrency: env.MAIL_CONCURRENCY,
      digestMinuteMs: env.DIGEST_MINUTE_MS,
      digestPollMs: env.DIGEST_POLL_MS,
    };
  }

  get isDemo(): boolean {
    return this.mode === 'demo';
  }
}

export class ConfigError extends Error {}

/** Validates the environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const raw = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = plainToInstance(EnvironmentVariables, raw, { exposeDefaultValues: true });
  const errors = validateSync(parsed, { whitelist: false, forbidUnknownValues: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => `  ${e.property}=${JSON.stringify(raw[e.property])}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}\nSee .env.example for every variable.`);
  }
  if (parsed.KLASTERIS_MODE === 'production' && !parsed.JWT_SECRET) {
    throw new ConfigError('Invalid configuration:\n  JWT_SECRET is required in production mode (at least 32 characters).');
  }
  if (parsed.KLASTERIS_MODE === 'production' && !parsed.SMTP_URL && parsed.MAIL_DISABLED !== 'true') {
    throw new ConfigError(
      'Invalid configuration:\n  SMTP_URL is required in production mode (e.g. smtp://user:pass@mail.example.org:587), so that invitations and password resets reach people.\n  Set MAIL_DISABLED=true to run without sending any e-mail.',
    );
  }
  return new AppConfig(parsed);
}
