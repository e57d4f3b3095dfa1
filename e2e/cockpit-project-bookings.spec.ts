// A project's bookings (issue 13, item 3): the project page lists the project's upcoming bookings
// with state, resource, local time and the card each is for; a booking made for one of its cards
// shows there, and "Book infrastructure for this project" carries the project to the catalogue.
import { expect, test } from '@playwright/test';
import { DEMO, expectNoSeriousA11yViolations as expectAccessible, runId, signIn, snap } from './support';

test('a booking made for a card is listed on its project page, with the card; booking for the whole project', async ({
  page,
}, testInfo) => {
  const CARD = 'Student access to the test servers (VU MIF)';
  const RESOURCE = 'Data House test server DH-S1';
  const purpose = `Project bookings list ${runId()}`;
  await signIn(page, DEMO.member);
  await page.goto('/projects');
  await page.getByTestId('project-link').filter({ hasText: 'Joint data-centre infrastructure' }).click();
  await expect(page).toHaveURL(/\/board$/);
  const overview = page.url().replace(/\/board$/, '');

  await page.getByTestId('card-open').filter({ hasText: CARD }).click();
  await page.getByRole('tab', { name: /^Bookings/ }).click();
  await page.getByTestId('card-book').click();
  await page.getByRole('link', { name: RESOURCE }).click();
  await page.getByTestId('week-next').click();
  await page.locator('[data-testid^="slot-"][data-testid$="-1400"]:not(.full):not(.closed)').nth(testInfo.retry).click();
  await page.getByTestId('booking-purpose').fill(purpose);
  await page.getByTestId('booking-submit').click();
  await expect(page.getByTestId('booking-purpose')).toBeHidden();

  await page.goto(overview);
  const row = page
    .getByTestId('project-booking')
    .filter({ hasText: RESOURCE })
    .filter({ hasText: '14:00–15:00' })
    .filter({ hasText: CARD });
  await expect(row.first()).toBeVisible();
  await expect(row.first().getByTestId('booking-status')).toHaveText('Confirmed');
  await expect(row.first()).toContainText('Europe/Vilnius');
  await snap(page, 'cockpit-project-bookings');
  await expectAccessible(page, 'project page with bookings');

  // the card link opens the card on the board
  await row.first().getByTestId('project-booking-card').click();
  await expect(page).toHaveURL(/\/board\?card=/);
  await expect(page.getByRole('dialog')).toContainText(CARD);
  await page.keyboard.press('Escape');

  // booking for the project as a whole, by keyboard from the project page
  await page.goto(overview);
  await page.getByTestId('project-book').focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/infrastructure$/);
  await expect(page.getByTestId('card-target-banner')).toContainText('for the project “Joint data-centre infrastructure”');
  await page.getByRole('link', { name: RESOURCE }).click();
  await page.getByTestId('week-next').click();
  await page.locator('[data-testid^="slot-"][data-testid$="-1600"]:not(.full):not(.closed)').nth(testInfo.retry).click();
  await expect(page.getByTestId('booking-link-card')).toContainText('For the project “Joint data-centre infrastructure”');
  await page.getByTestId('booking-purpose').fill(`${purpose} (whole project)`);
  await page.getByTestId('booking-submit').click();
  await expect(page.getByTestId('booking-purpose')).toBeHidden();
  await page.goto(overview);
  await expect(
    page.getByTestId('project-booking').filter({ hasText: '16:00–17:00' }).filter({ hasText: 'The whole project' }).first(),
  ).toBeVisible();
});
