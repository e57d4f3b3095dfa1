// The admins' cluster-wide pages (issue 13 "a cluster-wide audit page for admins", issue 11 "admins
// see the outbox"): the audit log with filters, the outgoing mail with states and answers; both
// absent for coordinators, who read a group's log in its console.
import { expect, test } from '@playwright/test';
import { DEMO, expectNoSeriousA11yViolations as expectAccessible, People, snap } from './support';

const people = new People();
test.afterAll(async () => {
  await people.closeAll();
});

test('an admin reads the whole audit log and the outbox; a coordinator sees neither tab', async ({ browser }) => {
  const admin = await people.signIn(browser, DEMO.admin);
  await admin.goto('/admin');
  await admin.getByTestId('admin-tab-audit').click();
  await expect(admin).toHaveURL(/\/admin\/audit$/);
  const rows = admin.getByTestId('admin-audit-table').locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  await admin.getByTestId('audit-action').fill('no.such.action');
  await admin.getByTestId('audit-filter').click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('No entries match.');
  await admin.getByTestId('audit-action').fill('');
  await admin.getByTestId('audit-filter').click();
  await expect(rows.first()).not.toContainText('No entries match.');
  await expectAccessible(admin, 'admin audit log');
  await snap(admin, 'admin-01-audit');

  await admin.getByTestId('admin-tab-mail').click();
  await expect(admin).toHaveURL(/\/admin\/mail$/);
  await expect(admin.getByTestId('mail-table').locator('tbody tr').first()).toBeVisible();
  await expect(admin.getByTestId('mail-count-queued')).toBeVisible();
  await expectAccessible(admin, 'admin outgoing mail');
  await snap(admin, 'admin-02-mail');

  const coordinator = await people.signIn(browser, DEMO.coordinator);
  await coordinator.goto('/admin');
  await expect(coordinator.getByTestId('admin-tab-users')).toBeVisible();
  await expect(coordinator.getByTestId('admin-tab-audit')).toHaveCount(0);
  await expect(coordinator.getByTestId('admin-tab-mail')).toHaveCount(0);
});

test('"?" lists the keyboard shortcuts anywhere outside a text field; the user menu opens the same list', async ({ browser }) => {
  const member = await people.signIn(browser, DEMO.member);
  await member.keyboard.press('?');
  const dialog = member.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Previous / next channel');
  await expectAccessible(member, 'keyboard shortcuts');
  await snap(member, 'shortcuts-dialog');
  await member.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  // typing "?" into a field types it
  await member.goto('/directory');
  const search = member.getByRole('searchbox').or(member.getByRole('textbox')).first();
  await search.fill('');
  await search.press('?');
  await expect(member.getByRole('dialog')).toHaveCount(0);
  await member.getByTestId('user-menu').click();
  await member.getByTestId('menu-shortcuts').click();
  await expect(member.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
});
