import { Injectable } from '@nestjs/common';
import { CALENDAR_RANGE_MAX_DAYS, type Booking, type CalendarItem, type CalendarResponse, type Card } from '@klasteris/contracts';
import { validationFailed } from '../../common/api-exception';
import type { AuthUser } from '../../common/auth-user';
import { AppConfig } from '../../config/app-config';
import { CardsRepository } from '../boards/cards.repository';
import { BookingsService } from '../bookings/bookings.service';
import { IcsService } from '../bookings/ics.service';
import { venueLine } from '../events/event-ics';
import { MyEventsService, type MyEvent } from '../events/my-events.service';
import { ProjectMembersRepository } from '../projects/project-members.repository';
import { ProjectsRepository } from '../projects/projects.repository';
import { renderCalendar } from './calendar-ics';

const DAY = 86_400_000;
type Viewer = Pick<AuthUser, 'id' | 'roles' | 'organisationId'>;
const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Everything of mine that has a time, from three modules, as one list (and one feed). */
@Injectable()
export class CalendarService {
  constructor(
    private readonly myEvents: MyEventsService,
    private readonly bookings: BookingsService,
    private readonly ics: IcsService,
    private readonly cards: CardsRepository,
    private readonly members: ProjectMembersRepository,
    private readonly projects: ProjectsRepository,
    private readonly config: AppConfig,
  ) {}

  /** My calendar between two instants (at most CALENDAR_RANGE_MAX_DAYS days). */
  async range(me: AuthUser, fromIso: string, toIso: string): Promise<CalendarResponse> {
    const from = Date.parse(fromIso);
    const to = Date.parse(toIso);
    if (!(to > from)) throw validationFailed([{ field: 'to', message: 'to must be after from' }]);
    if (to - from > CALENDAR_RANGE_MAX_DAYS * DAY)
      throw validationFailed([{ field: 'to', message: `to must be at most ${CALENDAR_RANGE_MAX_DAYS} days after from` }]);
    return { from: new Date(from).toISOString(), to: new Date(to).toISOString(), items: await this.items(me, from, to) };
  }

  /** The personal feed behind a secret URL: 30 days back to a year ahead. */
  async feed(token: string): Promise<string> {
    const viewer = await this.ics.viewerByToken(token);
    const now = Date.now();
    const { events, bookings, cards } = await this.collect(viewer, now - 30 * DAY, now + 365 * DAY);
    return renderCalendar('My calendar — Klasteris', events, bookings, cards, this.config.publicUrl);
  }

  private async items(me: Viewer, from: number, to: number): Promise<CalendarItem[]> {
    const { events, bookings, cards } = await this.collect(me, from, to);
    const items: CalendarItem[] = [...events.map(eventItem), ...bookings.map(bookingItem), ...cards.map(cardItem)];
    const key = (i: CalendarItem): number => (i.start ? Date.parse(i.start) : Date.parse(`${i.date ?? ''}T00:00:00Z`));
    return items.sort((a, b) => key(a) - key(b) || a.id.localeCompare(b.id));
  }

  /**
   * Cards are due on a day, not at an instant: the days from the one before `from` to the one after
   * `to` (UTC) are asked for, so the range covers its edges in every zone; the page places them.
   */
  private async collect(
    me: Viewer,
    from: number,
    to: number,
  ): Promise<{ events: MyEvent[]; bookings: Booking[]; cards: (Card & { projectName: string })[] }> {
    const [events, bookings, projectIds] = await Promise.all([
      this.myEvents.between(me, new Date(from), new Date(to)),
      this.bookings.mineBetween(me.id, new Date(from), new Date(to)),
      this.members.projectIdsForUser(me.id),
    ]);
    const due = await this.cards.assignedDueBetween(me.id, projectIds, isoDate(from - DAY), isoDate(to + DAY));
    const names = new Map((await this.projects.findByIds([...new Set(due.map((c) => c.projectId))])).map((p) => [p.id, p.name]));
    return { events, bookings, cards: due.map((c) => ({ ...c, projectName: names.get(c.projectId) ?? '' })) };
  }
}

export const eventPath = (id: string): string => `/events/${id}`;
export const bookingPath = (id: string): string => `/infrastructure/bookings/${id}`;
export const cardPath = (c: Pick<Card, 'id' | 'projectId'>): string => `/projects/${c.projectId}/board?card=${c.id}`;

function eventItem({ event: e, rsvp }: MyEvent): CalendarItem {
  const id = e._id.toHexString();
  return {
    kind: 'event',
    id,
    title: e.title,
    start: e.start.toISOString(),
    end: e.end.toISOString(),
    date: null,
    allDay: false,
    timeZone: e.timeZone,
    status: e.state === 'cancelled' ? 'cancelled' : e.state === 'draft' ? 'draft' : (rsvp ?? 'organiser'),
    detail: venueLine(e) || null,
    path: eventPath(id),
  };
}

function bookingItem(b: Booking): CalendarItem {
  return {
    kind: 'booking',
    id: b.id,
    title: b.purpose,
    start: b.start,
    end: b.end,
    date: null,
    allDay: false,
    timeZone: b.timeZone,
    status: b.status,
    detail: b.resourceName,
    path: bookingPath(b.id),
  };
}

function cardItem(c: Card & { projectName: string }): CalendarItem {
  return {
    kind: 'card',
    id: c.id,
    title: c.title,
    start: null,
    end: null,
    date: c.dueDate,
    allDay: true,
    timeZone: null,
    status: 'open',
    detail: c.projectName || null,
    path: cardPath(c),
  };
}
