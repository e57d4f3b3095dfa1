// The working-groups journey (issue 4, "Web UI"): a partner asks to join an on-request group with a
// message, the group's coordinator approves it in the coordinator console, the partner is then a
// member with the group's channels; axe-core finds nothing serious on the groups screens.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations as expectAccessible, People, snap } from './support';

const GROUP = 'Middle East market entry';
const people = new People();

async function open(browser: Browser, email: string): Promise<Page> {
  const page = await people.signIn(browser, email);
  await page.goto('/groups');
  await expect(page.getByTestId('groups-list')).toBeVisible();
  return page;
}

test.afterAll(async () => {
  await people.closeAll();
});

test('a partner asks to join, the coordinator approves in the console', async ({ browser }) => {
  const andris = await open(browser, 'andris@klasteris.demo');
  await expect(andris.getByRole('link', { name: GROUP })).toBeVisible();
  await expectAccessible(andris, 'groups directory');
  await andris.getByRole('link', { name: GROUP }).click();
  await expect(andris.getByTestId('group-name')).toHaveText(GROUP);
  if (await andris.getByTestId('group-leave').isVisible()) {
    await andris.getByTestId('group-leave').click();
    await expect(andris.getByTestId('group-request-send')).toBeVisible();
  }
  await andris.getByTestId('group-request-message').fill('Latvian partners want to present in Muscat too.');
  await andris.getByTestId('group-request-send').click();
  await expect(andris.getByTestId('group-requested')).toBeVisible();
  await expectAccessible(andris, 'group page');
  await snap(andris, 'groups-requested');

  const salim = await open(browser, 'salim@klasteris.demo');
  await salim.getByRole('link', { name: GROUP }).click();
  await salim.getByTestId('group-console-link').click();
  const request = salim.getByTestId('console-requests').locator('li', { hasText: 'Latvian partners want to present in Muscat too.' });
  await expect(request).toBeVisible();
  await expectAccessible(salim, 'coordinator console');
  await snap(salim, 'groups-console');
  await request.getByTestId('request-approve').click();
  await expect(request).toHaveCount(0);

  await andris.reload();
  await expect(andris.getByTestId('group-leave')).toBeVisible();
  await expect(andris.getByTestId('group-channel-general')).toBeVisible();
});
