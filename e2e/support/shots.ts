import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

/**
 * Saves a full-page screenshot when E2E_SHOTS_DIR is set (for looking at the UI a run went
 * through); does nothing otherwise. Failure screenshots are taken by Playwright itself.
 */
export async function snap(page: Page, name: string): Promise<void> {
  const dir = process.env['E2E_SHOTS_DIR'];
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}
