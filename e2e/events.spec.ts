// Cluster events, the members' screens (issue 12, "a browser journey"): a coordinator creates an
// international presentation in the INFOBALT event hall — first on the day the demo members' day
// holds the hall (409: the conflict is shown with the event that holds it, nothing is created) —
// and publishes it on a free day ("venue pending" until the hall's approvers approve); a member
// RSVPs and sees the event on the events page as theirs; the coordinator sees the attendance per
// organisation. axe on each page; screenshots in EN and LT (E2E_SHOTS_DIR).
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { DEMO, expectNoSeriousA11yViolations as expectAccessible, People, runId, snap } from './support';

const TITLE = `Cloud cluster presentation for a delegation from Kazakhstan ${runId()}`;

/** yyyy-MM-dd of today + n days in Vilnius (the browsers of these tests run in Europe/Vilnius). */
function vilniusDay(n: number): string {
  const d = new Date(Date.now() + n * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Vilnius', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}

async function choose(page: Page, selectTestId: string, option: string | RegExp): Promise<void> {
  await page.getByTestId(selectTestId).click();
  await page.getByRole('option', { name: option }).click();
  await expect(page.getByRole('listbox')).toBeHidden();
}

async function switchLanguage(page: Page, lang: 'en' | 'lt'): Promise<void> {
  await page.getByTestId('lang-switch').click();
  await page.getByTestId(`lang-${lang}`).click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

test.describe('cluster events', () => {
  const people = new People();
  test.afterAll(async () => people.closeAll());

  test('a coordinator publishes a presentation in the INFOBALT event hall; a member RSVPs and sees it as theirs', async ({ browser }) => {
    const coordinator = await people.signIn(browser, DEMO.coordinator);

    await coordinator.getByTestId('nav-events').click();
    await expect(coordinator.getByRole('heading', { level: 1 })).toHaveText('Events');
    await expect(coordinator.getByTestId('event-card').first()).toBeVisible();
    await expectAccessible(coordinator, 'events list');
    await snap(coordinator, 'events-01-list-en');
    await coordinator.getByTestId('events-past').click();
    await expect(coordinator).toHaveURL(/when=past/);
    await expect(coordinator.getByTestId('event-card').first()).toBeVisible();
    await expectAccessible(coordinator, 'past events');
    await snap(coordinator, 'events-01b-past-en');
    await coordinator.getByTestId('events-upcoming').click();

    await coordinator.getByTestId('event-new').click();
    await expect(coordinator.getByRole('heading', { level: 1 })).toHaveText('New event');
    await coordinator.getByTestId('event-form-title').fill(TITLE);
    await choose(coordinator, 'event-form-kind', 'International presentation');
    await coordinator
      .getByTestId('event-form-description')
      .fill(
        'The **INFOBALT** cloud-computing cluster presents its members to a delegation from Almaty.\n\n- shared data centres\n- joint projects',
      );
    await choose(coordinator, 'event-form-resource', /INFOBALT event hall/);
    await expect(coordinator.getByTestId('event-form-resource-notes')).toContainText('needs approval');
    await coordinator.getByTestId('event-form-capacity').fill('60');
    await choose(coordinator, 'event-form-visibility', 'Public');

    // The day the demo members' day holds the hall: 409, shown with the event that holds it.
    await coordinator.getByTestId('event-form-start-date').fill(vilniusDay(21));
    await coordinator.getByTestId('event-form-start-time').fill('10:00');
    await coordinator.getByTestId('event-form-end-date').fill(vilniusDay(21));
    await coordinator.getByTestId('event-form-end-time').fill('15:00');
    await expect(coordinator.getByTestId('event-form-resource-notes')).toContainText('booked by whole days');
    await coordinator.getByTestId('event-form-publish').click();
    await expect(coordinator.getByTestId('event-form-conflict')).toContainText('INFOBALT event hall is already booked');
    await expect(coordinator.getByTestId('event-form-conflict-event')).toHaveText('Members day in the INFOBALT event hall');
    await expect(coordinator).toHaveURL(/\/events\/new$/);
    await expectAccessible(coordinator, 'event form with a venue conflict');
    await snap(coordinator, 'events-02-form-conflict-en');

    // A free day: published, the hall waits for approval.
    await coordinator.getByTestId('event-form-start-date').fill(vilniusDay(38));
    await coordinator.getByTestId('event-form-end-date').fill(vilniusDay(38));
    await coordinator.getByTestId('event-form-publish').click();
    await expect(coordinator).toHaveURL(/\/events\/[0-9a-f]{24}$/);
    await expect(coordinator.getByTestId('event-title')).toHaveText(TITLE);
    await expect(coordinator.getByTestId('event-venue-pending')).toBeVisible();
    await expect(coordinator.getByTestId('event-venue-status')).toHaveText('Venue pending');
    await expect(coordinator.getByTestId('event-description').locator('strong')).toHaveText('INFOBALT');
    await expect(coordinator.getByTestId('event-attendance')).toBeVisible();
    await expectAccessible(coordinator, 'event page (organiser)');
    await snap(coordinator, 'events-03-event-organiser-en');
    const eventUrl = coordinator.url();

    // A member finds it on the events page and answers "going".
    const member = await people.signIn(browser, DEMO.member);
    await member.getByTestId('nav-events').click();
    const card = member.getByTestId('event-card').filter({ hasText: TITLE });
    await expect(card).toContainText('International presentation');
    await expect(card).toContainText('INFOBALT event hall');
    await expect(card.getByTestId('event-card-going')).toHaveText('0 of 60 places taken');
    await card.getByTestId('event-card-link').click();
    await expect(member.getByTestId('event-title')).toHaveText(TITLE);
    await expect(member.getByTestId('event-edit')).toHaveCount(0);
    await expect(member.getByTestId('event-attendance')).toHaveCount(0);
    await expect(member.getByTestId('rsvp-status')).toHaveText('You have not answered yet.');
    await expectAccessible(member, 'event page (member)');
    await member.getByTestId('rsvp-going').click();
    await expect(member.getByTestId('rsvp-status')).toHaveText('You are going.');
    await expect(member.getByTestId('rsvp-panel')).toContainText('1 of 60 places taken');
    await snap(member, 'events-04-event-member-en');
    const [ics] = await Promise.all([member.waitForEvent('download'), member.getByTestId('event-ics').click()]);
    expect(ics.suggestedFilename()).toMatch(/^cloud-cluster-presentation.*\.ics$/);
    expect(readFileSync(await ics.path(), 'utf8')).toContain('BEGIN:VEVENT');

    await member.getByRole('link', { name: 'All events' }).click();
    await member.getByTestId('events-filter-mine').click();
    await expect(member).toHaveURL(/mine=1/);
    const mine = member.getByTestId('event-card').filter({ hasText: TITLE });
    await expect(mine.getByTestId('rsvp-badge')).toHaveText('Going');
    await expect(member.getByTestId('event-card').filter({ hasNot: member.getByTestId('rsvp-badge') })).toHaveCount(0);
    await expectAccessible(member, 'events list, only mine');
    await snap(member, 'events-05-mine-en');

    // The same screens in Lithuanian.
    await switchLanguage(member, 'lt');
    await expect(member.getByRole('heading', { level: 1 })).toHaveText('Renginiai');
    await expect(mine.getByTestId('rsvp-badge')).toHaveText('Dalyvausiu');
    await expectAccessible(member, 'events list in Lithuanian');
    await snap(member, 'events-06-mine-lt');
    await mine.getByTestId('event-card-link').click();
    await expect(member.getByTestId('rsvp-status')).toHaveText('Jūs dalyvausite.');
    await expectAccessible(member, 'event page in Lithuanian');
    await snap(member, 'events-07-event-member-lt');
    await switchLanguage(member, 'en');

    // The organiser's page follows without a reload (live counts), attendance per organisation and per country included.
    await expect(coordinator).toHaveURL(eventUrl);
    await expect(coordinator.getByTestId('rsvp-panel')).toContainText('1 of 60 places taken');
    await expect(coordinator.getByTestId('attendance-count-going')).toContainText('1');
    await expect(coordinator.getByTestId('attendance-list')).toContainText('going');
    await expect(coordinator.getByTestId('attendance-by-country')).toContainText('Lithuania');
    await coordinator.getByTestId('event-attendance').scrollIntoViewIfNeeded();
    const [csv] = await Promise.all([coordinator.waitForEvent('download'), coordinator.getByTestId('event-csv').click()]);
    expect(readFileSync(await csv.path(), 'utf8')).toMatch(/^name,kind,organisation,country,status/);
    await snap(coordinator, 'events-08-attendance-en');
  });

  test('an organiser runs a small webinar: the waitlist, a field error from the API, live counts, cancelling', async ({ browser }) => {
    const title = `Sovereign cloud webinar ${runId()}`;
    const coordinator = await people.signIn(browser, DEMO.coordinator);
    await coordinator.goto('/events/new');
    await coordinator.getByTestId('event-form-title').fill(title);
    await choose(coordinator, 'event-form-kind', 'Webinar');
    await coordinator.getByTestId('venue-kind-online').click();
    await coordinator.getByTestId('event-form-url').fill('https://meet.example.org/sovereign-cloud');
    await coordinator.getByTestId('event-form-start-date').fill(vilniusDay(10));
    await coordinator.getByTestId('event-form-end-date').fill(vilniusDay(10));
    await coordinator.getByTestId('event-form-capacity').fill('1');
    // a draft first: only its organisers see it, no answers yet; then published from its page
    await coordinator.getByTestId('event-form-save').click();
    await expect(coordinator.getByTestId('event-title')).toHaveText(title);
    await expect(coordinator.getByTestId('event-draft')).toBeVisible();
    await expect(coordinator.getByTestId('rsvp-closed')).toHaveText('Answers open when the event is published.');
    await coordinator.getByTestId('event-publish').click();
    await expect(coordinator.getByTestId('event-draft')).toBeHidden();
    await expect(coordinator.getByTestId('rsvp-choices')).toBeVisible();
    await expect(coordinator.getByTestId('event-venue')).toContainText('Online');
    const eventUrl = coordinator.url();

    const member = await people.signIn(browser, DEMO.member);
    await member.goto(eventUrl);
    await member.getByTestId('rsvp-going').click();
    await expect(member.getByTestId('rsvp-status')).toHaveText('You are going.');

    const member2 = await people.signIn(browser, DEMO.member2);
    await member2.goto(eventUrl);
    await expect(member2.getByTestId('rsvp-panel')).toContainText('1 of 1 places taken · full');
    await member2.getByTestId('rsvp-going').click();
    await expect(member2.getByTestId('rsvp-status')).toHaveText('You are on the waitlist, number 1.');
    await expectAccessible(member2, 'event page, waitlisted');
    await snap(member2, 'events-09-waitlisted-en');
    await expect(coordinator.getByTestId('attendance-count-waitlisted')).toContainText('1');

    // A rule only the API knows (at most 14 days long): its field error shows on the field.
    await coordinator.getByTestId('event-edit').click();
    await expect(coordinator.getByRole('heading', { level: 1 })).toHaveText('Edit event');
    await coordinator.getByTestId('event-form-end-date').fill(vilniusDay(30));
    await coordinator.getByTestId('event-form-save').click();
    await expect(coordinator.getByTestId('event-form-error')).toContainText('Please correct the marked fields.');
    await expect(coordinator.locator('mat-form-field', { has: coordinator.getByTestId('event-form-end-date') })).toContainText(
      'at most 14 days later',
    );
    await expectAccessible(coordinator, 'event form with a field error from the API');
    await coordinator.getByTestId('event-form-end-date').scrollIntoViewIfNeeded();
    await snap(coordinator, 'events-10-field-error-en');
    await coordinator.getByTestId('event-form-end-date').fill(vilniusDay(10));
    await coordinator.getByTestId('event-form-capacity').fill('2');
    await coordinator.getByTestId('event-form-save').click();
    await expect(coordinator).toHaveURL(eventUrl);
    // the new place is held for the first in line, who confirms it; their page follows live
    await expect(member2.getByTestId('rsvp-panel')).toContainText('2 of 2 places taken');
    await expect(member2.getByTestId('rsvp-offer')).toContainText('A place is free for you');
    await expect(member2.getByTestId('rsvp-badge')).toHaveCount(0);
    await expectAccessible(member2, 'event page, a place held for me');
    await snap(member2, 'events-10b-offer-en');
    await member2.getByTestId('rsvp-offer-confirm').click();
    await expect(member2.getByTestId('rsvp-status')).toHaveText('You are going.');
    await expect(coordinator.getByTestId('attendance-count-going')).toContainText('2');

    await coordinator.getByTestId('event-cancel').click();
    await coordinator.getByTestId('dialog-reason').fill('The speaker is ill; a new date follows.');
    await expectAccessible(coordinator, 'cancel event dialog', { include: '.cdk-overlay-container' });
    await coordinator.getByTestId('dialog-confirm').click();
    await expect(coordinator.getByTestId('event-cancelled')).toBeVisible();
    await expect(coordinator.getByTestId('event-edit')).toHaveCount(0);
    await expect(member.getByTestId('rsvp-closed')).toHaveText('The event was cancelled.');
    await expect(member.getByTestId('event-cancelled')).toBeVisible();
    await snap(member, 'events-11-cancelled-en');
  });

  test('a coordinator creates a weekly series; each date is an event, listed on every occurrence', async ({ browser }) => {
    const title = `Cloud working-group call ${runId()}`;
    const coordinator = await people.signIn(browser, DEMO.coordinator);
    await coordinator.goto('/events/new');
    await coordinator.getByTestId('event-form-title').fill(title);
    await choose(coordinator, 'event-form-kind', 'Working-group meeting');
    await coordinator.getByTestId('venue-kind-online').click();
    await coordinator.getByTestId('event-form-url').fill('https://meet.example.org/cloud-wg');
    await coordinator.getByTestId('event-form-start-date').fill(vilniusDay(5));
    await coordinator.getByTestId('event-form-end-date').fill(vilniusDay(5));
    await choose(coordinator, 'event-form-repeat', 'Every week');
    await coordinator.getByTestId('event-form-occurrences').fill('3');
    await expectAccessible(coordinator, 'event form, a weekly series');
    await coordinator.getByTestId('event-form-publish').click();
    await expect(coordinator.getByTestId('event-title')).toHaveText(title);
    const series = coordinator.getByTestId('event-series');
    await expect(series).toContainText('Every week, 3 times');
    await expect(series.locator('li')).toHaveCount(3);
    await expectAccessible(coordinator, 'event page of an occurrence');
    await snap(coordinator, 'events-12-series-en');
    await series.locator('li a').first().click();
    await expect(coordinator.getByTestId('event-title')).toHaveText(title);
    await expect(series.locator('[aria-current="page"]')).toHaveCount(1);
    await series.getByTestId('series-cancel').click();
    await coordinator.getByTestId('dialog-confirm').click();
    await expect(series.getByText('Cancelled')).toHaveCount(3);
    await expect(coordinator.getByTestId('event-cancelled')).toBeVisible();
    await expect(series.getByTestId('series-cancel')).toHaveCount(0);
  });
});
