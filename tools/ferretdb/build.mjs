#!/usr/bin/env node
// The embedded database: FerretDB (the version in VERSION) with the patches and added Go files of
// this folder, built into one binary. See README.md here.
//
//   node tools/ferretdb/build.mjs           build unless built; print the binary's path (stdout)
//   node tools/ferretdb/build.mjs --path    print the path without building
//   node tools/ferretdb/build.mjs --check [REPORT.json]
//                                           download, apply, gofmt, vet and test; build nothing (the
//                                           `go` stage of `npm test`, which reads the counts of the
//                                           tests from REPORT.json, written in Jest's --json shape)
//
// The binary is .tools/bin/ferretdb-<VERSION>-<hash>, where the hash covers every file of this
// folder except the *.md: any change to a patch, a Go file or this script gives a new name, so the
// next start builds it. Older binaries are left alone (other checkouts may still run them).
// FERRETDB_BIN_DIR overrides .tools/bin. Progress goes to stderr. Exit codes: 0 done, 1 failed,
// 3 Go is not installed.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..');
const MODULE = 'github.com/FerretDB/FerretDB';
const VERSION = readFileSync(join(HERE, 'VERSION'), 'utf8').trim();
const OVERLAY = join(HERE, 'overlay');
const PATCHES = join(HERE, 'patches');

/** Every file under dir, as paths relative to it, sorted. */
function files(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

function folderHash() {
  const h = createHash('sha256');
  for (const f of files(HERE).filter((f) => !f.endsWith('.md'))) {
    h.update(`${f}\0`)
      .update(readFileSync(join(HERE, f)))
      .update('\0');
  }
  return h.digest('hex').slice(0, 12);
}

export function binaryPath(binDir = process.env.FERRETDB_BIN_DIR || join(ROOT, '.tools', 'bin')) {
  return join(binDir, `ferretdb-${VERSION}-${folderHash()}`);
}

const say = (line) => process.stderr.write(`ferretdb: ${line}\n`);

class BuildError extends Error {
  constructor(message, exitCode = 1) {
    super(message);
    this.exitCode = exitCode;
  }
}

function run(cmd, args, cwd, env = {}) {
  try {
    return execFileSync(cmd, args, {
      cwd,
      env: { ...process.env, ...env },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (err) {
    if (err.code === 'ENOENT') throw new BuildError(`${cmd} is not installed`);
    const out = `${err.stdout ?? ''}${err.stderr ?? ''}`.trim();
    throw new BuildError(`${cmd} ${args.join(' ')} failed (in ${cwd}):\n${out.slice(-4000)}`);
  }
}

function requireGo() {
  try {
    execFileSync('go', ['version'], { stdio: 'ignore' });
  } catch {
    throw new BuildError(
      [
        'No database configured and Go is not installed, so the embedded FerretDB cannot be provisioned.',
        'Choose one:',
        '  1. install Go (https://go.dev/dl/ or `apt-get install golang`) and run again: FerretDB is built once into .tools/bin;',
        '  2. set MONGODB_URI to a MongoDB (or FerretDB) you run, e.g. MONGODB_URI=mongodb://localhost:27017;',
        '  3. run the production-like stack: `docker compose up`.',
      ].join('\n'),
      3,
    );
  }
}

/** The Go packages the patches and added files touch, as ./relative paths of the module. */
function touchedPackages() {
  const dirs = new Set(files(OVERLAY).map((f) => dirname(f)));
  for (const p of files(PATCHES)) {
    for (const m of readFileSync(join(PATCHES, p), 'utf8').matchAll(/^\+\+\+ b\/(.+)$/gm)) dirs.add(dirname(m[1]));
  }
  return [...dirs].sort().map((d) => `./${d}/`);
}

/**
 * A scratch copy of the module with the version file FerretDB's release pipeline would write (a
 * plain `go install` of the module panics at start without it), the stock sjson package kept as
 * internal/handler/sjson/stocksjson for the decoder's parity test, the added files, and the patches.
 */
function prepare() {
  requireGo();
  say(`downloading ${MODULE}@${VERSION} through the Go module proxy`);
  const { Dir } = JSON.parse(run('go', ['mod', 'download', '-json', `${MODULE}@${VERSION}`], ROOT));
  const scratch = mkdtempSync(join(tmpdir(), 'ferretdb-src-'));
  cpSync(Dir, scratch, { recursive: true });
  run('chmod', ['-R', 'u+w', scratch], scratch);
  writeFileSync(join(scratch, 'build', 'version', 'version.txt'), `${VERSION}\n`);

  const sjson = join(scratch, 'internal', 'handler', 'sjson');
  const stock = join(sjson, 'stocksjson');
  mkdirSync(stock);
  for (const f of readdirSync(sjson).filter((f) => f.endsWith('.go') && !f.endsWith('_test.go'))) {
    writeFileSync(join(stock, f), readFileSync(join(sjson, f), 'utf8').replace(/^package sjson$/m, 'package stocksjson'));
  }

  for (const f of files(OVERLAY)) {
    if (existsSync(join(scratch, f)))
      throw new BuildError(`overlay/${f} would replace a file of FerretDB ${VERSION}; change it with a patch instead`);
    mkdirSync(dirname(join(scratch, f)), { recursive: true });
    cpSync(join(OVERLAY, f), join(scratch, f));
  }

  // GIT_CEILING_DIRECTORIES: never mistake a repository around the scratch directory for its own.
  const git = { GIT_CEILING_DIRECTORIES: dirname(scratch) };
  for (const p of files(PATCHES).filter((f) => f.endsWith('.diff'))) {
    try {
      run('git', ['apply', '--check', join(PATCHES, p)], scratch, git);
    } catch (err) {
      rmSync(scratch, { recursive: true, force: true });
      throw new BuildError(`patches/${p} does not apply to FerretDB ${VERSION} (has upstream moved?):\n${err.message}`);
    }
    run('git', ['apply', join(PATCHES, p)], scratch, git);
    say(`applied patches/${p}`);
  }
  return scratch;
}

/** Counts `go test -json` events into the fields of a Jest --json report that scripts/summarize-results.mjs reads. */
function jestShapedReport(events) {
  const tests = events.filter((e) => e.Test && !e.Test.includes('/') && (e.Action === 'pass' || e.Action === 'fail'));
  const failed = tests.filter((e) => e.Action === 'fail').map((e) => `${e.Package}.${e.Test}`);
  const packages = events.filter((e) => !e.Test && (e.Action === 'pass' || e.Action === 'fail'));
  return {
    success: failed.length === 0 && packages.every((e) => e.Action === 'pass'),
    numTotalTestSuites: packages.length,
    numFailedTestSuites: packages.filter((e) => e.Action === 'fail').length,
    numTotalTests: tests.length,
    numPassedTests: tests.length - failed.length,
    numFailedTests: failed.length,
    numPendingTests: 0,
    failed,
  };
}

/**
 * FerretDB's own tests of the touched packages that pin what our build changes on purpose, skipped
 * (a `go test -skip` pattern: top-level test / subtest):
 * - sjson's ExtraData and EOF cases pin the stream decoder's error wording ("unexpected EOF", "3 bytes
 *   remains in the decoder"); the one-pass decoder refuses the same input in other words;
 * - metadata's TestIndexesCreateDrop/DropIndexes and CheckSettingsAfterDrop count SQLite's indexes
 *   after a drop, and the pushdown's helper indexes stay behind (they may serve other indexes).
 */
const KNOWN_DIFFERENCES =
  '^(TestUnmarshalInvalid|TestArray|TestObjectID|TestInt64|TestDouble|TestDocument|TestDateTime|TestIndexesCreateDrop)$/^(ExtraData|EOF|DropIndexes|CheckSettingsAfterDrop)$';

/** gofmt and go vet of every touched package, then its tests: FerretDB's own (but KNOWN_DIFFERENCES) and ours (TestKlasteris*). */
function check(scratch, reportFile) {
  const pkgs = touchedPackages();
  const unformatted = run('gofmt', ['-l', ...pkgs], scratch).trim();
  if (unformatted) throw new BuildError(`not gofmt'd:\n${unformatted}`);
  say(`go vet ${pkgs.join(' ')}`);
  run('go', ['vet', ...pkgs], scratch, { CGO_ENABLED: '0' });
  // FerretDB's test helpers (internal/util/testutil) find the module root by its .git directory.
  mkdirSync(join(scratch, '.git'), { recursive: true });
  say(`go test ${pkgs.join(' ')}`);
  const args = ['test', '-count=1', '-json', '-skip', KNOWN_DIFFERENCES, ...pkgs];
  const res = spawnSync('go', args, {
    cwd: scratch,
    env: { ...process.env, CGO_ENABLED: '0' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const events = (res.stdout ?? '')
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l));
  const report = jestShapedReport(events);
  if (reportFile) writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);
  for (const e of events)
    if (e.Action === 'output' && (!e.Test || report.failed.includes(`${e.Package}.${e.Test.split('/')[0]}`)))
      process.stderr.write(e.Output);
  if (res.status !== 0 || !report.success) throw new BuildError(`go test failed: ${report.failed.join(', ') || res.stderr}`);
  say(`${report.numPassedTests} Go tests passed in ${report.numTotalTestSuites} packages`);
}

function build(bin) {
  const scratch = prepare();
  try {
    check(scratch, null);
    mkdirSync(dirname(bin), { recursive: true });
    const tmp = `${bin}.tmp-${process.pid}`;
    say(`building ${relative(ROOT, bin)} (a few minutes the first time)`);
    run('go', ['build', '-o', tmp, './cmd/ferretdb'], scratch, { CGO_ENABLED: '0' });
    chmodSync(tmp, 0o755);
    renameSync(tmp, bin); // atomic: a concurrent build or start sees the whole binary or none
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function main(args) {
  const mode = args[0] ?? 'build';
  if (mode === '--path') {
    process.stdout.write(`${binaryPath()}\n`);
  } else if (mode === '--check') {
    const scratch = prepare();
    try {
      check(scratch, args[1] ? resolve(args[1]) : null);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
    say('ok');
  } else if (mode === 'build') {
    const bin = binaryPath();
    if (!existsSync(bin)) build(bin);
    process.stdout.write(`${bin}\n`);
  } else {
    throw new BuildError(`unknown argument ${mode} (known: --path, --check)`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`${err instanceof BuildError ? err.message : err.stack}\n`);
    process.exit(err instanceof BuildError ? err.exitCode : 1);
  }
}
