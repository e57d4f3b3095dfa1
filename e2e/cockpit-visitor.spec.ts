// The visitor's first page (issue 13, item 4): `/` for someone not signed in is the cluster's front
// door — what the cluster is and does, its member and partner organisations, "Apply for membership"
// and "Sign in" — in English and Lithuanian, axe-clean, and loading no chunk of another screen.
// Signed-in people opening `/` land on their dashboard.
import { expect, test } from '@playwright/test';
import { DEMO, expectNoSeriousA11yViolations as expectAccessible, signIn, snap } from './support';

/** Components of other screens: their code must not be fetched for the front page. */
const FOREIGN_SELECTORS = ['app-login-page', 'app-dashboard-page', 'app-public-directory-page', 'app-apply-page'];

test.describe('the visitor front page', () => {
  test('a visitor sees what the cluster is, who is in it and how to join, in EN and LT', async ({ page }) => {
    const scripts: string[] = [];
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script') scripts.push(r.url());
    });
    await page.goto('/');
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByTestId('home-title')).toContainText('Lithuanian ICT companies');
    await expect(page.getByRole('heading', { level: 2, name: 'What the cluster does' })).toBeVisible();
    await expect(page.getByTestId('home-members')).toHaveText(/^\d+$/);
    expect(Number(await page.getByTestId('home-members').textContent())).toBeGreaterThanOrEqual(8);
    expect(Number(await page.getByTestId('home-countries').textContent())).toBeGreaterThanOrEqual(3);
    const orgs = page.getByTestId('home-organisations').getByRole('listitem');
    await expect(orgs.first()).toBeVisible();
    await expect(page.getByTestId('home-organisations')).toContainText('Etronika');
    await expect(page.getByTestId('home-organisations')).not.toContainText('Almaty Cloud Systems'); // an applicant
    await expect(page.getByText('Latvia').first()).toBeVisible();
    await snap(page, 'cockpit-home-en');
    await expectAccessible(page, 'front page EN');

    // only the front page's own code: nothing of the sign-in page, the directory or the signed-in shell
    for (const url of scripts) {
      const body = await (await page.request.get(url)).text();
      for (const selector of FOREIGN_SELECTORS) expect(body.includes(`"${selector}"`), `${url} carries ${selector}`).toBe(false);
    }

    // keyboard: the calls to action are reachable by Tab and lead where they say
    await page.getByTestId('home-apply').focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/apply$/);
    await page.goBack();
    await page.getByTestId('home-sign-in').click();
    await expect(page).toHaveURL(/\/login$/);
    await page.goBack();

    await page.getByTestId('lang-switch').click();
    await page.getByTestId('lang-lt').click();
    await expect(page.getByTestId('home-title')).toContainText('Lietuvos IRT įmonės');
    await expect(page.getByRole('heading', { level: 2, name: 'Ką veikia klasteris' })).toBeVisible();
    await expect(page.getByTestId('home-apply')).toContainText('Teikti narystės paraišką');
    await expect(page.getByText('Latvija').first()).toBeVisible();
    await snap(page, 'cockpit-home-lt');
    await expectAccessible(page, 'front page LT');
  });

  test('a signed-in person opening / lands on the dashboard', async ({ page }) => {
    await signIn(page, DEMO.member);
    await page.goto('/');
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByTestId('dashboard-title')).toBeVisible();
  });
});
