// A demo that looks alive (issue 13, item 6): on a fresh demo database the coordinator's timeline,
// a resource's week calendar and utilisation show real load this week and the next two, a board
// has cards with comments, and chat has threads and reactions this week. Screenshots of each for a look.
import { expect, test, type Page } from '@playwright/test';
import { DEMO, expectNoSeriousA11yViolations as expectAccessible, signIn, snap } from './support';

const segments = (page: Page) => page.getByTestId('timeline-viewport').locator('.seg');
const entries = (page: Page) => page.getByRole('grid').locator('.cell .entry');

test('a fresh demo shows bookings over three weeks, utilisation, comments, threads and reactions', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, DEMO.coordinator);

  // the timeline: load this week, the next and the one after
  await page.goto('/infrastructure/timeline');
  await expect.poll(() => segments(page).count()).toBeGreaterThanOrEqual(12);
  await expectAccessible(page, 'timeline with the demo load');
  await snap(page, 'cockpit-demo-01-timeline-this-week');
  for (const n of [2, 3]) {
    await page.getByRole('button', { name: 'Next week' }).click();
    await expect.poll(() => segments(page).count()).toBeGreaterThanOrEqual(8);
    await snap(page, `cockpit-demo-0${n}-timeline-week-${n}`);
  }

  // a resource's week calendar: meetings this week (the ones already held too) and next week
  await page.goto('/infrastructure');
  await page.getByRole('link', { name: 'INFOBALT conference room' }).click();
  await expect.poll(() => entries(page).count()).toBeGreaterThanOrEqual(4);
  await snap(page, 'cockpit-demo-04-week-calendar');
  await page.getByTestId('week-next').click();
  await expect.poll(() => entries(page).count()).toBeGreaterThanOrEqual(4);
  await page.getByTestId('week-next').click();
  await expect.poll(() => entries(page).count()).toBeGreaterThanOrEqual(3);

  // utilisation of this month
  await page.goto('/infrastructure/utilisation');
  const rows = page.getByTestId('utilisation-table').locator('tbody tr');
  await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(5);
  await expectAccessible(page, 'utilisation with the demo load');
  await snap(page, 'cockpit-demo-05-utilisation');

  // a board with comments on its cards
  await page.goto('/projects');
  await page.getByTestId('project-link').filter({ hasText: 'Cloud computing market study: United Kingdom' }).click();
  await expect(page).toHaveURL(/\/board$/);
  await page.getByTestId('card-open').filter({ hasText: 'Competitor map: UK managed cloud providers' }).click();
  await page.getByRole('tab', { name: 'Comments (2)' }).click();
  await expect(page.getByTestId('comments').locator('li')).toHaveCount(2);
  await page.getByTestId('comments').scrollIntoViewIfNeeded();
  await snap(page, 'cockpit-demo-06-board-card-comments');
  await page.keyboard.press('Escape');

  // chat: a thread and reactions this week
  await page.getByTestId('nav-chat').click();
  await page.locator('[data-testid="channel-item"][data-channel-name="cloud-computing"]').click();
  const root = page.getByTestId('message-list').getByTestId('message-item').filter({ hasText: 'common reference architecture' });
  await expect(root.getByTestId('thread-replies')).toContainText('3');
  await expect(root.getByTestId('reaction-button')).toHaveCount(1);
  await root.getByTestId('thread-replies').click();
  await expect(page.getByTestId('thread-panel').getByTestId('message-item')).toHaveCount(4);
  await expectAccessible(page, 'demo chat with a thread');
  await snap(page, 'cockpit-demo-07-chat-thread');
});
