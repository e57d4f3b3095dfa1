// My calendar (issue 12): a member who answered "going" to an event and has a card due sees both
// in the month, week and agenda views, in their own time zone, coloured by kind, and opens the
// event from there; the page in Lithuanian; axe on each view.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type { ClusterEvent } from '@klasteris/contracts';
import { DEMO, DEMO_PASSWORD, expectNoSeriousA11yViolations as expectAccessible, runId, signIn, snap } from './support';

const id = runId();
const PERSON = { name: 'Rūta Kalendorė', email: `ruta.${id}@etronika.example`, password: 'calendar-pass-2026' };
const TITLE = `Cloud cooperation day ${id}`;
const CARD = `Prepare the cloud offer ${id}`;

test.describe.configure({ mode: 'serial' });

let event: ClusterEvent;
/** the event's day in Vilnius (the browser's and the person's zone), YYYY-MM-DD */
let day: string;

async function token(request: APIRequestContext, email: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await request.post('/api/auth/login', { data: { email, password } });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

const vilniusDate = (ms: number): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Vilnius', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(ms));

test.beforeAll(async ({ request }) => {
  expect(
    (
      await request.post('/api/auth/register', { data: { email: PERSON.email, password: PERSON.password, displayName: PERSON.name } })
    ).status(),
  ).toBe(201);
  const start = Date.now() + 6 * 86_400_000;
  const at = new Date(start);
  at.setUTCHours(8, 0, 0, 0); // 10:00 in Vilnius in winter, 11:00 in summer
  const coordinator = { Authorization: `Bearer ${await token(request, DEMO.coordinator)}` };
  const created = await request.post('/api/events', {
    headers: coordinator,
    data: {
      title: TITLE,
      kind: 'internal',
      start: at.toISOString(),
      end: new Date(at.getTime() + 3 * 3_600_000).toISOString(),
      timeZone: 'Europe/Vilnius',
      visibility: 'members',
      venue: { address: 'Gedimino pr. 1', city: 'Vilnius', country: 'LT' },
      publish: true,
    },
  });
  expect(created.status()).toBe(201);
  event = ((await created.json()) as { event: ClusterEvent }).event;
  day = vilniusDate(at.getTime());

  const me = { Authorization: `Bearer ${await token(request, PERSON.email, PERSON.password)}` };
  expect((await request.post(`/api/events/${event.id}/rsvp`, { headers: me, data: { status: 'going' } })).status()).toBe(200);
  const userId = ((await (await request.get('/api/auth/me', { headers: me })).json()) as { user: { id: string } }).user.id;
  const project = (
    (await (await request.post('/api/projects', { headers: me, data: { name: `Calendar project ${id}` } })).json()) as {
      project: { id: string };
    }
  ).project;
  const board = (await (await request.get(`/api/projects/${project.id}/board`, { headers: me })).json()) as { columns: { id: string }[] };
  const due = vilniusDate(at.getTime() + 2 * 86_400_000);
  const card = await request.post('/api/cards', {
    headers: me,
    data: { projectId: project.id, columnId: board.columns[0]!.id, title: CARD, dueDate: due, assigneeIds: [userId] },
  });
  expect(card.status()).toBe(201);
});

async function open(page: Page, view: string, date: string): Promise<void> {
  await page.goto(`/calendar?view=${view}&date=${date}`);
  await expect(page.getByTestId('calendar-title')).toBeVisible();
}

test.describe('my calendar', () => {
  test('the RSVP and the card show in the month view; the nav leads there', async ({ page }) => {
    await signIn(page, PERSON.email, PERSON.password);
    await page.getByTestId('nav-calendar').click();
    await expect(page).toHaveURL(/\/calendar/);
    await expect(page.getByTestId('calendar-month')).toBeVisible();
    await expect(page.getByTestId('calendar-zone')).toContainText('Europe/Vilnius');

    await open(page, 'month', day);
    const cell = page.getByTestId(`calendar-day-${day}`);
    const item = cell.getByTestId(`calendar-item-${event.id}`);
    await expect(item).toContainText(TITLE);
    await expect(item).toContainText(/1[01]:00/);
    await expect(item).toHaveClass(/kind-event/);
    await expect(page.getByRole('link', { name: new RegExp(CARD) })).toHaveClass(/kind-card/);
    await snap(page, 'calendar-01-month-en');
    await expectAccessible(page, 'my calendar month');

    await page.getByTestId('calendar-view-week').click();
    await expect(page.getByTestId('calendar-week')).toBeVisible();
    await expect(page.getByTestId(`calendar-day-${day}`).getByTestId(`calendar-item-${event.id}`)).toContainText('Gedimino pr. 1');
    await snap(page, 'calendar-02-week-en');
    await expectAccessible(page, 'my calendar week');
  });

  test('the agenda lists it with my answer, and opens the event', async ({ page }) => {
    await signIn(page, PERSON.email, PERSON.password);
    await open(page, 'month', day);
    await page.getByTestId('calendar-view-agenda').click();
    await expect(page).toHaveURL(/view=agenda/);
    const row = page.getByTestId('calendar-agenda').getByTestId(`calendar-item-${event.id}`);
    await expect(row).toContainText(TITLE);
    await expect(row).toContainText('Event · Going');
    await expect(page.getByTestId('calendar-agenda')).toContainText(CARD);
    await snap(page, 'calendar-03-agenda-en');
    await expectAccessible(page, 'my calendar agenda');

    await page.getByTestId('calendar-subscribe').click();
    await expect(page.getByTestId('calendar-feed')).toContainText('/api/calendar/');

    await row.click();
    await expect(page).toHaveURL(new RegExp(`/events/${event.id}$`));
  });

  test('in Lithuanian, and an empty period says so', async ({ page }) => {
    await signIn(page, PERSON.email, PERSON.password);
    await open(page, 'agenda', day);
    await page.getByTestId('lang-switch').click();
    await page.getByTestId('lang-lt').click();
    await expect(page.getByTestId('calendar-title')).toHaveText('Mano kalendorius');
    await expect(page.getByTestId(`calendar-item-${event.id}`)).toContainText('Renginys · Dalyvausiu');
    await snap(page, 'calendar-04-agenda-lt');
    await expectAccessible(page, 'my calendar agenda LT');
    await page.getByTestId('calendar-view-month').click();
    await expect(page.getByTestId('calendar-month')).toBeVisible();
    await snap(page, 'calendar-05-month-lt');
    await expectAccessible(page, 'my calendar month LT');

    await open(page, 'agenda', '2020-01-01');
    await expect(page.getByTestId('calendar-empty')).toBeVisible();
  });
});
