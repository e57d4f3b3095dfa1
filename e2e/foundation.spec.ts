// The foundation journey (issue 2, "Browser journey"): a visitor applies for membership, the
// coordinator approves, the new organisation admin invites a colleague who joins through the
// link, finds the organisation in the directory without typing diacritics, and switches the UI to
// Lithuanian. axe-core checks every page on the way (0 serious or critical violations).
//
// The steps share one server and build on each other, so they run in order (serial mode: a
// failure skips the rest, a retry starts again from the application with fresh names).
import { expect, test, type Page } from '@playwright/test';
import { DEMO, expectNoSeriousA11yViolations as expectAccessible, runId, signIn, snap } from './support';

const id = runId();
/** Diacritics on purpose: the directory must find it from plain Latin letters. */
const ORG_NAME = `Šiaurės Žvaigždė Duomenų Sprendimai ${id}`;
const ORG_SEARCH = `siaures zvaigzde duomenu sprendimai ${id}`;
const ORG_CITY = 'Klaipėda';
const ADMIN = { name: 'Rūta Petrauskienė', email: `ruta.${id}@zvaigzde.example`, password: 'Zvaigzde-admin-2026' };
const COLLEAGUE = { name: 'Mindaugas Kazlauskas', email: `mindaugas.${id}@zvaigzde.example`, password: 'Zvaigzde-colleague-2026' };

/** Set by the invitation step, used by the colleague. */
let invitationLink = '';

test.describe.configure({ mode: 'serial' });

test.describe('foundation journey', () => {
  test('a visitor applies for membership', async ({ page }) => {
    await page.goto('/apply');
    await expect(page.getByRole('heading', { level: 1, name: 'Apply for cluster membership' })).toBeVisible();
    await expectAccessible(page, 'apply form');

    await page.getByTestId('apply-org-name').fill(ORG_NAME);
    await chooseOption(page, 'apply-org-type', 'option-company');
    await chooseOption(page, 'apply-org-country', 'option-LT');
    await page.getByTestId('apply-org-city').fill(ORG_CITY);
    await page.getByTestId('apply-contact-name').fill(ADMIN.name);
    await page.getByTestId('apply-contact-email').fill(ADMIN.email);
    await page.getByTestId('apply-contact-password').fill(ADMIN.password);
    await page
      .getByTestId('apply-motivation')
      .fill('We run cloud and data services in Klaipėda and want to build shared projects with cluster members.');
    await snap(page, '01-apply-filled');
    await page.getByTestId('apply-submit').click();

    const success = page.getByTestId('apply-success');
    await expect(success).toBeVisible();
    await expect(success).toContainText('Application received');
    await expect(success).toContainText(ADMIN.email);
    await snap(page, '02-apply-success');
    await expectAccessible(page, 'apply success');
  });

  test('the coordinator approves the application', async ({ page }) => {
    await page.goto('/login');
    await expect(page.getByTestId('login-email')).toBeVisible();
    await expectAccessible(page, 'login');

    await signIn(page, DEMO.coordinator);
    await expect(page.getByTestId('dashboard-title')).toContainText('Welcome,');
    await expectAccessible(page, 'coordinator dashboard');

    await page.getByTestId('nav-admin').click();
    await expect(page).toHaveURL(/\/admin\/applications$/);
    const row = page.getByTestId('application-row').filter({ hasText: ORG_NAME });
    await expect(row).toBeVisible();
    await expect(row).toContainText(ADMIN.email);
    await expect(row).toContainText('Pending');
    await snap(page, '03-applications-queue');
    await expectAccessible(page, 'applications queue');

    await row.getByTestId('application-approve').click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('Approve application?');
    await expect(dialog).toContainText(ORG_NAME);
    await expectAccessible(page, 'approve dialog');
    await dialog.getByTestId('dialog-confirm').click();
    await expect(dialog).toBeHidden();

    // A decided application leaves the pending queue and shows up among the approved ones.
    await expect(page.getByText(`${ORG_NAME} approved`)).toBeVisible();
    await expect(row).toHaveCount(0);
    await page.getByTestId('applications-filter-approved').click();
    await expect(row).toBeVisible();
    await expect(row).toContainText('Approved');
    await expect(row.getByTestId('application-approve')).toHaveCount(0);
  });

  test('the new organisation admin signs in and invites a colleague', async ({ page }) => {
    await signIn(page, ADMIN.email, ADMIN.password);
    await expect(page.getByTestId('dashboard-title')).toHaveText(`Welcome, ${ADMIN.name}`);
    await expectAccessible(page, 'organisation admin dashboard');

    await page.getByTestId('nav-my-organisation').click();
    await expect(page).toHaveURL(/\/directory\/organisations\/[0-9a-f]{24}$/);
    await expect(page.getByTestId('org-name')).toHaveText(ORG_NAME);
    await expect(page.getByTestId('org-membership-status')).toHaveText('Member');
    await expect(page.getByTestId('invitations')).toContainText('No open invitations.');
    await expectAccessible(page, 'organisation page');

    await page.getByTestId('invite-button').click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByTestId('invite-email')).toBeVisible();
    await expectAccessible(page, 'invite dialog');
    await dialog.getByTestId('invite-email').fill(COLLEAGUE.email);
    await dialog.getByTestId('invite-submit').click();

    const link = dialog.getByTestId('invite-link');
    await expect(link).toHaveText(/^http:\/\/localhost:\d+\/invite\/\S{20,}$/);
    await expect(dialog).toContainText(`Invitation for ${COLLEAGUE.email} created.`);
    invitationLink = (await link.innerText()).trim();
    await snap(page, '04-invite-link');
    await expectAccessible(page, 'invite dialog with link');

    await dialog.getByTestId('invite-done').click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('invitation-row').filter({ hasText: COLLEAGUE.email })).toBeVisible();
  });

  test('the colleague joins through the link and finds the organisation in the directory', async ({ page }) => {
    // A fresh browser context: nobody is signed in here.
    expect(invitationLink, 'the invitation step produced a link').not.toBe('');
    await page.goto(invitationLink);
    await expect(page.getByTestId('invite-organisation')).toHaveText(ORG_NAME);
    await expect(page.getByTestId('invite-email-value')).toHaveText(COLLEAGUE.email);
    await expect(page.getByRole('heading', { name: `Join ${ORG_NAME} on Klasteris` })).toBeVisible();
    await expectAccessible(page, 'invitation');

    await page.getByTestId('invite-accept-name').fill(COLLEAGUE.name);
    await page.getByTestId('invite-accept-password').fill(COLLEAGUE.password);
    await page.getByTestId('invite-accept-submit').click();

    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByTestId('dashboard-title')).toHaveText(`Welcome, ${COLLEAGUE.name}`);
    await expect(page.getByTestId('user-menu')).toContainText(COLLEAGUE.name);
    await snap(page, '05-colleague-dashboard');
    await expectAccessible(page, 'colleague dashboard');

    await page.getByTestId('nav-directory').click();
    await expect(page).toHaveURL(/\/directory/);
    await expect(page.getByTestId('org-card').first()).toBeVisible();
    await page.getByTestId('directory-search').fill(ORG_SEARCH);
    const cards = page.getByTestId('org-card');
    await expect(cards).toHaveCount(1);
    await expect(cards).toContainText(ORG_NAME);
    await expect(cards).toContainText(ORG_CITY);
    await snap(page, '06-directory-search');
    await expectAccessible(page, 'directory search');

    // The card leads to the organisation, where the colleague is now listed.
    await cards.getByRole('link', { name: ORG_NAME }).click();
    await expect(page.getByTestId('org-name')).toHaveText(ORG_NAME);
    await expect(page.getByTestId('person-card').filter({ hasText: COLLEAGUE.name })).toBeVisible();
    await expect(page.getByTestId('person-card').filter({ hasText: ADMIN.name })).toBeVisible();
    await expect(page.getByTestId('invite-button')).toHaveCount(0);
    await expectAccessible(page, 'organisation page (member view)');
  });

  test('switching to Lithuanian translates the screen and is remembered', async ({ page }) => {
    await signIn(page, COLLEAGUE.email, COLLEAGUE.password);
    await page.getByTestId('nav-directory').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Directory');
    await expect(page.getByTestId('nav-dashboard')).toContainText('Dashboard');

    await page.getByTestId('lang-switch').click();
    await page.getByTestId('lang-lt').click();
    await expectLithuanian(page);
    await snap(page, '07-directory-lt');
    await expectAccessible(page, 'directory in Lithuanian');

    await page.reload();
    await expectLithuanian(page);

    await page.getByTestId('nav-dashboard').click();
    await expect(page.getByTestId('dashboard-title')).toHaveText(`Sveiki, ${COLLEAGUE.name}`);
    await snap(page, '08-dashboard-lt');
    await expectAccessible(page, 'dashboard in Lithuanian');
  });
});

/** Opens a Material select by its test id and picks an option by the option's test id. */
async function chooseOption(page: Page, selectTestId: string, optionTestId: string): Promise<void> {
  await page.getByTestId(selectTestId).click();
  await page.getByTestId(optionTestId).click();
  await expect(page.getByRole('listbox')).toBeHidden();
}

/** The shell and the directory page speak Lithuanian (strings from apps/web/public/i18n/lt.json). */
async function expectLithuanian(page: Page): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('lang', 'lt');
  await expect(page.getByTestId('lang-switch')).toContainText('LT');
  await expect(page.getByTestId('nav-dashboard')).toContainText('Apžvalga');
  await expect(page.getByTestId('nav-chat')).toContainText('Pokalbiai');
  await expect(page.getByTestId('nav-groups')).toContainText('Darbo grupės');
  await expect(page.getByTestId('nav-directory')).toContainText('Katalogas');
  await expect(page.getByTestId('nav-infrastructure')).toContainText('Infrastruktūra');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Katalogas');
  await expect(page.getByText('Klasterio narių organizacijos ir žmonės.')).toBeVisible();
  await expect(page.getByTestId('directory-tab-people')).toContainText('Žmonės');
}
