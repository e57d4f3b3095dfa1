// Account mails in the browser (issue 11): a person who forgot the password asks for a link from
// the sign-in page, opens it from the mail a real SMTP server received, sets a new password and
// signs in with it; then changes the account's address from the profile and confirms it from the
// mail sent to the new address. The app under test sends to this spec's SMTP server (PORT + 1).
import { expect, test, type Page } from '@playwright/test';
import { startTestSmtp, type ReceivedMail, type TestSmtp } from '../apps/api/test/support/smtp';
import { expectNoSeriousA11yViolations as expectAccessible, runId, signIn, snap } from './support';

const PORT = Number(process.env['E2E_PORT'] ?? 3311);
const id = runId();
const PERSON = { name: 'Ieva Stankevičiūtė', email: `ieva.${id}@etronika.example`, password: 'first-password-2026' };
const NEW_PASSWORD = 'second-password-2026';
const NEW_EMAIL = `ieva.stankeviciute.${id}@etronika.example`;

let smtp: TestSmtp;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  smtp = await startTestSmtp(PORT + 1);
});
test.afterAll(async () => {
  await smtp?.stop();
});

/** Opens a mail's HTML as a page of its own, for a look (E2E_SHOTS_DIR) and an accessibility check. */
async function lookAt(page: Page, mail: ReceivedMail, name: string): Promise<void> {
  await page.setContent(mail.html);
  await snap(page, name);
}

test.describe('account mails journey', () => {
  test('a person who forgot the password resets it from the mailed link', async ({ page, baseURL }) => {
    const registered = await page.request.post('/api/auth/register', {
      data: { email: PERSON.email, password: PERSON.password, displayName: PERSON.name },
    });
    expect(registered.status()).toBe(201);

    await page.goto('/login');
    await page.getByTestId('login-forgot').click();
    await expect(page).toHaveURL(/\/forgot-password$/);
    await expect(page.getByRole('heading', { name: 'Reset your password' })).toBeVisible();
    await expectAccessible(page, 'forgot password');
    await page.getByTestId('forgot-email').fill(PERSON.email);
    await page.getByTestId('forgot-submit').click();
    await expect(page.getByTestId('forgot-sent')).toContainText(PERSON.email);
    await snap(page, 'account-01-reset-sent');

    const mail = await smtp.waitFor((m) => m.to.includes(PERSON.email) && m.subject === 'Reset your password');
    const link = mail.link(`${baseURL}/reset-password?token=`);
    await lookAt(page, mail, 'account-02-reset-mail');

    await page.goto(link);
    await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
    await page.getByTestId('reset-password').fill(NEW_PASSWORD);
    await page.getByTestId('reset-repeat').fill('not the same');
    await page.getByTestId('reset-submit').click();
    await expect(page.getByText('The two passwords differ.')).toBeVisible();
    await page.getByTestId('reset-repeat').fill(NEW_PASSWORD);
    await expectAccessible(page, 'reset password');
    await page.getByTestId('reset-submit').click();
    await expect(page.getByTestId('reset-done')).toBeVisible();
    await snap(page, 'account-03-reset-done');

    // the link works once
    await page.goto(link);
    await page.getByTestId('reset-password').fill('third-password-2026');
    await page.getByTestId('reset-repeat').fill('third-password-2026');
    await page.getByTestId('reset-submit').click();
    await expect(page.getByTestId('reset-error')).toContainText('already been used');

    await signIn(page, PERSON.email, NEW_PASSWORD);
  });

  test('the person changes the address from the profile and confirms it from the new inbox', async ({ page, baseURL }) => {
    await signIn(page, PERSON.email, NEW_PASSWORD);
    await page.goto('/profile');
    await page.getByTestId('email-change-email').fill(NEW_EMAIL);
    await page.getByTestId('email-change-password').fill('wrong password');
    await page.getByTestId('email-change-submit').click();
    await expect(page.getByRole('alert').filter({ hasText: 'password is wrong' })).toBeVisible();
    await page.getByTestId('email-change-password').fill(NEW_PASSWORD);
    await page.getByTestId('email-change-submit').click();
    await expect(page.getByTestId('email-change-sent')).toContainText(NEW_EMAIL);
    await snap(page, 'account-04-email-change-sent');

    const mail = await smtp.waitFor((m) => m.to.includes(NEW_EMAIL) && m.subject === 'Confirm your new e-mail address');
    const link = mail.link(`${baseURL}/confirm-email?token=`);
    await lookAt(page, mail, 'account-05-email-change-mail');
    await page.goto(link);
    await expect(page.getByTestId('confirm-email-done')).toBeVisible();
    await expectAccessible(page, 'e-mail confirmed');
    await snap(page, 'account-06-email-changed');
    const notice = await smtp.waitFor((m) => m.to.includes(PERSON.email) && m.subject === 'The e-mail address of your account was changed');
    expect(notice.text).toContain(NEW_EMAIL);

    await page.context().clearCookies();
    await signIn(page, NEW_EMAIL, NEW_PASSWORD);
  });
});
