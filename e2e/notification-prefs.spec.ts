// Notification preferences in the browser (issue 11, item 5): the page opened from the profile,
// settings changed and kept, the time zone taken from this device, the highlighted setting of an
// unsubscribe link's `?kind=`, and the per-channel level in the chat header.
import { expect, test } from '@playwright/test';
import { startTestSmtp, type TestSmtp } from '../apps/api/test/support/smtp';
import { DEMO, DEMO_PASSWORD, expectNoSeriousA11yViolations as expectAccessible, runId, signIn, snap } from './support';

const PORT = Number(process.env['E2E_PORT'] ?? 3311);
let smtp: TestSmtp;

const id = runId();
const PERSON = { name: 'Aigerim Notes', email: `aigerim.${id}@etronika.example`, password: 'prefs-password-2026' };

test.describe.configure({ mode: 'serial' });
// a partner in Muscat: the device's zone differs from the profile's default (Europe/Vilnius)
test.use({ timezoneId: 'Asia/Muscat' });

test.beforeAll(async () => {
  smtp = await startTestSmtp(PORT + 1);
});
test.afterAll(async () => {
  await smtp?.stop();
});

test.describe('notification preferences', () => {
  test('from the profile: change what reaches me, quiet hours and the time zone; they are kept', async ({ page }) => {
    // registered without a zone (e.g. by a script): the profile has the default
    expect(
      (
        await page.request.post('/api/auth/register', {
          data: { email: PERSON.email, password: PERSON.password, displayName: PERSON.name },
        })
      ).status(),
    ).toBe(201);
    await signIn(page, PERSON.email, PERSON.password);
    await page.goto('/profile');
    await page.getByTestId('profile-notifications-link').click();
    await expect(page).toHaveURL(/\/profile\/notifications$/);
    await expect(page.getByRole('heading', { name: 'Notifications', level: 1 })).toBeVisible();
    await expect(page.getByTestId('time-zone')).toHaveValue('Europe/Vilnius');

    await page.getByTestId('delivery-mentions').click();
    await page.getByRole('option', { name: 'Portal only' }).click();
    await page.getByTestId('delivery-bookings').click();
    await page.getByRole('option', { name: 'Off', exact: true }).click();
    await page.getByTestId('digest-delay').click();
    await page.getByRole('option', { name: '30 minutes' }).click();
    await page.getByTestId('quiet-toggle').getByRole('switch').click();
    await page.getByTestId('quiet-start').fill('21:30');
    await page.getByTestId('quiet-end').fill('06:45');
    await page.getByTestId('use-device-zone').click();
    await expect(page.getByTestId('time-zone')).toHaveValue('Asia/Muscat');
    await expectAccessible(page, 'notification preferences');
    await snap(page, 'prefs-01-page');
    await page.getByTestId('prefs-save').click();
    await expect(page.getByText('Notification settings saved')).toBeVisible();

    await page.reload();
    await expect(page.getByTestId('time-zone')).toHaveValue('Asia/Muscat');
    await expect(page.getByTestId('delivery-mentions')).toContainText('Portal only');
    await expect(page.getByTestId('quiet-start')).toHaveValue('21:30');
    await expect(page.getByTestId('use-device-zone')).toHaveCount(0);
  });

  test('an unsubscribe link’s ?kind= highlights that kind’s settings', async ({ page }) => {
    await signIn(page, PERSON.email, PERSON.password);
    await page.goto('/profile/notifications?kind=chat.digest');
    await expect(page.getByTestId('prefs-from-mail')).toBeVisible();
    await expect(page.getByTestId('topic-mentions')).toHaveAttribute('data-highlighted', 'true');
    await expect(page.getByTestId('topic-directMessages')).toHaveAttribute('data-highlighted', 'true');
    await expect(page.getByTestId('topic-bookings')).not.toHaveAttribute('data-highlighted', 'true');
    await snap(page, 'prefs-02-from-mail');
    await page.goto('/profile/notifications?kind=account.password_reset');
    await expect(page.getByTestId('notification-prefs')).toBeVisible();
    await expect(page.getByTestId('prefs-from-mail')).toHaveCount(0);
  });

  test('the chat header sets my level for a channel', async ({ page }) => {
    await signIn(page, PERSON.email, PERSON.password);
    const login = await page.request.post('/api/auth/login', { data: { email: PERSON.email, password: PERSON.password } });
    const token = ((await login.json()) as { accessToken: string }).accessToken;
    const headers = { Authorization: `Bearer ${token}` };
    const created = await page.request.post('/api/channels', { headers, data: { name: `levels-${id}`, type: 'private' } });
    expect(created.status()).toBe(201);
    const channelId = ((await created.json()) as { channel: { id: string } }).channel.id;
    await page.goto(`/chat/${channelId}`);
    await page.getByTestId('channel-notify').click();
    await page.getByTestId('channel-notify-muted').click();
    await expect(page.getByText('Notifications here: Muted')).toBeVisible();
    const mine = await page.request.get(`/api/channels/${channelId}`, { headers });
    expect(((await mine.json()) as { channel: { notify: string } }).channel.notify).toBe('muted');
    await snap(page, 'prefs-03-channel-level');
  });

  test('a direct message left unread arrives as a digest mail (DIGEST_MINUTE_MS shortens the delay here)', async ({ page, baseURL }) => {
    const away = { name: 'Linas Away', email: `linas.${id}@etronika.example`, password: 'digest-password-2026' };
    expect(
      (
        await page.request.post('/api/auth/register', { data: { email: away.email, password: away.password, displayName: away.name } })
      ).status(),
    ).toBe(201);
    const awayId = (
      (await (await page.request.post('/api/auth/login', { data: { email: away.email, password: away.password } })).json()) as {
        user: { id: string };
      }
    ).user.id;
    const sender = (await (
      await page.request.post('/api/auth/login', { data: { email: DEMO.member, password: DEMO_PASSWORD } })
    ).json()) as { accessToken: string };
    const headers = { Authorization: `Bearer ${sender.accessToken}` };
    const dm = (
      (await (await page.request.post('/api/channels/direct', { headers, data: { userIds: [awayId] } })).json()) as {
        channel: { id: string };
      }
    ).channel;
    const sent = await page.request.post(`/api/channels/${dm.id}/messages`, {
      headers,
      data: { clientMsgId: `e2e${id}digest`, body: 'Could you review the **GPU rack** booking for Tuesday?' },
    });
    expect(sent.status()).toBe(201);
    const mail = await smtp.waitFor((m) => m.to.includes(away.email), 30_000);
    expect(mail.subject).toMatch(/^1 unread message for you on /);
    expect(mail.link(`${baseURL}/chat/`)).toContain(`/chat/${dm.id}`);
    await page.setContent(mail.html);
    await expect(page.getByText('Could you review the')).toBeVisible();
    await snap(page, 'prefs-04-digest-mail');
  });
});
