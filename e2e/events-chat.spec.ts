// At the event (issue 12, item 5): a member RSVPs and opens the event's chat; the organiser posts to
// the people going from the event page and the member sees it arrive in the chat; at the door the
// organiser searches the check-in list and marks people present or absent, the counts following.
// axe on each page; screenshots in EN and LT (E2E_SHOTS_DIR).
import { expect, test, type Page } from '@playwright/test';
import { DEMO, expectNoSeriousA11yViolations as expectAccessible, People, runId, snap } from './support';

/** yyyy-MM-dd of today + n days in Vilnius (the browsers of these tests run in Europe/Vilnius). */
function vilniusDay(n: number): string {
  const d = new Date(Date.now() + n * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Vilnius', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}

const messages = (page: Page) => page.getByTestId('message-list').getByTestId('message-item');

test.describe('events: the attendees chat and the check-in desk', () => {
  const people = new People();
  test.afterAll(async () => people.closeAll());

  test('a member going opens the event chat, the organiser posts to the attendees and the member sees it; the organiser checks people in', async ({
    browser,
  }) => {
    const title = `Cloud cooperation breakfast ${runId()}`;
    const coordinator = await people.signIn(browser, DEMO.coordinator);
    await coordinator.goto('/events/new');
    await coordinator.getByTestId('event-form-title').fill(title);
    await coordinator.getByTestId('event-form-kind').click();
    await coordinator.getByRole('option', { name: 'Internal event' }).click();
    await coordinator.getByTestId('venue-kind-online').click();
    await coordinator.getByTestId('event-form-url').fill('https://meet.example.org/cloud-breakfast');
    await coordinator.getByTestId('event-form-start-date').fill(vilniusDay(12));
    await coordinator.getByTestId('event-form-end-date').fill(vilniusDay(12));
    await coordinator.getByTestId('event-form-publish').click();
    await expect(coordinator.getByTestId('event-title')).toHaveText(title);
    const eventUrl = coordinator.url();

    // Not going yet: no chat. Going: "Event chat" opens the event's channel.
    const member = await people.signIn(browser, DEMO.member);
    await member.goto(eventUrl);
    await expect(member.getByTestId('event-title')).toHaveText(title);
    await expect(member.getByTestId('event-chat')).toHaveCount(0);
    await expect(member.getByTestId('event-announce')).toHaveCount(0);
    await member.getByTestId('rsvp-going').click();
    await expect(member.getByTestId('rsvp-status')).toHaveText('You are going.');
    await member.getByTestId('event-chat').click();
    await expect(member).toHaveURL(/\/chat\/[0-9a-f]{24}/);
    await expect(member.getByTestId('message-list')).toBeVisible();

    // The organiser posts to the attendees from the event page; it arrives live in the member's chat.
    await expect(coordinator.getByTestId('event-announce')).toBeVisible();
    await expectAccessible(coordinator, 'event page with the post to attendees');
    await coordinator.getByTestId('announce-body').fill('Breakfast starts at **8:30**; the link opens at 8:15.');
    await coordinator.getByTestId('announce-email').getByRole('checkbox').check();
    await snap(coordinator, 'events-chat-01-announce-en');
    await coordinator.getByTestId('announce-post').click();
    await expect(coordinator.getByTestId('announce-done')).toHaveText('Posted. People notified: 1; e-mails queued: 1.');
    await expect(coordinator.getByTestId('announce-body')).toHaveValue('');
    const post = messages(member).filter({ hasText: 'Breakfast starts at' });
    await expect(post).toBeVisible();
    await expect(post.getByTestId('message-body').locator('strong')).toHaveText('8:30');
    await expectAccessible(member, 'event chat (member)');
    await snap(member, 'events-chat-02-member-chat-en');

    // The organiser's own way in: the same channel.
    await coordinator.getByTestId('event-chat').click();
    await expect(coordinator).toHaveURL(member.url().replace(/\?.*$/, ''));
    await expect(messages(coordinator).filter({ hasText: 'Breakfast starts at' })).toBeVisible();

    // At the door: the check-in desk, searched, marked; the counts follow.
    const member2 = await people.signIn(browser, DEMO.member2);
    await member2.goto(eventUrl);
    await member2.getByTestId('rsvp-going').click();
    await expect(member2.getByTestId('rsvp-status')).toHaveText('You are going.');
    await coordinator.goto(eventUrl);
    await coordinator.getByTestId('event-checkin-link').click();
    await expect(coordinator).toHaveURL(/\/check-in$/);
    await expect(coordinator.getByTestId('checkin-title')).toHaveText(`Check-in: ${title}`);
    await expect(coordinator.getByTestId('checkin-count-going')).toContainText('2');
    await expect(coordinator.getByTestId('checkin-count-unmarked')).toContainText('2');
    await expect(coordinator.getByTestId('checkin-row')).toHaveCount(2);
    await coordinator.getByTestId('checkin-search').fill('etronika');
    await expect(coordinator.getByTestId('checkin-row')).toHaveCount(1);
    const ruta = coordinator.getByTestId('checkin-row').filter({ hasText: 'Rūta Kazlauskienė' });
    await ruta.getByTestId('checkin-present').click();
    await expect(ruta.getByTestId('checkin-present').getByRole('radio')).toBeChecked();
    await expect(coordinator.getByTestId('checkin-count-present')).toContainText('1');
    await expect(coordinator.getByTestId('checkin-count-unmarked')).toContainText('1');
    await coordinator.getByTestId('checkin-search').fill('');
    const mindaugas = coordinator.getByTestId('checkin-row').filter({ hasText: 'Mindaugas Petrauskas' });
    await mindaugas.getByTestId('checkin-absent').click();
    await expect(coordinator.getByTestId('checkin-count-absent')).toContainText('1');
    await expect(coordinator.getByTestId('checkin-count-unmarked')).toContainText('0');
    await expectAccessible(coordinator, 'check-in desk');
    await snap(coordinator, 'events-chat-03-check-in-en');

    // The marks are the event's: the attendance report shows them after a reload.
    await coordinator.reload();
    await expect(coordinator.getByTestId('checkin-count-present')).toContainText('1');
    await expect(ruta.getByTestId('checkin-present').getByRole('radio')).toBeChecked();

    // The same desk in Lithuanian.
    await coordinator.getByTestId('lang-switch').click();
    await coordinator.getByTestId('lang-lt').click();
    await expect(coordinator.locator('html')).toHaveAttribute('lang', 'lt');
    await expect(coordinator.getByTestId('checkin-title')).toHaveText(`Registracija atvykus: ${title}`);
    await expect(ruta.getByTestId('checkin-present')).toContainText('Atvyko');
    await expectAccessible(coordinator, 'check-in desk in Lithuanian');
    await snap(coordinator, 'events-chat-04-check-in-lt');
    await coordinator.getByTestId('lang-switch').click();
    await coordinator.getByTestId('lang-en').click();
  });
});
