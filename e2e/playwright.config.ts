// Browser tests: `npm run test:e2e` (builds, then runs these) or, after `npm run build`,
// `npx playwright test -c e2e/playwright.config.ts`. Playwright starts the BUILT app
// (dist/apps/api/main.js, which serves dist/apps/web) in demo mode on its own port with a
// throw-away database, and drives Debian's Chromium. E2E_DIST=<dir> runs a build kept elsewhere
// (same layout as dist/: apps/api/main.js, apps/web/browser), e.g. one not being rebuilt meanwhile.
import { join, resolve } from 'node:path';
import { defineConfig } from '@playwright/test';

const ROOT = resolve(__dirname, '..');
const PORT = Number(process.env['E2E_PORT'] ?? 3311);
const BASE_URL = `http://localhost:${PORT}`;

// Chosen once in the main process; workers inherit the environment, so they see the same run.
process.env['E2E_RUN'] ??= `${Date.now()}-${process.pid}`;
const RUN = process.env['E2E_RUN'];
/** Fresh embedded-FerretDB files per run; globalSetup prunes those of old runs. */
const DATA_DIR = join(ROOT, 'tmp', `e2e-data-${RUN}`);
/** Failure screenshots and traces, per run so that concurrent runs do not wipe each other's. */
const OUTPUT_DIR = join(ROOT, 'tmp', 'e2e-results', RUN);

const DIST = resolve(ROOT, process.env['E2E_DIST'] ?? 'dist');

const CI = !!process.env['CI'];

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: OUTPUT_DIR,
  globalSetup: './support/global-setup.ts',
  // 2-core machine and one shared server: one worker, tests of a journey run in order.
  workers: 1,
  fullyParallel: false,
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  use: {
    baseURL: BASE_URL,
    headless: true,
    locale: 'en-GB',
    timezoneId: 'Europe/Vilnius',
    viewport: { width: 1280, height: 800 },
    // Angular Material turns its animations off for reduced motion: steadier clicks and axe scans.
    reducedMotion: 'reduce',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium' }],
  webServer: {
    command: `node ${JSON.stringify(join(DIST, 'apps', 'api', 'main.js'))}`,
    cwd: ROOT,
    // Ready when OUR process says so (it logs this after listening, with the database connected and
    // the demo data seeded). Polling ${BASE_URL}/api/health instead would also accept a server
    // another run left on the port while ours dies of EADDRINUSE; this way a busy port fails the
    // run with that error. Run two suites side by side with different E2E_PORTs.
    wait: { stdout: new RegExp(`Klasteris is up at ${BASE_URL.replace(/[./]/g, '\\$&')}\\b`) },
    // The very first run on a machine builds FerretDB from source (tools/ferretdb/build.mjs).
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    env: {
      PORT: String(PORT),
      KLASTERIS_MODE: 'demo',
      DATA_DIR,
      // With MONGODB_URI set (CI against a real MongoDB) every run still gets its own database.
      MONGODB_DB: `klasteris_e2e_${RUN.replace(/\W/g, '_')}`,
      JWT_SECRET: 'e2e-only-secret-0123456789abcdefghijklmnopqrstuvwxyz',
      PUBLIC_URL: BASE_URL,
      ALLOWED_ORIGINS: `${BASE_URL},http://127.0.0.1:${PORT}`,
      WEB_DIST_DIR: join(DIST, 'apps', 'web', 'browser'),
      // Mail goes to an SMTP server the mail specs start in the test process on PORT + 1 (until
      // then the outbox keeps retrying, every second at first); no Mailpit build for the browser tests.
      SMTP_URL: `smtp://127.0.0.1:${PORT + 1}`,
      MAIL_RETRY_BASE_SECONDS: '1',
      MAIL_POLL_MS: '250',
      // one minute of chat-digest delay lasts 100 ms here: the 15-minute default becomes 1.5 s
      DIGEST_MINUTE_MS: '100',
      DIGEST_POLL_MS: '250',
      // 'log' (not 'warn'): the readiness line above is logged at this level.
      LOG_LEVEL: 'log',
    },
  },
});
