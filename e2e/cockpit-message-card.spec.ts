// A chat message becomes a card (issue 13, item 2): a member posts a message in a channel, makes a
// card of it from the message's menu (project, board column, title prefilled from the message's
// first line), the message then shows the card and links to it open on the board, and the card
// links back to the message in its channel. A channel member outside the project sees only that
// the message became a card (no link). Keyboard through the menu and the dialog; axe-core on each screen.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { DEMO, expectNoSeriousA11yViolations as expectAccessible, People, runId, snap } from './support';

const id = runId()
  .toLowerCase()
  .replace(/[^a-z0-9]/g, '');
const CHANNEL = `uk-fintech-${id}`;
const FIRST_LINE = `Book two GPU nodes for the UK fintech interviews ${id}`;
const PROJECT = 'Cloud computing market study: United Kingdom';
const people = new People();

test.afterAll(async () => {
  await people.closeAll();
});

const messages = (page: Page) => page.getByTestId('message-list').getByTestId('message-item');

/** Picks an option of a Material select by keyboard only: Enter opens it, arrow keys move, Enter picks. */
async function chooseByKeyboard(page: Page, select: Locator, option: string): Promise<void> {
  await select.focus();
  await page.keyboard.press('Enter');
  const listbox = page.getByRole('listbox');
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

async function openChat(page: Page): Promise<void> {
  await page.getByTestId('nav-chat').click();
  await expect(page.getByTestId('browse-channels')).toBeVisible();
}

test('a member makes a card of a chat message; the message shows the card and the card links back', async ({ browser }) => {
  // Rūta (member@, in the UK study project) opens a channel and posts; Mindaugas (member2@, not in it) joins
  const ruta = await people.signIn(browser, DEMO.member);
  await openChat(ruta);
  await ruta.getByTestId('new-channel').click();
  await ruta.getByTestId('new-channel-name').fill(CHANNEL);
  await ruta.getByTestId('new-channel-submit').click();
  await expect(ruta.getByTestId('channel-title')).toContainText(CHANNEL);
  const channelPath = new URL(ruta.url()).pathname;

  const mindaugas = await people.signIn(browser, DEMO.member2);
  await mindaugas.goto(channelPath);
  await mindaugas.getByTestId('channel-join').click();
  await expect(mindaugas.getByTestId('composer-input')).toBeVisible();

  const input = ruta.getByTestId('composer-input');
  await input.fill(`**${FIRST_LINE}**\nThursday mornings, two weeks; Laura has the questionnaire.`);
  await input.press('Enter');
  const message = messages(ruta).filter({ hasText: FIRST_LINE });
  await expect(message).toHaveAttribute('data-seq', /\d+/);
  const seq = await message.getAttribute('data-seq');

  // the message's menu, by keyboard: "Create card…"
  await message.hover();
  await message.getByTestId('message-more').focus();
  await ruta.keyboard.press('Enter');
  const createItem = ruta.getByRole('menuitem', { name: 'Create card…' });
  await expect(createItem).toBeVisible();
  await snap(ruta, 'cockpit-message-card-01-menu');
  await createItem.press('Enter');

  const dialog = ruta.getByRole('dialog', { name: 'Create a card from this message' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('card-from-title')).toHaveValue(FIRST_LINE);
  await expect(dialog.getByTestId('card-from-title')).toBeFocused();
  await expect(dialog.getByTestId('card-from-quote')).toContainText('Thursday mornings');
  // project and column chosen by keyboard (the select opens with Enter; options by arrow keys and Enter)
  await chooseByKeyboard(ruta, dialog.getByTestId('card-from-project'), PROJECT);
  await expect(dialog.getByTestId('card-from-column')).toContainText('To do');
  await chooseByKeyboard(ruta, dialog.getByTestId('card-from-column'), 'In progress');
  await expectAccessible(ruta, 'create card dialog');
  await snap(ruta, 'cockpit-message-card-02-dialog');
  await dialog.getByTestId('card-from-create').press('Enter');
  await expect(dialog).toHaveCount(0);

  // the message shows the card (for her at once, for Mindaugas live but without access to the project)
  const link = message.getByTestId('message-card-link');
  await expect(link).toHaveAccessibleName(`Card: ${FIRST_LINE}`);
  await expect(ruta.getByText(`Card “${FIRST_LINE}” created in ${PROJECT}.`)).toBeVisible();
  await expectAccessible(ruta, 'channel with the message that became a card');
  await snap(ruta, 'cockpit-message-card-03-message-shows-card');
  const seen = messages(mindaugas).filter({ hasText: FIRST_LINE });
  await expect(seen.getByTestId('message-card-note')).toHaveText(/Made into a card you cannot open/);
  await expect(seen.getByTestId('message-card-link')).toHaveCount(0);
  await snap(mindaugas, 'cockpit-message-card-04-other-member');
  // the message's menu no longer offers a second card
  await message.hover();
  await message.getByTestId('message-more').click();
  await expect(ruta.getByRole('menuitem', { name: 'Pin to channel' })).toBeVisible();
  await expect(ruta.getByRole('menuitem', { name: 'Create card…' })).toHaveCount(0);
  await ruta.keyboard.press('Escape');

  // the link opens the board with the card open; the card names where it came from
  await link.focus();
  await ruta.keyboard.press('Enter');
  await expect(ruta).toHaveURL(/\/projects\/[0-9a-f]+\/board\?card=[0-9a-f]+$/);
  const card = ruta.getByRole('dialog');
  await expect(card.getByTestId('card-title')).toHaveValue(FIRST_LINE);
  const source = card.getByTestId('card-source-link');
  await expect(source).toHaveText('Made from a chat message: open it in the channel');
  await expect(card.getByTestId('card-source')).toContainText('Thursday mornings');
  await expect(source).toHaveAttribute('href', `${channelPath}?seq=${seq}`);
  await expectAccessible(ruta, 'card dialog with its source message');
  await snap(ruta, 'cockpit-message-card-05-card-dialog');
  // it sits in the column chosen
  await expect(ruta.getByTestId('column-In progress').getByTestId('card').filter({ hasText: FIRST_LINE })).toHaveCount(1);

  // ...and back: the card's link closes the dialog and opens the channel at the message, marked
  await source.click();
  await expect(ruta).toHaveURL(new RegExp(`${channelPath}\\?seq=${seq}$`));
  await expect(ruta.getByRole('dialog')).toHaveCount(0);
  const marked = messages(ruta).filter({ hasText: FIRST_LINE });
  await expect(marked).toHaveClass(/highlight/);
  await expect(marked.getByTestId('message-card-link')).toBeVisible();
  await expectAccessible(ruta, 'channel opened at the message');
  await snap(ruta, 'cockpit-message-card-06-back-at-message');
});
