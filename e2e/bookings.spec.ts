// The booking journey (issue 6, "Browser"): a member books two GPU nodes in the week view of the
// Duomenų centras pool by dragging over free slots; the coordinator approves in the queue; the
// member's "My bookings" turns the request to Confirmed without reloading. axe-core checks each page.
import { expect, test } from '@playwright/test';
import { DEMO, expectNoSeriousA11yViolations as expectAccessible, People, runId, signIn, snap } from './support';

const PURPOSE = `Fraud model training ${runId()}`;

test('a member books a GPU pool slot in the week view; the coordinator approves; the member sees it confirmed live', async ({
  browser,
}) => {
  const memberContext = await browser.newContext();
  const member = await memberContext.newPage();
  await signIn(member, DEMO.member);

  await member.goto('/infrastructure');
  await expect(member.getByRole('link', { name: 'Duomenų centras GPU node pool' })).toBeVisible();
  await expectAccessible(member, 'infrastructure catalogue');
  await member.getByRole('link', { name: 'Duomenų centras GPU node pool' }).click();
  await expect(member.getByTestId('zone-note')).toContainText('Europe/Vilnius');
  await member.getByTestId('week-next').click();
  await expect(member.getByTestId('policy-summary')).toBeVisible();
  await expectAccessible(member, 'resource week view');

  // Wednesday of next week, 14:00–16:00 local: drag from the 14:00 slot to the 15:00 slot.
  const from = member.locator('[data-testid^="slot-"][data-testid$="-1400"]').nth(2);
  const to = member.locator('[data-testid^="slot-"][data-testid$="-1500"]').nth(2);
  await expect(from).toBeEnabled();
  await to.scrollIntoViewIfNeeded();
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await member.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await member.mouse.down();
  await member.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 4 });
  await member.mouse.up();

  await expect(member.getByTestId('booking-from')).toHaveValue('14:00');
  await expect(member.getByTestId('booking-to')).toHaveValue('16:00');
  await member.getByTestId('booking-units').click();
  await member.getByRole('option', { name: '2', exact: true }).click();
  await member.getByTestId('booking-purpose').fill(PURPOSE);
  await expectAccessible(member, 'booking dialog', { include: '.cdk-overlay-container' });
  await snap(member, 'bookings-dialog');
  await member.getByTestId('booking-submit').click();
  await expect(member.getByTestId('booking-purpose')).toBeHidden();

  await member.goto('/infrastructure/bookings');
  const mine = member.locator('li', { hasText: PURPOSE });
  await expect(mine.getByTestId('booking-status')).toHaveText('Pending');

  const coordinatorContext = await browser.newContext();
  const coordinator = await coordinatorContext.newPage();
  await signIn(coordinator, DEMO.coordinator);
  await coordinator.goto('/infrastructure/approvals');
  const request = coordinator.locator('li', { hasText: PURPOSE });
  await expect(request).toContainText('2 units');
  await expectAccessible(coordinator, 'approvals queue');
  await request.getByRole('button', { name: 'Approve' }).click();
  await expect(request).toBeHidden();

  // No reload on the member's side: the socket event updates the list.
  await expect(mine.getByTestId('booking-status')).toHaveText('Confirmed');
  await snap(member, 'bookings-confirmed');
  await memberContext.close();
  await coordinatorContext.close();
});

test('a member books infrastructure for a card from its dialog; the card lists the booking', async ({ page }, testInfo) => {
  const CARD = 'Student access to the test servers (VU MIF)';
  const purpose = `Test server for students ${runId()}`;
  await signIn(page, DEMO.member);
  await page.goto('/projects');
  await page.getByTestId('project-link').filter({ hasText: 'Joint data-centre infrastructure' }).click();
  await expect(page).toHaveURL(/\/board$/);
  const board = page.url();
  await page.getByTestId('card-open').filter({ hasText: CARD }).click();
  await page.getByRole('tab', { name: /^Bookings/ }).click();
  await page.getByTestId('card-book').click();

  // The catalogue says what the booking is for; the booking dialog links it to the card.
  await expect(page.getByTestId('card-target-banner')).toContainText(CARD);
  await page.getByRole('link', { name: 'Data House test server DH-S1' }).click();
  await page.getByTestId('week-next').click();
  await page.locator('[data-testid^="slot-"][data-testid$="-1000"]:not(.full):not(.closed)').nth(testInfo.retry).click();
  await expect(page.getByTestId('booking-link-card')).toContainText(CARD);
  await page.getByTestId('booking-purpose').fill(purpose);
  await page.getByTestId('booking-submit').click();
  await expect(page.getByTestId('booking-purpose')).toBeHidden();
  await expect(page.getByTestId('card-target-banner')).toBeHidden();

  await page.goto(board);
  await expect(page.getByTestId('card').filter({ hasText: CARD }).getByTestId('card-bookings-chip')).toBeVisible();
  await page.getByTestId('card-open').filter({ hasText: CARD }).click();
  await page.getByRole('tab', { name: /^Bookings/ }).click();
  const linked = page.getByTestId('card-booking').filter({ hasText: 'Data House test server DH-S1' }).last();
  await expect(linked).toContainText('10:00–11:00');
  await expect(linked.getByTestId('booking-status')).toHaveText('Confirmed');
  await expectAccessible(page, 'card bookings', { include: '.cdk-overlay-container' });
  await snap(page, 'bookings-on-card');
});

test('a rack of one working group: others see who may book it and no Book button; a group member books', async ({ browser }) => {
  const people = new People();
  try {
    const RACK = 'Data House operations staging rack';
    const outsider = await people.signIn(browser, DEMO.member);
    await outsider.goto('/infrastructure');
    await outsider.getByRole('link', { name: RACK }).click();
    await expect(outsider.getByTestId('policy-summary')).toContainText('Shared data-centre operations');
    await expect(outsider.getByTestId('cannot-book')).toBeVisible();
    await expect(outsider.getByTestId('resource-book')).toHaveCount(0);
    await snap(outsider, 'resource-not-bookable');

    const insider = await people.signIn(browser, DEMO.jonas);
    await insider.goto(outsider.url());
    await expect(insider.getByTestId('resource-book')).toBeVisible();
    await expect(insider.getByTestId('cannot-book')).toHaveCount(0);
  } finally {
    await people.closeAll();
  }
});
