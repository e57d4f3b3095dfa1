// The boards journey (issue 5, "Browser"): two members of different organisations on one board in
// two browser contexts — A drags a card, B sees it move; a keyboard move (Alt + arrow); B edits a
// card A just changed and gets the per-field conflict dialog; axe-core finds nothing serious.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { DEMO, expectNoSeriousA11yViolations as expectAccessible, People, runId, snap } from './support';

const NAME = `E2E market study ${runId()}`;

let ruta: Page; // member@ (Etronika), owner
let mindaugas: Page; // member2@ (Data House), member
const people = new People();

const column = (page: Page, name: string): Locator => page.getByTestId(`column-${name}`);
const cardIn = (page: Page, columnName: string, title: string): Locator =>
  column(page, columnName).getByTestId('card').filter({ hasText: title });

async function addCard(page: Page, columnName: string, title: string): Promise<void> {
  const col = column(page, columnName);
  if (!(await col.getByTestId('new-card-title').isVisible())) await col.getByTestId('add-card').click();
  await col.getByTestId('new-card-title').fill(title);
  await col.getByTestId('new-card-title').press('Enter');
  await expect(cardIn(page, columnName, title)).toBeVisible();
}

/** A pointer drag the CDK recognises: press, move past the threshold in steps, release over the target. */
async function drag(page: Page, source: Locator, target: Locator): Promise<void> {
  const from = (await source.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 10, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + 40, { steps: 20 });
  await page.mouse.up();
}

test.describe.configure({ mode: 'serial' });

test.describe('boards journey', () => {
  test.beforeAll(async ({ browser }) => {
    ruta = await people.signIn(browser, DEMO.member);
    mindaugas = await people.signIn(browser, DEMO.member2);
  });

  test.afterAll(async () => {
    await people.closeAll();
  });

  test('an owner creates a joint project and adds a member of another organisation', async () => {
    await ruta.getByTestId('nav-projects').click();
    await expect(ruta.getByTestId('project-list')).toBeVisible();
    await expectAccessible(ruta, 'projects list');
    await ruta.getByTestId('new-project').click();
    await ruta.getByTestId('project-name').fill(NAME);
    await ruta.getByTestId('project-summary').fill('Desk research and interviews for the joint export offer.');
    await expectAccessible(ruta, 'new project dialog', { include: '.cdk-overlay-container' });
    await ruta.getByTestId('project-create').click();
    await expect(ruta.getByTestId('board-title')).toHaveText(NAME);
    await expect(ruta.getByTestId('column-To do')).toBeVisible();

    await ruta.getByTestId('project-overview-link').click();
    await ruta.getByTestId('add-member').click();
    await ruta.getByTestId('member-search').fill('Mindaugas');
    await ruta.getByTestId('member-add').first().click();
    await expect(ruta.locator('.cdk-overlay-container')).toContainText('Already in the project');
    await ruta.keyboard.press('Escape');
    await expect(ruta.getByTestId('members')).toContainText('Mindaugas Petrauskas');
    await expect(ruta.getByTestId('project-orgs')).toContainText('Data House');
    await expectAccessible(ruta, 'project overview');
    await ruta.getByTestId('open-board').click();
    for (const title of ['Collect market reports', 'Interview fintechs', 'Pricing benchmark']) await addCard(ruta, 'To do', title);
  });

  test('A drags a card to another column; B sees it move, and sees A viewing', async () => {
    await mindaugas.getByTestId('nav-projects').click();
    await mindaugas.getByTestId('project-list').getByText(NAME).click();
    await expect(cardIn(mindaugas, 'To do', 'Collect market reports')).toBeVisible();
    await expect(mindaugas.getByTestId('board-viewers')).toHaveAttribute('aria-label', /Rūta Kazlauskienė/);
    await expectAccessible(mindaugas, 'board');

    await drag(ruta, cardIn(ruta, 'To do', 'Collect market reports'), column(ruta, 'In progress'));
    await expect(cardIn(ruta, 'In progress', 'Collect market reports')).toBeVisible();
    await expect(cardIn(mindaugas, 'In progress', 'Collect market reports')).toBeVisible();
    await expect(cardIn(mindaugas, 'To do', 'Collect market reports')).toHaveCount(0);
    await snap(mindaugas, 'boards-01-after-drag');
  });

  test('a card moves by keyboard (Alt + arrow keys) and by the move menu', async () => {
    const open = cardIn(ruta, 'To do', 'Pricing benchmark').getByTestId('card-open');
    await open.focus();
    await ruta.keyboard.press('Alt+ArrowUp');
    await expect(column(ruta, 'To do').getByTestId('card').first()).toContainText('Pricing benchmark');
    await expect(cardIn(ruta, 'To do', 'Pricing benchmark').getByTestId('card-open')).toBeFocused();
    await ruta.keyboard.press('Alt+ArrowRight');
    await expect(cardIn(ruta, 'In progress', 'Pricing benchmark')).toBeVisible();
    await expect(cardIn(ruta, 'In progress', 'Pricing benchmark').getByTestId('card-open')).toBeFocused();
    await expect(cardIn(mindaugas, 'In progress', 'Pricing benchmark')).toBeVisible();

    await cardIn(ruta, 'To do', 'Interview fintechs').getByTestId('card-move').click();
    await ruta.getByTestId('move-to-Review').click();
    await expect(cardIn(mindaugas, 'Review', 'Interview fintechs')).toBeVisible();
  });

  test('B edits a card A just changed: the conflict dialog asks theirs or mine per field', async () => {
    // B opens the card and starts typing; A sees "is editing".
    await cardIn(mindaugas, 'Review', 'Interview fintechs').getByTestId('card-open').click();
    await mindaugas.getByTestId('card-title').fill('Interview five fintechs (Mindaugas)');
    await expect(cardIn(ruta, 'Review', 'Interview fintechs').getByTestId('card-editing')).toContainText('Mindaugas Petrauskas is editing');

    // A changes the same title and saves first.
    await cardIn(ruta, 'Review', 'Interview fintechs').getByTestId('card-open').click();
    await ruta.getByTestId('card-title').fill('Interview five UK fintechs');
    await ruta.getByTestId('card-save').click();
    await expect(cardIn(ruta, 'Review', 'Interview five UK fintechs')).toBeVisible();

    // B is told, saves anyway, and chooses field by field.
    await expect(mindaugas.getByTestId('changed-meanwhile')).toBeVisible();
    await mindaugas.getByTestId('card-due').fill('2026-12-15');
    await mindaugas.getByTestId('card-save').click();
    const conflict = mindaugas.getByTestId('conflict-title');
    await expect(conflict).toContainText('Interview five UK fintechs');
    await expect(conflict).toContainText('Interview five fintechs (Mindaugas)');
    await expectAccessible(mindaugas, 'conflict dialog', { include: '.cdk-overlay-container' });
    await snap(mindaugas, 'boards-02-conflict');
    await conflict.getByRole('radio', { name: /Theirs/ }).check();
    await mindaugas.getByTestId('conflict-apply').click();

    // Their title stays; B's due date (no conflict) is saved; both boards agree.
    const card = cardIn(ruta, 'Review', 'Interview five UK fintechs');
    await expect(card.getByTestId('due-later').or(card.getByTestId('due-soon')).or(card.getByTestId('due-overdue'))).toContainText(
      '2026-12-15',
    );
    await expect(cardIn(mindaugas, 'Review', 'Interview five UK fintechs')).toBeVisible();
    await ruta.keyboard.press('Escape');
  });

  test('filters narrow the board', async () => {
    await ruta.getByTestId('filter-text').fill('pricing');
    await expect(ruta.getByTestId('card')).toHaveCount(1);
    await ruta.getByTestId('filter-clear').click();
    await expect(ruta.getByTestId('card')).toHaveCount(3);
  });

  test("comments: an author edits (earlier versions kept) and deletes their own; the owner removes another person's", async () => {
    await expect(mindaugas.getByRole('dialog')).toHaveCount(0);
    await cardIn(mindaugas, 'Review', 'Interview five UK fintechs').getByTestId('card-open').click();
    await expect(mindaugas.getByRole('dialog')).toBeVisible();
    await mindaugas.getByRole('tab', { name: /^Comments/ }).click();
    await mindaugas.getByTestId('comment-new').fill('Five interviews booked for next week');
    await mindaugas.getByTestId('comment-add').click();
    const theirs = mindaugas.getByTestId('comments').locator('li', { hasText: 'Five interviews booked' });
    await expect(theirs).toBeVisible();
    await theirs.getByTestId('comment-edit').click();
    await mindaugas.getByTestId('comment-edit-input').fill('Four interviews booked for next week');
    await mindaugas.getByTestId('comment-edit-save').click();
    const edited = mindaugas.getByTestId('comments').locator('li', { hasText: 'Four interviews booked' });
    await edited.getByTestId('comment-edited').click();
    await expect(edited.getByRole('list', { name: 'Earlier versions' })).toContainText('Five interviews booked for next week');
    await expectAccessible(mindaugas, 'card comments', { include: '.cdk-overlay-container' });
    await snap(mindaugas, 'boards-03-comment-history');

    // the owner sees the edit live and removes the comment as a moderator
    await expect(ruta.getByRole('dialog')).toHaveCount(0);
    await cardIn(ruta, 'Review', 'Interview five UK fintechs').getByTestId('card-open').click();
    await expect(ruta.getByRole('dialog')).toBeVisible();
    await ruta.getByRole('tab', { name: /^Comments/ }).click();
    const forOwner = ruta.getByTestId('comments').locator('li', { hasText: 'Four interviews booked' });
    await expect(forOwner).toBeVisible();
    await expect(forOwner.getByTestId('comment-edit')).toHaveCount(0);
    ruta.once('dialog', (d) => void d.accept());
    await forOwner.getByTestId('comment-delete').click();
    await expect(ruta.getByTestId('comments').getByTestId('comment-deleted')).toHaveText('This comment was removed by a moderator.');
    await expect(mindaugas.getByTestId('comments').getByTestId('comment-deleted')).toHaveText('This comment was removed by a moderator.');
    await ruta.keyboard.press('Escape');
    await mindaugas.keyboard.press('Escape');
  });
});
