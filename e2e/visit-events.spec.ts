// The visitor site's events (issue 12): the front door shows the next public events; a prospect
// opens one, registers without an account (field errors first, then success), gets the
// confirmation mail on this spec's SMTP server (PORT + 1), cannot register twice, and cancels
// through the link in the mail. Nothing on these pages names the attendees. The coordinator then
// invites another prospect to apply for membership: the mail's link opens the apply form prefilled,
// the application keeps the event as its source and shows in the report by source and country.
// The confirm link of an offer mail opens its own page (a broken one says so).
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type { ClusterEvent } from '@klasteris/contracts';
import { startTestSmtp, type TestSmtp } from '../apps/api/test/support/smtp';
import { DEMO, DEMO_PASSWORD, expectNoSeriousA11yViolations as expectAccessible, runId, signIn, signOut, snap } from './support';

const PORT = Number(process.env['E2E_PORT'] ?? 3311);
const id = runId();
const PROSPECT = { name: 'Aigerim Nurlanova', email: `aigerim.${id}@almaty-cloud.example`, organisation: 'Almaty Cloud Systems' };
const TITLE = `Baku cloud partnership forum ${id}`;
/** A second prospect, whom the coordinator invites to apply for membership. */
const INVITEE = {
  name: 'Elvin Mammadov',
  email: `elvin.${id}@baku-smart.example`,
  organisation: `Baku Smart Solutions ${id}`,
  country: 'AZ',
};

let smtp: TestSmtp;
let event: ClusterEvent;

test.describe.configure({ mode: 'serial' });

async function token(request: APIRequestContext, email: string): Promise<string> {
  const res = await request.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/** The event as a coordinator publishes it: Baku time, eight places, at an address. */
async function publishEvent(request: APIRequestContext): Promise<ClusterEvent> {
  const start = new Date(Date.now() + 20 * 86_400_000);
  start.setUTCHours(6, 0, 0, 0); // 10:00 in Baku
  const res = await request.post('/api/events', {
    headers: { Authorization: `Bearer ${await token(request, DEMO.coordinator)}` },
    data: {
      title: TITLE,
      description:
        'The cluster presents its **joint cloud offer** to companies of Azerbaijan.\n\n- data centres\n- cloud services\n- joint projects',
      kind: 'presentation',
      start: start.toISOString(),
      end: new Date(start.getTime() + 4 * 3_600_000).toISOString(),
      timeZone: 'Asia/Baku',
      capacity: 8,
      visibility: 'public',
      venue: { address: 'Neftchilar ave. 153', city: 'Baku', country: 'AZ' },
      publish: true,
    },
  });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { event: ClusterEvent }).event;
}

async function toLithuanian(page: Page): Promise<void> {
  await page.getByTestId('lang-switch').click();
  await page.getByTestId('lang-lt').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'lt');
}

test.beforeAll(async ({ request }) => {
  smtp = await startTestSmtp(PORT + 1);
  event = await publishEvent(request);
});
test.afterAll(async () => {
  await smtp?.stop();
});

test.describe('visitor events journey', () => {
  test('the front door shows the upcoming public events and links to them', async ({ page }) => {
    await page.goto('/');
    const section = page.getByTestId('home-events');
    await expect(section.getByRole('heading', { name: 'Upcoming events' })).toBeVisible();
    await expect(section.getByRole('listitem').first()).toBeVisible();
    expect(await section.getByRole('listitem').count()).toBeLessThanOrEqual(3);
    await expect(section).toContainText('International presentation');
    await snap(page, 'visit-01-home-events');
    await expectAccessible(page, 'front page with events');
    await section.getByTestId('home-events-all').click();
    await expect(page).toHaveURL(/\/visit\/events$/);
  });

  test('the events page lists public events with places left and a calendar subscription, in EN and LT', async ({ page }) => {
    await page.goto('/visit/events');
    await expect(page.getByTestId('visit-events-title')).toHaveText('Upcoming events');
    const card = page.getByRole('article').filter({ hasText: TITLE });
    await expect(card).toContainText('8 places left');
    await expect(card).toContainText('Neftchilar ave. 153, Baku, Azerbaijan');
    await expect(page.getByTestId('visit-events-ics')).toHaveAttribute('href', '/api/public/events/calendar.ics');
    const ics = await page.request.get('/api/public/events/calendar.ics');
    expect(ics.headers()['content-type']).toMatch(/^text\/calendar/);
    expect(await ics.text()).toContain(TITLE);
    await snap(page, 'visit-02-events-en');
    await expectAccessible(page, 'visitor events');

    await toLithuanian(page);
    await expect(page.getByTestId('visit-events-title')).toHaveText('Artėjantys renginiai');
    await expect(card).toContainText('Liko vietų: 8');
    await expect(card).toContainText('Azerbaidžanas');
    await snap(page, 'visit-03-events-lt');
    await expectAccessible(page, 'visitor events LT');
  });

  test('a prospect registers, gets the mail, cannot register twice, and cancels from the mail', async ({ page, baseURL }) => {
    await page.goto('/visit/events');
    await page.getByRole('link', { name: TITLE }).click();
    await expect(page).toHaveURL(new RegExp(`/visit/events/${event.id}$`));
    await expect(page.getByTestId('visit-event-title')).toHaveText(TITLE);
    await expect(page.getByTestId('visit-event-when')).toContainText('10:00–14:00');
    await expect(page.getByTestId('visit-event-when')).toContainText('Asia/Baku');
    // the browser is in Vilnius: the prospect also sees their own time
    const vilnius = (iso: string) =>
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Vilnius', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
        new Date(iso),
      );
    await expect(page.getByTestId('visit-event-local')).toContainText(`${vilnius(event.start)}–${vilnius(event.end)}`);
    await expect(page.getByTestId('visit-event-places')).toHaveText('8 places left');
    await expect(page.locator('.description strong')).toHaveText('joint cloud offer');
    await expect(page.getByText(/attendee/i)).toHaveCount(0);

    // field errors before anything is sent
    await page.getByTestId('visit-register-submit').click();
    await expect(page.getByText('Enter your name (2 to 80 characters).')).toBeVisible();
    await expect(page.getByText('Enter a valid e-mail address.')).toBeVisible();
    await expect(page.getByText('Choose a country.')).toBeVisible();
    await snap(page, 'visit-04-event-errors');
    await expectAccessible(page, 'visitor event with field errors');

    await page.getByTestId('visit-register-name').fill(PROSPECT.name);
    await page.getByTestId('visit-register-email').fill(PROSPECT.email);
    await page.getByTestId('visit-register-organisation').fill(PROSPECT.organisation);
    await page.getByTestId('visit-register-country').click();
    await page.getByTestId('option-KZ').click();
    await page.getByTestId('visit-register-submit').click();
    const done = page.getByTestId('visit-register-done');
    await expect(done).toContainText('Check your mail');
    await expect(done).toContainText(PROSPECT.email);
    await expect(page.getByTestId('visit-event-places')).toHaveText('7 places left');
    await snap(page, 'visit-05-registered');
    await expectAccessible(page, 'visitor registered');

    const mail = await smtp.waitFor((m) => m.to.includes(PROSPECT.email) && m.subject === `Registration: ${TITLE}`);
    const cancelLink = mail.link(`${baseURL}/visit/events/${event.id}/cancel?token=`);

    // the same address again: a clear answer, nothing new
    await page.reload();
    await page.getByTestId('visit-register-name').fill(PROSPECT.name);
    await page.getByTestId('visit-register-email').fill(PROSPECT.email.toUpperCase());
    await page.getByTestId('visit-register-organisation').fill(PROSPECT.organisation);
    await page.getByTestId('visit-register-country').click();
    await page.getByTestId('option-KZ').click();
    await page.getByTestId('visit-register-submit').click();
    await expect(page.getByTestId('visit-register-error')).toContainText('already registered for this event');
    await expect(page.getByTestId('visit-event-places')).toHaveText('7 places left');

    // the cancel link of the mail: nothing happens until the prospect confirms
    await page.goto(cancelLink);
    await expect(page.getByRole('heading', { name: 'Cancel your registration' })).toBeVisible();
    await expect(page.getByTestId('visit-cancel-event')).toContainText(TITLE);
    await snap(page, 'visit-06-cancel');
    await expectAccessible(page, 'cancel registration');
    await page.getByTestId('visit-cancel-confirm').click();
    await expect(page.getByTestId('visit-cancel-done')).toContainText('Your registration is cancelled');
    await snap(page, 'visit-07-cancelled');
    await page.goto(`/visit/events/${event.id}`);
    await expect(page.getByTestId('visit-event-places')).toHaveText('8 places left');

    // a broken link says so
    await page.goto(`/visit/events/${event.id}/cancel?token=${'x'.repeat(43)}`);
    await page.getByTestId('visit-cancel-confirm').click();
    await expect(page.getByTestId('visit-cancel-failed')).toContainText('not valid');
    await page.goto(`/visit/events/${event.id}/cancel?token=short`);
    await expect(page.getByTestId('visit-cancel-failed')).toBeVisible();
  });

  test('the event and cancel pages in Lithuanian; an event that is not public is not found', async ({ page }) => {
    await page.goto(`/visit/events/${event.id}`);
    await toLithuanian(page);
    await expect(page.getByTestId('visit-event-places')).toHaveText('Liko vietų: 8');
    await expect(page.getByRole('heading', { name: 'Registruotis' })).toBeVisible();
    await snap(page, 'visit-08-event-lt');
    await expectAccessible(page, 'visitor event LT');
    await page.goto(`/visit/events/${event.id}/cancel?token=${'y'.repeat(43)}`);
    await expect(page.getByRole('heading', { name: 'Atšaukti registraciją' })).toBeVisible();
    await snap(page, 'visit-09-cancel-lt');
    await expectAccessible(page, 'cancel registration LT');

    await page.goto('/visit/events/0123456789abcdef01234567');
    await expect(page.getByTestId('visit-event-missing')).toBeVisible();
  });

  test('the coordinator invites a prospect to apply; the link in the mail opens the apply form prefilled; the report counts it', async ({
    page,
    request,
    baseURL,
  }) => {
    const reg = await request.post(`/api/public/events/${event.id}/registrations`, { data: INVITEE });
    expect(reg.status()).toBe(201);

    await signIn(page, DEMO.coordinator);
    await page.goto(`/events/${event.id}`);
    const section = page.getByTestId('event-prospects');
    await expect(section.getByRole('heading', { name: 'Prospects' })).toBeVisible();
    const row = section.getByRole('row').filter({ hasText: INVITEE.name });
    await expect(row.getByTestId('prospect-state')).toHaveText('Not invited');
    await expect(row).toContainText('Azerbaijan');
    await row.getByRole('button', { name: `Invite to apply: ${INVITEE.name}` }).click();
    await expect(page.getByRole('dialog')).toContainText('This event is kept as the source of the application.');
    await page.getByTestId('dialog-reason').fill('It was good to meet you in Baku.');
    await expectAccessible(page, 'invite to apply dialog', { include: '.cdk-overlay-container' });
    await page.getByTestId('dialog-confirm').click();
    await expect(row.getByTestId('prospect-state')).toContainText('Invited');
    await expect(row.getByTestId('prospect-invite')).toHaveCount(0);
    await snap(page, 'visit-10-prospect-invited');
    await expectAccessible(page, 'event page with prospects');
    await signOut(page);

    // the prospect opens the link of the mail: the form is filled in with what they registered with
    const mail = await smtp.waitFor((m) => m.to.includes(INVITEE.email) && m.header('x-klasteris-kind') === 'application.invitation');
    expect(mail.subject).toMatch(/^An invitation to apply for membership/);
    expect(mail.text).toContain(TITLE);
    await page.goto(mail.link(`${baseURL}/apply?invitation=`));
    const banner = page.getByTestId('apply-invited');
    await expect(banner).toContainText('You are invited to apply');
    await expect(banner).toContainText(TITLE);
    await expect(page.getByTestId('apply-invited-message')).toHaveText('It was good to meet you in Baku.');
    await expect(page.getByTestId('apply-org-name')).toHaveValue(INVITEE.organisation);
    await expect(page.getByTestId('apply-org-country')).toContainText('Azerbaijan');
    await expect(page.getByTestId('apply-contact-name')).toHaveValue(INVITEE.name);
    await expect(page.getByTestId('apply-contact-email')).toHaveValue(INVITEE.email);
    await snap(page, 'visit-11-apply-prefilled');
    await expectAccessible(page, 'apply form prefilled from an invitation');

    await page.getByTestId('apply-org-type').click();
    await page.getByTestId('option-company').click();
    await page.getByTestId('apply-contact-password').fill('a long enough password');
    await page.getByTestId('apply-motivation').fill('We met the cluster in Baku and want to bid for e-government projects together.');
    await page.getByTestId('apply-submit').click();
    await expect(page.getByTestId('apply-success')).toContainText('Application received');
    // the link is used up
    await page.goto(mail.link(`${baseURL}/apply?invitation=`));
    await expect(page.getByTestId('apply-invitation-problem')).toContainText('already been used');

    // the coordinator sees where it came from: on the application, in the report, on the event
    await signIn(page, DEMO.coordinator);
    await page.goto('/admin/applications');
    const app = page.getByTestId('application-row').filter({ hasText: INVITEE.organisation });
    await expect(app.getByTestId('application-source')).toContainText(`From the event “${TITLE}”`);
    await page.getByTestId('admin-tab-report').click();
    await expect(page).toHaveURL(/\/admin\/report$/);
    const source = page.getByTestId(`report-source-${event.id}`);
    await expect(source).toContainText(TITLE);
    await expect(source.getByRole('cell').nth(0)).toHaveText('1'); // invited
    await expect(source.getByRole('cell').nth(1)).toHaveText('1'); // applications
    await expect(page.getByTestId('report-country-AZ')).toBeVisible();
    await snap(page, 'visit-12-applications-report');
    await expectAccessible(page, 'applications report');
    await page.goto(`/events/${event.id}`);
    await expect(
      page.getByTestId('event-prospects').getByRole('row').filter({ hasText: INVITEE.name }).getByTestId('prospect-state'),
    ).toHaveText('Applied · Pending');
    await signOut(page);
  });

  test("the offer mail's confirm page: one button, then what came of it; a broken link says so (EN and LT)", async ({ page }) => {
    await page.goto(`/visit/events/${event.id}/confirm?token=${'z'.repeat(43)}`);
    await expect(page.getByRole('heading', { name: 'Confirm your place' })).toBeVisible();
    await expect(page.getByTestId('visit-confirm-event')).toContainText(TITLE);
    await snap(page, 'visit-13-confirm');
    await expectAccessible(page, 'confirm a held place');
    await page.getByTestId('visit-confirm-submit').click();
    await expect(page.getByTestId('visit-confirm-invalid')).toContainText('This confirm link is not valid');
    await page.goto(`/visit/events/${event.id}/confirm?token=short`);
    await expect(page.getByTestId('visit-confirm-invalid')).toBeVisible();
    await toLithuanian(page);
    await expect(page.getByRole('heading', { name: 'Ši patvirtinimo nuoroda negalioja' })).toBeVisible();
    await page.goto(`/visit/events/${event.id}/confirm?token=${'z'.repeat(43)}`);
    await expect(page.getByRole('heading', { name: 'Patvirtinkite savo vietą' })).toBeVisible();
    await snap(page, 'visit-14-confirm-lt');
    await expectAccessible(page, 'confirm a held place LT');
  });
});
