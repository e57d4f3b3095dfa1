// Moderation as the people concerned see it (issue 4, "Browser"): a member reports a message in a
// working group's channel, the group's coordinator deletes it from the console's report queue, and
// the member's open chat shows it removed without a reload; the coordinator mutes the member for
// an hour and the member's open composer locks at once, saying until when (and unlocks on unmute).
// Demo: "Cloud computing — UK, DE, FR markets" is coordinated by Jonas; Andris and Eglė are members.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations as expectAccessible, People, runId, snap } from './support';

const GROUP = 'Cloud computing — UK, DE, FR markets';
const TEXT = `Cheap licences, no questions asked — write me privately (${runId()})`;
const people = new People();

let egle: Page; // author
let andris: Page; // reporter, later muted
let jonas: Page; // the group's coordinator

async function open(browser: Browser, email: string): Promise<Page> {
  const page = await people.signIn(browser, email);
  await page.goto('/groups');
  await page.getByRole('link', { name: GROUP }).click();
  await expect(page.getByTestId('group-name')).toHaveText(GROUP);
  return page;
}

async function openGeneral(page: Page): Promise<void> {
  await page.getByTestId('group-channel-general').click();
  await expect(page.getByTestId('channel-title')).toContainText('-general');
}

async function openConsole(page: Page): Promise<void> {
  await page.getByTestId('group-console-link').click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(GROUP);
}

const message = (page: Page, text: string) => page.getByTestId('message-list').getByTestId('message-item').filter({ hasText: text });

/** "yyyy-MM-dd HH:mm" in the browsers' time zone (playwright.config: Europe/Vilnius), as the composer shows it. */
const local = (at: number): string =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Vilnius', dateStyle: 'short', timeStyle: 'short' }).format(at);

test.describe.configure({ mode: 'serial' });

test.describe('moderation journey', () => {
  test.beforeAll(async ({ browser }) => {
    egle = await open(browser, 'egle@klasteris.demo');
    andris = await open(browser, 'andris@klasteris.demo');
    jonas = await open(browser, 'jonas@klasteris.demo');
  });

  test.afterAll(async () => {
    await people.closeAll();
  });

  test('a member reports a message, the coordinator deletes it from the queue, the member sees it removed live', async () => {
    await openGeneral(egle);
    const input = egle.getByTestId('composer-input');
    await input.fill(TEXT);
    await input.press('Enter');
    await expect(message(egle, TEXT)).toHaveAttribute('data-seq', /^\d+$/);

    await openGeneral(andris);
    const reported = message(andris, TEXT);
    await expect(reported).toBeVisible();
    // one's own messages have no Report action
    const own = message(egle, TEXT);
    await own.hover();
    await own.getByTestId('message-more').click();
    await expect(egle.getByTestId('message-delete')).toBeVisible();
    await expect(egle.getByTestId('message-report')).toHaveCount(0);
    await egle.keyboard.press('Escape');

    await reported.hover();
    await reported.getByTestId('message-more').click();
    await andris.getByTestId('message-report').click();
    const dialog = andris.getByRole('dialog');
    await expect(dialog).toContainText('Report this message');
    await expect(dialog.getByTestId('report-quote')).toContainText(TEXT);
    await expect(dialog.getByTestId('report-reason')).toBeFocused();
    // a reason is required
    await dialog.getByTestId('report-submit').click();
    await expect(dialog).toContainText('Please give a reason.');
    await dialog.getByTestId('report-reason').fill('Selling licences of dubious origin');
    await expectAccessible(andris, 'report dialog', { include: '.cdk-overlay-container' });
    await snap(andris, 'moderation-report-dialog');
    await dialog.getByTestId('report-submit').click();
    await expect(dialog).toHaveCount(0);
    await expect(andris.getByText("Thank you. The group's coordinators will look at the message.")).toBeVisible();
    // a second report of the same message is no error: the member is told it is already with the coordinators
    await reported.hover();
    await reported.getByTestId('message-more').click();
    await andris.getByTestId('message-report').click();
    await dialog.getByTestId('report-reason').fill('Still there');
    await dialog.getByTestId('report-submit').click();
    await expect(andris.getByText("You had already reported this message; the group's coordinators have it.")).toBeVisible();

    await openConsole(jonas);
    await jonas.getByRole('tab', { name: /Reports/ }).click();
    const entry = jonas.getByTestId('console-reports').locator('li', { hasText: TEXT });
    await expect(entry).toBeVisible();
    await expect(entry).toContainText('Selling licences of dubious origin');
    // "Open in the chat" shows the message in context (the channel around its seq)
    await expect(entry.getByTestId('report-context')).toHaveAttribute('href', /^\/chat\/[0-9a-f]{24}\?seq=\d+$/);
    await expectAccessible(jonas, 'console reports queue');
    await snap(jonas, 'moderation-console-reports');
    await entry.getByTestId('report-delete').click();
    await expect(entry).toHaveCount(0);

    // the reporter's and the author's open chats: the tombstone, no reload
    for (const page of [andris, egle]) {
      await expect(message(page, 'This message was removed by a moderator.')).toBeVisible();
      await expect(page.getByTestId('message-list')).not.toContainText(TEXT);
    }
  });

  test('the coordinator mutes a member for an hour; the member’s open composer locks until then, and unlocks on unmute', async () => {
    const composer = andris.getByTestId('composer-input');
    await expect(composer).toBeEnabled();
    await jonas.getByRole('tab', { name: 'Members' }).click();
    await jonas.getByTestId('console-reason').fill('Cool down after the licence offers');
    const row = jonas.getByTestId('console-members').locator('li', { hasText: 'Andris' });
    await expect(row).toBeVisible();
    // a retry after a failed attempt may find Andris still muted: start from unmuted
    if (await row.getByRole('button', { name: 'Unmute' }).isVisible()) {
      await row.getByRole('button', { name: 'Unmute' }).click();
      await expect(row.getByTestId('member-mute')).toBeVisible();
    }
    // the duration picker defaults to 1 hour
    await expect(jonas.getByTestId('mute-duration')).toContainText('1 hour');
    const before = Date.now();
    await row.getByTestId('member-mute').click();
    const after = Date.now();
    await expect(row.getByRole('button', { name: 'Unmute' })).toBeVisible();

    const notice = andris.getByTestId('composer-muted');
    await expect(notice).toBeVisible();
    await expect(composer).toBeDisabled();
    await expect(andris.getByTestId('composer-send')).toBeDisabled();
    const shown = /until (\d{4}-\d{2}-\d{2} \d{2}:\d{2})/.exec((await notice.textContent()) ?? '')?.[1];
    const expected = new Set([local(before + 3_600_000), local(after + 3_600_000)]);
    expect(expected).toContain(shown);
    await expectAccessible(andris, 'chat with a locked composer');
    await snap(andris, 'moderation-composer-muted');

    await row.getByRole('button', { name: 'Unmute' }).click();
    await expect(notice).toHaveCount(0);
    await expect(composer).toBeEnabled();
  });

  test('slow mode shows in the member’s composer, with a countdown after each post; the coordinator is exempt', async () => {
    await jonas.getByRole('tab', { name: 'Settings' }).click();
    await jonas.getByTestId('slow-mode-seconds').fill('30');
    await jonas.getByTestId('slow-mode-save').click();
    await expect(jonas.getByText('Saved')).toBeVisible();

    // the member's open composer learns it live (channel:updated)
    await expect(andris.getByTestId('composer-slow-mode')).toContainText('Slow mode: one message every 30 s.');
    const input = andris.getByTestId('composer-input');
    await input.fill('One thought every half minute.');
    await input.press('Enter');
    await expect(message(andris, 'One thought every half minute.')).toHaveAttribute('data-seq', /^\d+$/);
    await expect(andris.getByTestId('composer-slow-wait')).toContainText(/You can send again in (30|29|28|27|26|25) s\./);
    await input.fill('And another one right away');
    await expect(andris.getByTestId('composer-send')).toBeDisabled();
    await expectAccessible(andris, 'chat in slow mode');
    await snap(andris, 'moderation-composer-slow-mode');

    // coordinators are exempt: no notice, no countdown
    await jonas.goto(`/chat/${/\/chat\/([0-9a-f]{24})/.exec(andris.url())![1]}`);
    await expect(jonas.getByTestId('composer-input')).toBeEnabled();
    await expect(jonas.getByTestId('composer-slow-mode')).toHaveCount(0);

    await jonas.goBack();
    await jonas.getByRole('tab', { name: 'Settings' }).click();
    await jonas.getByTestId('slow-mode-seconds').fill('0');
    await jonas.getByTestId('slow-mode-save').click();
    await expect(andris.getByTestId('composer-slow-mode')).toHaveCount(0);
    await expect(andris.getByTestId('composer-send')).toBeEnabled();
  });
});
