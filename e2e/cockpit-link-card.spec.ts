// A project owner links an existing card to a chat message (issue 13, item 2): "Link to a card…"
// in the message's menu, a picker of the owner's projects and of the board's cards found by title;
// the message then shows the card to the channel live, a card already linked cannot be picked
// again, a member who owns no project is not offered the link, and renaming the card on the board
// reaches the message. The emoji picker speaks Lithuanian to a Lithuanian member. Keyboard through
// the menu and the dialog; axe-core on each screen.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { DEMO, expectNoSeriousA11yViolations as expectAccessible, People, runId, snap } from './support';

const id = runId()
  .toLowerCase()
  .replace(/[^a-z0-9]/g, '');
const CHANNEL = `rack-power-${id}`;
const PROJECT = 'Joint data-centre infrastructure';
const CARD = `Rack power audit ${id}`;
const RENAMED = `Rack power audit, hall B ${id}`;
const people = new People();

test.afterAll(async () => {
  await people.closeAll();
});

const messages = (page: Page) => page.getByTestId('message-list').getByTestId('message-item');

async function openMenu(page: Page, message: Locator): Promise<void> {
  await message.hover();
  await message.getByTestId('message-more').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menu')).toBeVisible();
}

/** Picks an option of a Material select by keyboard only. */
async function chooseByKeyboard(page: Page, select: Locator, option: string): Promise<void> {
  await select.focus();
  await page.keyboard.press('Enter');
  const listbox = page.locator('.mat-mdc-select-panel');
  await expect(listbox.getByRole('option', { name: option })).toBeVisible();
  const active = listbox.locator('.mat-mdc-option-active');
  for (let i = 0; i < 20; i++) {
    const now = ((await active.textContent()) ?? '').trim();
    if (now === option) break;
    await page.keyboard.press('ArrowDown');
    // the next read waits for the move: a read before it would press once more and overshoot
    await expect(active).not.toHaveText(now);
  }
  await expect(active).toHaveText(option);
  await page.keyboard.press('Enter');
  await expect(listbox).toHaveCount(0);
  await expect(select).toContainText(option);
}

test('a project owner links an existing card to a message; the channel sees it, a rename reaches it', async ({ browser }) => {
  // Mindaugas (member2@) owns the infrastructure project: he adds a card to its board
  const mindaugas = await people.signIn(browser, DEMO.member2);
  await mindaugas.goto('/projects');
  await mindaugas.getByTestId('project-link').filter({ hasText: PROJECT }).click();
  await expect(mindaugas).toHaveURL(/\/board$/);
  const boardUrl = mindaugas.url();
  const todo = mindaugas.getByTestId('column-To do');
  if (!(await todo.getByTestId('new-card-title').isVisible())) await todo.getByTestId('add-card').click();
  await todo.getByTestId('new-card-title').fill(CARD);
  await todo.getByTestId('new-card-title').press('Enter');
  await expect(todo.getByTestId('card').filter({ hasText: CARD })).toBeVisible();

  // ...opens a channel and posts; Jonas (a member of the project, owner of none) joins it
  await mindaugas.getByTestId('nav-chat').click();
  await mindaugas.getByTestId('new-channel').click();
  await mindaugas.getByTestId('new-channel-name').fill(CHANNEL);
  await mindaugas.getByTestId('new-channel-submit').click();
  await expect(mindaugas.getByTestId('channel-title')).toContainText(CHANNEL);
  const channelPath = new URL(mindaugas.url()).pathname;
  const jonas = await people.signIn(browser, DEMO.jonas);
  await jonas.goto(channelPath);
  await jonas.getByTestId('channel-join').click();
  await expect(jonas.getByTestId('composer-input')).toBeVisible();

  const input = mindaugas.getByTestId('composer-input');
  await input.fill(`Power readings in hall B look off since Tuesday ${id}`);
  await input.press('Enter');
  const message = messages(mindaugas).filter({ hasText: `hall B look off since Tuesday ${id}` });
  await expect(message).toHaveAttribute('data-seq', /\d+/);

  // the menu, by keyboard: "Link to a card…"
  await openMenu(mindaugas, message);
  const linkItem = mindaugas.getByRole('menuitem', { name: 'Link to a card…' });
  await expect(linkItem).toBeVisible();
  await linkItem.press('Enter');
  const dialog = mindaugas.getByRole('dialog', { name: 'Link this message to a card' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('link-card-quote')).toContainText('Power readings in hall B');
  await chooseByKeyboard(mindaugas, dialog.getByTestId('link-card-project'), PROJECT);
  const search = dialog.getByTestId('link-card-search');
  await search.focus();
  await mindaugas.keyboard.type('nothing like this');
  await expect(dialog.getByTestId('link-card-none')).toContainText('No card title contains “nothing like this”.');
  await search.fill('');
  await mindaugas.keyboard.type(`RACK POWER ${id}`);
  const options = dialog.getByTestId('link-card-option');
  await expect(options).toHaveCount(1);
  await expect(options.first()).toContainText(CARD);
  await expect(options.first()).toContainText('To do');
  // into the list and choose with the space bar, then submit with Enter
  await mindaugas.keyboard.press('Tab');
  await expect(options.first()).toBeFocused();
  await mindaugas.keyboard.press('Space');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await expectAccessible(mindaugas, 'link card dialog');
  await snap(mindaugas, 'cockpit-link-card-01-dialog');
  await dialog.getByTestId('link-card-submit').press('Enter');
  await expect(dialog).toHaveCount(0);

  // the message shows the card: for him at once, for Jonas live
  await expect(mindaugas.getByText(`The message is linked to “${CARD}”.`)).toBeVisible();
  const link = message.getByTestId('message-card-link');
  await expect(link).toHaveAccessibleName(`Card: ${CARD}`);
  const seen = messages(jonas).filter({ hasText: `hall B look off since Tuesday ${id}` });
  await expect(seen.getByTestId('message-card-link')).toHaveAccessibleName(`Card: ${CARD}`);
  await expectAccessible(mindaugas, 'channel with the linked message');
  await snap(mindaugas, 'cockpit-link-card-02-message-shows-card');

  // Jonas owns no project: his messages offer "Create card…" but not "Link to a card…"
  await jonas.getByTestId('composer-input').fill(`Thermal camera shows rack B4 is hot ${id}`);
  await jonas.getByTestId('composer-input').press('Enter');
  const his = messages(jonas).filter({ hasText: `rack B4 is hot ${id}` });
  await expect(his).toHaveAttribute('data-seq', /\d+/);
  await openMenu(jonas, his);
  await expect(jonas.getByRole('menuitem', { name: 'Create card…' })).toBeVisible();
  await expect(jonas.getByRole('menuitem', { name: 'Link to a card…' })).toHaveCount(0);
  await jonas.keyboard.press('Escape');

  // a card linked once is listed but cannot be picked for another message
  const other = messages(mindaugas).filter({ hasText: `rack B4 is hot ${id}` });
  await openMenu(mindaugas, other);
  await mindaugas.getByRole('menuitem', { name: 'Link to a card…' }).press('Enter');
  await chooseByKeyboard(mindaugas, dialog.getByTestId('link-card-project'), PROJECT);
  await dialog.getByTestId('link-card-search').fill(id);
  await expect(options).toHaveCount(1);
  await expect(options.first()).toContainText('already linked to a message');
  await expect(options.first()).toHaveAttribute('aria-disabled', 'true');
  await dialog.getByTestId('link-card-submit').click();
  await expect(dialog.getByTestId('link-card-error')).toHaveText('Choose a card.');
  await snap(mindaugas, 'cockpit-link-card-03-already-linked');
  await mindaugas.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  // the card links back to the message; renamed on the board, the message follows
  await link.click();
  await expect(mindaugas).toHaveURL(/\/board\?card=[0-9a-f]+$/);
  const cardDialog = mindaugas.getByRole('dialog');
  await expect(cardDialog.getByTestId('card-source-link')).toHaveAttribute('href', new RegExp(`^${channelPath}\\?seq=\\d+$`));
  await cardDialog.getByTestId('card-title').fill(RENAMED);
  await cardDialog.getByTestId('card-save').click();
  await expect(mindaugas.getByTestId('card').filter({ hasText: RENAMED })).toBeVisible();
  expect(mindaugas.url().startsWith(boardUrl)).toBe(true);
  // back to the message inside the app (no reload: what the chat knew of the card must follow)
  await mindaugas.getByTestId('card-open').filter({ hasText: RENAMED }).click();
  await cardDialog.getByTestId('card-source-link').click();
  await expect(mindaugas).toHaveURL(new RegExp(`${channelPath}\\?seq=\\d+$`));
  await expect(
    messages(mindaugas)
      .filter({ hasText: `hall B look off since Tuesday ${id}` })
      .getByTestId('message-card-link'),
  ).toHaveAccessibleName(`Card: ${RENAMED}`);
  await snap(mindaugas, 'cockpit-link-card-04-renamed');

  // Jonas in Lithuanian: the full emoji picker's own labels are Lithuanian too
  await jonas.getByTestId('lang-switch').click();
  await jonas.getByTestId('lang-lt').click();
  await his.hover();
  await his.getByTestId('reaction-add').click();
  await jonas.getByTestId('emoji-more').click();
  const picker = jonas.getByRole('dialog');
  await expect(picker.getByRole('combobox', { name: 'Ieškoti jaustukų' })).toBeVisible();
  await expect(picker.getByRole('tab', { name: 'Maistas ir gėrimai' })).toBeVisible();
  await expectAccessible(jonas, 'emoji picker in Lithuanian');
  await snap(jonas, 'cockpit-link-card-05-emoji-picker-lt');
  await picker.getByRole('combobox', { name: 'Ieškoti jaustukų' }).fill('ugnis');
  await picker
    .getByRole('option', { name: /ugnis/ })
    .or(picker.getByRole('menuitem', { name: /ugnis/ }))
    .first()
    .click();
  await expect(picker).toHaveCount(0);
  await expect(his.getByTestId('reaction-button')).toHaveCount(1);

  // the switch is kept on Jonas's profile: back to English, so later journeys meet him as the demo has him
  const saved = jonas.waitForResponse((r) => r.url().endsWith('/api/auth/me') && r.request().method() === 'PATCH');
  await jonas.getByTestId('lang-switch').click();
  await jonas.getByTestId('lang-en').click();
  expect((await saved).status()).toBe(200);
});
