// The coordinators' cockpit for working groups (issue 13, item 1): a cluster coordinator creates an
// invite-only group in the UI, invites a whole organisation (Data House), its people accept by
// joining, the coordinator appoints one of them coordinator, bans the other with a reason and lifts
// the ban again; axe-core on each screen on the way.
import { expect, test, type Page } from '@playwright/test';
import { DEMO, expectNoSeriousA11yViolations as expectAccessible, People, runId, snap } from './support';

const people = new People();
const GROUP = `Gulf data-centre partners ${runId()}`;

test.afterAll(async () => {
  await people.closeAll();
});

async function openConsole(page: Page, groupUrl: string): Promise<void> {
  await page.goto(groupUrl);
  await page.getByTestId('group-console-link').click();
  await expect(page).toHaveURL(/\/console$/);
}

test('a coordinator sets up an invite-only group from the UI: organisation invited, members join, a coordinator appointed, a ban lifted', async ({
  browser,
}) => {
  const coordinator = await people.signIn(browser, DEMO.coordinator);
  await coordinator.goto('/groups');
  await coordinator.getByTestId('group-new').click();
  const dialog = coordinator.getByRole('dialog');
  await dialog.getByTestId('group-form-name').fill(GROUP);
  await dialog.getByTestId('group-form-description').fill('Operators who host partners from Oman, Kazakhstan and Azerbaijan.');
  await dialog.getByTestId('group-form-tags').fill('data centre, Oman');
  await dialog.getByTestId('group-form-visibility').click();
  await coordinator.getByRole('option', { name: 'Invitation only' }).click();
  await expectAccessible(coordinator, 'new group dialog');
  await snap(coordinator, 'cockpit-groups-01-new');
  await dialog.getByTestId('group-form-save').click();
  await expect(coordinator.getByTestId('group-name')).toHaveText(GROUP);
  const groupUrl = new URL(coordinator.url()).pathname;

  // invite Data House as a whole
  await openConsole(coordinator, groupUrl);
  await coordinator.getByRole('tab', { name: 'Invite' }).click();
  await coordinator.getByTestId('invite-organisation').click();
  await coordinator.getByRole('option', { name: 'Data House' }).click();
  await coordinator.getByTestId('invite-organisation-send').click();
  await expect(coordinator.getByText(/invited/i).first()).toBeVisible();
  await expectAccessible(coordinator, 'console, invite tab');
  await snap(coordinator, 'cockpit-groups-02-invited');

  // both Data House people accept by joining
  for (const email of [DEMO.member2, DEMO.orgAdmin2]) {
    const page = await people.signIn(browser, email);
    await page.goto(groupUrl);
    await page.getByTestId('group-join').click();
    await expect(page.getByTestId('group-leave')).toBeVisible();
    await expect(page.getByTestId('group-channel-general')).toBeVisible();
  }

  // appoint Mindaugas coordinator; ban Asta with a reason, then lift it
  await openConsole(coordinator, groupUrl);
  await coordinator.getByRole('tab', { name: 'Members' }).click();
  await expectAccessible(coordinator, 'console, members tab');
  await coordinator.getByTestId('console-reason').fill('Runs the Muscat partnership');
  await coordinator.getByRole('button', { name: 'Make coordinator: Mindaugas Petrauskas' }).click();
  await expect(coordinator.getByRole('button', { name: 'Make coordinator: Mindaugas Petrauskas' })).toHaveCount(0);
  await coordinator.getByTestId('console-reason').fill('Posted a partner price list by mistake');
  await coordinator.getByRole('button', { name: 'Ban Asta Paulauskienė' }).click();
  await expect(coordinator.getByRole('button', { name: 'Ban Asta Paulauskienė' })).toHaveCount(0);
  await coordinator.getByRole('tab', { name: /^Bans/ }).click();
  const ban = coordinator.getByTestId('console-bans').locator('li', { hasText: 'Asta Paulauskienė' });
  await expect(ban).toContainText('Posted a partner price list by mistake');
  await expectAccessible(coordinator, 'console, bans tab');
  await snap(coordinator, 'cockpit-groups-03-ban');
  await coordinator.getByTestId('console-reason').fill('Explained; welcome back');
  await ban.getByRole('button', { name: 'Lift ban: Asta Paulauskienė' }).click();
  await expect(coordinator.getByTestId('console-bans').locator('li', { hasText: 'Asta Paulauskienė' })).toHaveCount(0);

  // the audit tab records each step with its reason
  await coordinator.getByRole('tab', { name: 'Audit log' }).click();
  const audit = coordinator.getByTestId('audit-table');
  await expect(audit).toContainText('Runs the Muscat partnership');
  await expect(audit).toContainText('Explained; welcome back');
  await snap(coordinator, 'cockpit-groups-04-audit');

  // the appointed coordinator now has the console; the unbanned person may join again
  const mindaugas = await people.signIn(browser, DEMO.member2);
  await openConsole(mindaugas, groupUrl);
  await expect(mindaugas.getByRole('tab', { name: 'Members' })).toBeVisible();
});
