// Card attachments (issue 5, "attachments: reuse the chat attachment store"): a project owner
// attaches an image and a PDF in the card dialog, sees the thumbnail and sizes, downloads a file,
// and removes one after confirming; another member sees the files arrive live; axe finds nothing serious.
import { expect, test, type Page } from '@playwright/test';
import { DEMO, expectNoSeriousA11yViolations as expectAccessible, People, runId, snap } from './support';

const NAME = `E2E attachments ${runId()}`;
/** a 32×32 checkerboard PNG */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAIAAAD8GO2jAAAAOUlEQVR42mOQj+/GihgyY7AiUtUzjFowasEQsIBaBuFUP2rBqAVDwILRomLUglELRuuDUQtGLQAiAIRPnC5ZPfIqAAAAAElFTkSuQmCC',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n% Rinkos tyrimas: Jungtinė Karalystė\n');

let ruta: Page; // member@ (Etronika), owner
let mindaugas: Page; // member2@ (Data House), member
const people = new People();

test.describe.configure({ mode: 'serial' });

test.describe('card attachments', () => {
  test.beforeAll(async ({ browser }) => {
    ruta = await people.signIn(browser, DEMO.member);
    mindaugas = await people.signIn(browser, DEMO.member2);
  });

  test.afterAll(async () => {
    await people.closeAll();
  });

  test('attach, see, download and remove files in the card dialog', async () => {
    // A project with Mindaugas as a member and one card.
    await ruta.getByTestId('nav-projects').click();
    await ruta.getByTestId('new-project').click();
    await ruta.getByTestId('project-name').fill(NAME);
    await ruta.getByTestId('project-create').click();
    await expect(ruta.getByTestId('board-title')).toHaveText(NAME);
    await ruta.getByTestId('project-overview-link').click();
    await ruta.getByTestId('add-member').click();
    await ruta.getByTestId('member-search').fill('Mindaugas');
    await ruta.getByTestId('member-add').first().click();
    await expect(ruta.locator('.cdk-overlay-container')).toContainText('Already in the project');
    await ruta.keyboard.press('Escape');
    await ruta.getByTestId('open-board').click();
    await expect(ruta).toHaveURL(/\/projects\/[0-9a-f]{24}\/board/);
    const boardUrl = ruta.url();
    const col = ruta.getByTestId('column-To do');
    if (!(await col.getByTestId('new-card-title').isVisible())) await col.getByTestId('add-card').click();
    await col.getByTestId('new-card-title').fill('UK market report');
    await col.getByTestId('new-card-title').press('Enter');
    const card = col.getByTestId('card').filter({ hasText: 'UK market report' });
    await expect(card).toBeVisible();

    // Mindaugas has the card open too.
    await mindaugas.goto(boardUrl);
    await mindaugas
      .getByTestId('column-To do')
      .getByTestId('card')
      .filter({ hasText: 'UK market report' })
      .getByTestId('card-open')
      .click();
    const theirs = mindaugas.getByTestId('card-attachments');
    await expect(theirs).toContainText('No files attached yet.');

    // Rūta attaches an image and a PDF (the hidden file input behind "Attach files").
    await card.getByTestId('card-open').click();
    const section = ruta.getByTestId('card-attachments');
    await expect(section.getByTestId('attachment-upload')).toBeVisible();
    await section.getByTestId('attachment-input').setInputFiles([
      { name: 'stendas.png', mimeType: 'image/png', buffer: PNG },
      { name: 'Rinkos tyrimas UK.pdf', mimeType: 'application/pdf', buffer: PDF },
    ]);
    await expect(section.getByTestId('attachment-item')).toHaveCount(2);
    await expect(section.getByTestId('attachment-thumb')).toBeVisible();
    await expect(section).toContainText('Rinkos tyrimas UK.pdf');
    await expect(section).toContainText(`${PDF.length} B`);

    // Mindaugas sees both arrive without reloading.
    await expect(theirs.getByTestId('attachment-item')).toHaveCount(2);
    await expect(theirs).toContainText('stendas.png');

    await expectAccessible(ruta, 'card dialog with attachments', { include: '.cdk-overlay-container' });
    await section.scrollIntoViewIfNeeded();
    await snap(ruta, 'attachments-01-card-dialog');

    // Download gives the file under its name.
    const pdfItem = section.getByTestId('attachment-item').filter({ hasText: 'Rinkos tyrimas UK.pdf' });
    const [download] = await Promise.all([ruta.waitForEvent('download'), pdfItem.getByTestId('attachment-download').click()]);
    expect(download.suggestedFilename()).toBe('Rinkos tyrimas UK.pdf');

    // Remove after confirming.
    ruta.once('dialog', (d) => void d.accept());
    await pdfItem.getByTestId('attachment-remove').click();
    await expect(section.getByTestId('attachment-item')).toHaveCount(1);
    await expect(theirs.getByTestId('attachment-item')).toHaveCount(1);
    await ruta.keyboard.press('Escape');
    await mindaugas.keyboard.press('Escape');
  });
});
