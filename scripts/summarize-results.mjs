#!/usr/bin/env node
// Sums the test reports of one `npm test` run and prints `N passed, N failed` as its last line.
//
//   node scripts/summarize-results.mjs [results-dir]     (default: $RESULTS_DIR or tmp/results)
//
// The directory holds, as written by scripts/test.sh:
//   <name>.json        a Jest `--json` report or a Playwright JSON-reporter report;
//   <name>.stage.json  { stage, order, exitCode, report, note } for every stage that was run
//                      (exitCode null = not run); `report` names the report file it should have written.
// A report counts its tests (Jest: numPassedTests / numFailedTests + suites that failed to run;
// Playwright: expected + flaky / unexpected). A stage that failed without a report, or with a
// report that shows no failure, counts as 1 failed, so the totals never look green when a stage
// (lint, typecheck, build, a crashed runner) was not. Exit code: 1 when anything failed, else 0.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const dir = resolve(process.argv[2] ?? process.env.RESULTS_DIR ?? 'tmp/results');

/** @returns {{ kind: string, passed: number, failed: number, skipped: number, detail: string } | null} */
function countReport(report) {
  if (report && typeof report.numPassedTests === 'number') {
    const runtimeErrors = report.numRuntimeErrorTestSuites ?? 0;
    let failed = (report.numFailedTests ?? 0) + runtimeErrors;
    const notes = [];
    if (runtimeErrors) notes.push(`${runtimeErrors} suite(s) failed to run`);
    if (!report.numTotalTestSuites && !report.numTotalTests) notes.push('no tests found');
    if (report.success === false && failed === 0) {
      failed = 1;
      if (report.numTotalTests) notes.push('jest reported failure');
    }
    const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    return { kind: 'jest', passed: report.numPassedTests, failed, skipped, detail: notes.join('; ') };
  }
  if (report && report.stats && typeof report.stats.expected === 'number') {
    const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats;
    let failed = unexpected;
    const notes = [];
    if (flaky) notes.push(`${flaky} flaky`);
    const errors = Array.isArray(report.errors) ? report.errors.length : 0;
    if (errors)
      notes.push(
        `${errors} run error(s): ${String(report.errors[0]?.message ?? '')
          .split('\n')[0]
          .slice(0, 160)}`,
      );
    if (errors && failed === 0) failed = 1;
    return { kind: 'playwright', passed: expected + flaky, failed, skipped, detail: notes.join('; ') };
  }
  return null;
}

function readJson(file) {
  try {
    return { value: JSON.parse(readFileSync(join(dir, file), 'utf8')) };
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
}

const rows = [];
if (!existsSync(dir)) {
  rows.push({ name: '(results)', passed: 0, failed: 1, skipped: 0, detail: `no results directory ${dir}` });
} else {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const stages = files
    .filter((f) => f.endsWith('.stage.json'))
    .map((file) => ({ file, ...readJson(file) }))
    .sort((a, b) => (a.value?.order ?? 1e9) - (b.value?.order ?? 1e9));
  const claimed = new Set();

  for (const { file, value: stage, error } of stages) {
    const name = stage?.stage ?? file.replace(/\.stage\.json$/, '');
    if (error) {
      rows.push({ name, passed: 0, failed: 1, skipped: 0, detail: `unreadable stage file: ${error}` });
      continue;
    }
    const row = { name, passed: 0, failed: 0, skipped: 0, detail: stage.note ?? '' };
    if (stage.report) {
      claimed.add(stage.report);
      const parsed = files.includes(stage.report) ? readJson(stage.report) : { error: 'no report written' };
      const counts = parsed.error ? null : countReport(parsed.value);
      if (counts) {
        Object.assign(row, { passed: counts.passed, failed: counts.failed, skipped: counts.skipped });
        row.detail = [row.detail, counts.detail].filter(Boolean).join('; ');
      } else {
        row.detail = [row.detail, parsed.error ?? 'report not recognised'].filter(Boolean).join('; ');
      }
    }
    if (stage.exitCode !== 0 && row.failed === 0) {
      row.failed = 1;
      const why = stage.exitCode === null || stage.exitCode === undefined ? 'not run' : `exited with code ${stage.exitCode}`;
      row.detail = [why, row.detail].filter(Boolean).join('; ');
    }
    rows.push(row);
  }

  // Reports no stage file points at (a partial run, or reports copied in by hand).
  for (const file of files.filter((f) => !f.endsWith('.stage.json') && !claimed.has(f))) {
    const parsed = readJson(file);
    const counts = parsed.error ? null : countReport(parsed.value);
    const name = file.replace(/\.json$/, '');
    rows.push(
      counts
        ? { name, ...counts }
        : { name, passed: 0, failed: 1, skipped: 0, detail: parsed.error ? `unreadable: ${parsed.error}` : 'report not recognised' },
    );
  }

  if (rows.length === 0) rows.push({ name: '(results)', passed: 0, failed: 1, skipped: 0, detail: `no results in ${dir}` });
}

const width = Math.max(...rows.map((r) => r.name.length), 5);
console.log('\nTest summary');
for (const r of rows) {
  const mark = r.failed > 0 ? 'FAIL' : 'ok  ';
  const detail = r.detail.replace(/\s+/g, ' ').trim();
  const skipped = r.skipped ? `, ${r.skipped} skipped` : '';
  console.log(`  ${mark} ${r.name.padEnd(width)}  ${r.passed} passed, ${r.failed} failed${skipped}${detail ? `  (${detail})` : ''}`);
}
const passed = rows.reduce((n, r) => n + r.passed, 0);
const failed = rows.reduce((n, r) => n + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
