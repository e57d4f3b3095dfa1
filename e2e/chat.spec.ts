// The chat journey (issue 3, "Browser"): two members of different organisations chat in
// realtime in two browser contexts — a message, a thread reply, a reaction, a mention badge on
// another channel — history survives a reload, an XSS payload renders inert, and axe-core finds
// nothing serious on the chat screens.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO, expectNoSeriousA11yViolations as expectAccessible, People, runId, snap } from './support';

const id = runId()
  .toLowerCase()
  .replace(/[^a-z0-9]/g, '');
const MAIN = `e2e-chat-${id}`;
const SIDE = `e2e-side-${id}`;

let ruta: Page; // member@ (Etronika)
let mindaugas: Page; // member2@ (Data House)
const people = new People();

async function open(browser: Browser, email: string): Promise<Page> {
  const page = await people.signIn(browser, email);
  await page.getByTestId('nav-chat').click();
  await expect(page.getByTestId('browse-channels')).toBeVisible();
  return page;
}

const channelItem = (page: Page, name: string) => page.locator(`[data-testid=channel-item][data-channel-name="${name}"]`);
const messages = (page: Page) => page.getByTestId('message-list').getByTestId('message-item');

async function createChannel(page: Page, name: string): Promise<void> {
  await page.getByTestId('new-channel').click();
  await page.getByTestId('new-channel-name').fill(name);
  await page.getByTestId('new-channel-submit').click();
  await expect(page.getByTestId('channel-title')).toContainText(name);
}

async function joinChannel(page: Page, name: string): Promise<void> {
  await page.getByTestId('browse-channels').click();
  await page.getByTestId('browse-search').fill(name);
  const entry = page.locator(`[data-testid=browse-item][data-channel-name="${name}"]`);
  await expect(entry).toBeVisible();
  await entry.getByTestId('browse-join').click();
  await expect(page.getByTestId('channel-title')).toContainText(name);
}

async function send(page: Page, text: string, testId = 'composer'): Promise<void> {
  const input = page.getByTestId(`${testId}-input`);
  await input.fill(text);
  await input.press('Enter');
  await expect(input).toHaveValue('');
}

test.describe.configure({ mode: 'serial' });

test.describe('chat journey', () => {
  test.beforeAll(async ({ browser }) => {
    ruta = await open(browser, DEMO.member);
    mindaugas = await open(browser, DEMO.member2);
  });

  test.afterAll(async () => {
    await people.closeAll();
  });

  test('two members chat in realtime in a public channel', async () => {
    await createChannel(ruta, MAIN);
    await expectAccessible(ruta, 'empty channel');
    await joinChannel(mindaugas, MAIN);

    await send(ruta, 'Labas! **Sveiki** atvykę į _kanalą_');
    const seen = messages(mindaugas).filter({ hasText: 'Sveiki atvykę' });
    await expect(seen).toBeVisible();
    await expect(seen.getByTestId('message-body').locator('strong')).toHaveText('Sveiki');
    // the author's own copy is stored (no longer pending) and carries its seq
    const own = messages(ruta).filter({ hasText: 'Sveiki atvykę' });
    await expect(own).not.toHaveAttribute('data-pending', /.+/);
    await expect(own).toHaveAttribute('data-seq', /^\d+$/);

    await send(mindaugas, 'Sveika, Rūta!');
    await expect(messages(ruta).filter({ hasText: 'Sveika, Rūta!' })).toBeVisible();
    await snap(ruta, 'chat-01-conversation');
    await expectAccessible(ruta, 'channel with messages');
  });

  test('a thread reply and a reaction reach the other member', async () => {
    const root = messages(mindaugas).filter({ hasText: 'Sveiki atvykę' });
    await root.hover();
    await root.getByTestId('thread-open').click();
    const panel = mindaugas.getByTestId('thread-panel');
    await expect(panel).toBeVisible();
    await send(mindaugas, 'Atsakau gijoje', 'thread-composer');
    await expect(panel.getByTestId('message-item').filter({ hasText: 'Atsakau gijoje' })).toBeVisible();
    await expectAccessible(mindaugas, 'thread panel');

    // Rūta sees the reply count on the root and the reply in the thread
    const rutaRoot = messages(ruta).filter({ hasText: 'Sveiki atvykę' });
    await expect(rutaRoot.getByTestId('thread-replies')).toContainText('1');
    await rutaRoot.getByTestId('thread-replies').click();
    await expect(ruta.getByTestId('thread-panel').getByTestId('message-item').filter({ hasText: 'Atsakau gijoje' })).toBeVisible();
    await ruta.keyboard.press('Escape');
    await expect(ruta.getByTestId('thread-panel')).toHaveCount(0);

    // Rūta reacts; Mindaugas sees the reaction with its count
    await rutaRoot.hover();
    await rutaRoot.getByTestId('reaction-add').click();
    await ruta.getByTestId('emoji-option').first().click();
    await expect(rutaRoot.getByTestId('reaction-button')).toHaveAttribute('aria-pressed', 'true');
    await expect(root.getByTestId('reaction-button')).toContainText('1');
    await snap(mindaugas, 'chat-02-thread-reaction');

    // any emoji from the full picker (its data served by the portal): Mindaugas searches and picks 🦉
    await root.hover();
    await root.getByTestId('reaction-add').click();
    await mindaugas.getByTestId('emoji-more').click();
    const picker = mindaugas.getByRole('dialog', { name: 'Choose any emoji' });
    await picker.getByRole('combobox').fill('owl');
    await picker.getByRole('option', { name: /owl/i }).first().click();
    await expect(picker).toHaveCount(0);
    await expect(root.locator('[data-testid="reaction-button"][data-emoji="🦉"]')).toContainText('1');
    await expect(rutaRoot.locator('[data-testid="reaction-button"][data-emoji="🦉"]')).toContainText('1');
  });

  test('a mention in another channel shows a mention badge', async () => {
    await createChannel(ruta, SIDE);
    await joinChannel(mindaugas, SIDE);
    await channelItem(mindaugas, MAIN).click();
    await expect(mindaugas.getByTestId('channel-title')).toContainText(MAIN);

    const input = ruta.getByTestId('composer-input');
    await input.fill('Labas, ');
    await input.pressSequentially('@Mind');
    await ruta.getByTestId('mention-option').filter({ hasText: 'Mindaugas' }).click();
    await input.pressSequentially('ar matei naujienas?');
    await input.press('Enter');

    const badge = channelItem(mindaugas, SIDE).getByTestId('mention-badge');
    await expect(badge).toHaveText('1');
    await snap(mindaugas, 'chat-03-mention-badge');
    // opening the channel reads it: the badge goes away and the mention is highlighted
    await channelItem(mindaugas, SIDE).click();
    await expect(badge).toHaveCount(0);
    await expect(messages(mindaugas).filter({ hasText: 'ar matei naujienas?' }).locator('.mention')).toContainText('@Mindaugas');
  });

  test('an XSS payload renders as inert text', async () => {
    await channelItem(ruta, MAIN).click();
    await channelItem(mindaugas, MAIN).click();
    await send(ruta, '<img src=x onerror="window.__xss=1"> [spausk](javascript:window.__xss=2) <script>window.__xss=3</script>');
    const hostile = messages(mindaugas).filter({ hasText: 'onerror' });
    await expect(hostile).toBeVisible();
    const body = hostile.getByTestId('message-body');
    await expect(body).toContainText('<img src=x onerror="window.__xss=1">');
    await expect(body.locator('img, script, iframe, svg')).toHaveCount(0);
    const link = body.locator('a');
    await expect(link).toHaveText('spausk');
    expect(await link.getAttribute('href')).toBeNull();
    await link.click();
    expect(await mindaugas.evaluate(() => (window as unknown as { __xss?: number }).__xss ?? null)).toBeNull();
    expect(await ruta.evaluate(() => (window as unknown as { __xss?: number }).__xss ?? null)).toBeNull();
  });

  test('a reload shows the history', async () => {
    await mindaugas.reload();
    await channelItem(mindaugas, MAIN).click();
    await expect(messages(mindaugas).filter({ hasText: 'Sveiki atvykę' })).toBeVisible();
    await expect(messages(mindaugas).filter({ hasText: 'Sveika, Rūta!' })).toBeVisible();
    await expect(messages(mindaugas).filter({ hasText: 'Sveiki atvykę' }).getByTestId('reaction-button').first()).toContainText('1');

    await mindaugas.getByTestId('channel-details-open').click();
    await expect(mindaugas.getByTestId('channel-details')).toBeVisible();
    await expectAccessible(mindaugas, 'channel details');
    await mindaugas.getByRole('tab', { name: /Members/ }).click();
    await expect(mindaugas.getByTestId('member-list')).toContainText('Data House');
    await expect(mindaugas.getByTestId('member-list')).toContainText('Etronika');
    await snap(mindaugas, 'chat-04-details');
  });
});
