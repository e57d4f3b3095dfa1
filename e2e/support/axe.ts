import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
type Violation = AxeResults['violations'][number];

/** Impacts that fail a test; minor and moderate findings are attached to the report only. */
const BLOCKING: ReadonlySet<string> = new Set(['serious', 'critical']);

export interface AxeCheckOptions {
  /** CSS selectors to leave out (e.g. third-party widgets); keep this list short and explained. */
  exclude?: string[];
  /** Restrict the scan to part of the page, e.g. an open dialog: `.cdk-overlay-container`. */
  include?: string;
}

/** One line per violation: rule id, impact, what is wrong and where (a few targets). */
export function formatViolations(violations: readonly Violation[]): string {
  return violations
    .map((v) => {
      const targets = v.nodes
        .slice(0, 5)
        .map((n) => n.target.join(' '))
        .join(' | ');
      const more = v.nodes.length > 5 ? ` (+${v.nodes.length - 5} more)` : '';
      return `  - ${v.id} [${v.impact ?? 'unknown'}] ${v.help} — ${v.nodes.length} node(s): ${targets}${more}\n    ${v.helpUrl}`;
    })
    .join('\n');
}

/**
 * Runs axe-core on the current page and fails with a readable list when anything serious or
 * critical is found. Every result (also minor ones) is attached to the test report as JSON.
 * Call it once the page has rendered what it should (after a web-first assertion).
 */
export async function expectNoSeriousA11yViolations(page: Page, label: string, options: AxeCheckOptions = {}): Promise<void> {
  await test.step(`axe: ${label}`, async () => {
    let builder = new AxeBuilder({ page });
    if (options.include) builder = builder.include(options.include);
    for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
    const results = await builder.analyze();
    const blocking = results.violations.filter((v) => BLOCKING.has(v.impact ?? ''));
    if (results.violations.length > 0) {
      await test.info().attach(`axe-${label}`, {
        body: JSON.stringify(results.violations, null, 2),
        contentType: 'application/json',
      });
    }
    expect(
      blocking,
      `axe found serious/critical accessibility violations on "${label}" (${page.url()}):\n${formatViolations(blocking)}`,
    ).toEqual([]);
  });
}
