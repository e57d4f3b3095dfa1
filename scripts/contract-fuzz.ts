// The contract stage of `npm test`: the built API (demo mode, embedded FerretDB) checked against its
// own OpenAPI document by schemathesis, a property-based OpenAPI fuzzer (PyPI), as the demo admin.
//
//   npx ts-node -T -P bench/tsconfig.json scripts/contract-fuzz.ts [results.json]
//
// Checks: no 5xx, every status documented, content types and bodies matching their schemas.
// Bounded: CONTRACT_MAX_EXAMPLES cases per operation (default 8) and CONTRACT_MAX_SECONDS for
// the whole run (default 150). Operations that would end the run's own session (logout, password
// change, e-mail change) are left out. schemathesis is installed into .tools/schemathesis (a
// Python venv) on first use. Writes a Jest-shaped report (one test per operation) for
// scripts/summarize-results.mjs; the exit code is non-zero on any failure.
//
// CONTRACT_SERVE=1 only starts the app and prints its URL and a token (for running `st` by hand).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cleanup, envInt, login, ROOT, startApi, startDatabase } from '../bench/lib';

const VENV = join(ROOT, '.tools', 'schemathesis');
const ST = join(VENV, 'bin', 'st');
const ST_VERSION = '4.32.5';

/** Operations that end the very session the fuzzer runs with (sign-out, password change). */
const EXCLUDED = ['AuthController_logout', 'AuthController_changePassword'];

function ensureSchemathesis(): void {
  if (existsSync(ST)) return;
  process.stdout.write(`contract: installing schemathesis ${ST_VERSION} into ${VENV}\n`);
  const python = ['python3', 'python'].find((p) => spawnSync(p, ['--version']).status === 0);
  if (!python) throw new Error('python3 is needed for the contract stage (apt-get install python3 python3-venv)');
  const run = (cmd: string, args: string[]): void => {
    const r = spawnSync(cmd, args, { stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status}`);
  };
  run(python, ['-m', 'venv', VENV]);
  run(join(VENV, 'bin', 'pip'), ['install', '--quiet', '--disable-pip-version-check', `schemathesis==${ST_VERSION}`]);
}

/** Reads schemathesis' JUnit report: one testcase per operation, with <failure>/<error> children. */
function readJunit(file: string): { name: string; failures: string[]; skipped: boolean }[] {
  if (!existsSync(file)) return [];
  const xml = readFileSync(file, 'utf8');
  const cases: { name: string; failures: string[]; skipped: boolean }[] = [];
  const re = /<testcase\b([^>]*?)(\/>|>([\s\S]*?)<\/testcase>)/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const name = /name="([^"]*)"/.exec(m[1] ?? '')?.[1] ?? '?';
    const inner = m[3] ?? '';
    const failures = [
      ...inner.matchAll(
        /<(failure|error)\b[^>]*?(?:message="([^"]*)")?[^>]*>([\s\S]*?)<\/\1>|<(failure|error)\b[^>]*?message="([^"]*)"[^>]*\/>/g,
      ),
    ].map((f) => decode((f[3] || f[2] || f[5] || '').trim()));
    cases.push({ name: decode(name), failures, skipped: /<skipped\b/.test(inner) });
  }
  return cases;
}
const decode = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#10;/g, '\n')
    .replace(/&amp;/g, '&');

/**
 * Real ids of the demo data for `{id}` of the main resources, so that the fuzzer gets past 404 into
 * the handlers (schemathesis.toml, one [[operations]] entry per collection).
 */
async function realIds(base: string, token: string): Promise<string> {
  const first = async (path: string): Promise<string | null> => {
    const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await res.json().catch(() => null)) as { items?: { id?: string }[] } | null;
    return res.ok ? (body?.items?.[0]?.id ?? null) : null;
  };
  const collections = ['channels', 'projects', 'groups', 'resources', 'organisations', 'events'];
  const entries: string[] = [];
  for (const c of collections) {
    const id = await first(`/api/${c}`);
    if (id) entries.push(`[[operations]]\ninclude-path-regex = "^/api/${c}/\\\\{id\\\\}"\nparameters = { "path.id" = "${id}" }\n`);
  }
  return entries.join('\n');
}

async function main(): Promise<void> {
  const out = process.argv[2] ?? join(ROOT, 'tmp', 'results', 'contract.json');
  if (!existsSync(join(ROOT, 'dist/apps/api/main.js'))) throw new Error('run `npm run build` (or `nest build api`) first');
  ensureSchemathesis();
  const mongoUri = await startDatabase();
  const api = await startApi(mongoUri, 'klasteris_contract', { LOG_LEVEL: 'warn' });
  const { token } = await login(api.url, 'admin@klasteris.demo');
  if (process.env['CONTRACT_SERVE']) {
    process.stdout.write(`${api.url}\n${token}\n`);
    await new Promise<void>((ok) => process.once('SIGTERM', ok));
    return;
  }
  const reportDir = join(dirname(out), 'contract-report');
  mkdirSync(reportDir, { recursive: true });
  const configFile = join(reportDir, 'schemathesis.toml');
  writeFileSync(configFile, await realIds(api.url, token));
  const maxExamples = envInt('CONTRACT_MAX_EXAMPLES', 8);
  const maxSeconds = envInt('CONTRACT_MAX_SECONDS', 150);
  const args = [
    '--config-file',
    configFile,
    'run',
    `${api.url}/api/docs-json`,
    '--url',
    api.url,
    '-H',
    `Authorization: Bearer ${token}`,
    '--checks',
    'not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance',
    '--phases',
    'examples,coverage,fuzzing',
    '--max-examples',
    String(maxExamples),
    '--max-time',
    String(maxSeconds),
    // one worker: hypothesis' strategy descriptions are not thread-safe (a rare runtime error)
    '--workers',
    '1',
    '--seed',
    process.env['CONTRACT_SEED'] ?? '20261204',
    '--request-timeout',
    '10',
    '--suppress-health-check',
    'all',
    '--no-color',
    '--report',
    'junit',
    '--report-junit-path',
    join(reportDir, 'junit.xml'),
    ...EXCLUDED.flatMap((id) => ['--exclude-operation-id', id]),
  ];
  const started = Date.now();
  let output = '';
  const code = await new Promise<number>((ok) => {
    const child = spawn(ST, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, SCHEMATHESIS_HOOKS: '' } });
    child.stdout.on('data', (d: Buffer) => {
      process.stdout.write(d);
      output = (output + d.toString()).slice(-20_000);
    });
    child.once('exit', (c) => ok(c ?? 1));
  });
  const generated = Number(/(\d+) generated/.exec(output)?.[1] ?? 0);
  const seconds = Math.round((Date.now() - started) / 1000);
  const cases = readJunit(join(reportDir, 'junit.xml'));
  const failed = cases.filter((c) => c.failures.length > 0);
  const passed = cases.filter((c) => c.failures.length === 0 && !c.skipped);
  const report = {
    numTotalTestSuites: 1,
    numTotalTests: cases.length,
    numPassedTests: passed.length,
    numFailedTests: failed.length,
    numPendingTests: cases.filter((c) => c.skipped && c.failures.length === 0).length,
    success: code === 0 && failed.length === 0 && cases.length > 0,
    schemathesis: { exitCode: code, seconds, maxExamples, maxSeconds, testCases: generated },
    testResults: [
      {
        name: 'schemathesis',
        assertionResults: cases.map((c) => ({
          title: c.name,
          status: c.failures.length ? 'failed' : c.skipped ? 'pending' : 'passed',
          failureMessages: c.failures,
        })),
      },
    ],
  };
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(
    `contract: ${cases.length} operations, ${generated} test cases, ${passed.length} passed, ${failed.length} failed in ${seconds}s (schemathesis exit ${code})\n`,
  );
  if (!report.success) process.exitCode = 1;
}

main()
  .catch((e: unknown) => {
    process.stderr.write(`contract: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  })
  .finally(() => void cleanup());
