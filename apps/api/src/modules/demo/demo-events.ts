import { Injectable, Logger } from '@nestjs/common';
import { DateTime } from 'luxon';
import { Types } from 'mongoose';
import type { CreateEventRequest } from '@klasteris/contracts';
import type { AuthUser } from '../../common/auth-user';
import { BookingDecisionsService } from '../bookings/booking-decisions.service';
import { ResourcesRepository } from '../bookings/resources.repository';
import { memberKey, prospectKey } from '../events/attendance.repository';
import { EventsRepository } from '../events/events.repository';
import { EventsService } from '../events/events.service';
import { RsvpService } from '../events/rsvp.service';
import type { UserRecord } from '../users/user.schema';
import { OrganisationsRepository } from '../organisations/organisations.repository';
import { UsersRepository } from '../users/users.repository';

const asAuth = (u: UserRecord): AuthUser => ({
  id: u.id,
  sessionId: 'demo-seed',
  roles: u.roles,
  organisationId: u.organisationId,
  displayName: u.displayName,
});

interface DemoEvent {
  key: string;
  title: string;
  description: string;
  kind: CreateEventRequest['kind'];
  visibility: CreateEventRequest['visibility'];
  timeZone: string;
  /** local start: days from today, hour; length in hours */
  inDays: number;
  hour: number;
  hours: number;
  capacity?: number;
  venue: CreateEventRequest['venue'] | 'hall';
  going: string[];
  prospects?: { name: string; email: string; organisation: string; country: string }[];
}

const MEMBERS = [
  'member@klasteris.demo',
  'member2@klasteris.demo',
  'orgadmin@klasteris.demo',
  'jonas@klasteris.demo',
  'egle@klasteris.demo',
  'laura@klasteris.demo',
  'darius@klasteris.demo',
  'ieva@klasteris.demo',
];

/**
 * The cluster's story (shared/seed/infobalt-cluster.txt) as events: three past internal events on
 * cooperation in cloud computing, the international presentations in Oman, Kazakhstan and
 * Azerbaijan (open to prospects on the visitor site), and an internal event in the INFOBALT event hall.
 */
const EVENTS: DemoEvent[] = [
  {
    key: 'demo-event-internal-1',
    title: 'Cloud computing cooperation: market studies UK, DE, FR',
    description:
      'The first of three internal events on cooperation in cloud computing: results of the three market studies on the United Kingdom, Germany and France, and who offers what together.',
    kind: 'internal',
    visibility: 'members',
    timeZone: 'Europe/Vilnius',
    inDays: -120,
    hour: 10,
    hours: 4,
    capacity: 60,
    venue: { address: 'Gedimino pr. 1', city: 'Vilnius', country: 'LT' },
    going: MEMBERS,
  },
  {
    key: 'demo-event-internal-2',
    title: 'Cloud computing cooperation: joint infrastructure',
    description: 'Second internal event: sharing the data centres, GPU pools and test labs of the members; booking rules and fair shares.',
    kind: 'internal',
    visibility: 'members',
    timeZone: 'Europe/Vilnius',
    inDays: -75,
    hour: 13,
    hours: 3,
    capacity: 40,
    venue: { address: 'Naugarduko g. 24', city: 'Vilnius', country: 'LT' },
    going: MEMBERS.slice(0, 6),
  },
  {
    key: 'demo-event-internal-3',
    title: 'Cloud computing cooperation: marketing tools for new members',
    description: 'Third internal event: the marketing tools packages prepared to attract new members, and klasteris.infobalt.lt.',
    kind: 'internal',
    visibility: 'members',
    timeZone: 'Europe/Vilnius',
    inDays: -30,
    hour: 10,
    hours: 2,
    venue: { url: 'https://meet.klasteris.demo/cloud-cooperation-3' },
    going: MEMBERS.slice(2),
  },
  {
    key: 'demo-event-muscat',
    title: 'INFOBALT cluster presentation in Muscat',
    description:
      'International cluster presentation for companies of **Oman**: Lithuanian ICT, cloud and data-centre services, and how to become a social partner of the cluster.',
    kind: 'presentation',
    visibility: 'public',
    timeZone: 'Asia/Muscat',
    inDays: 24,
    hour: 10,
    hours: 4,
    capacity: 80,
    venue: { address: 'Oman Convention & Exhibition Centre', city: 'Muscat', country: 'OM' },
    going: ['salim@klasteris.demo', 'member@klasteris.demo'],
    prospects: [{ name: 'Fatma Al-Balushi', email: 'fatma@muscatcloud.demo', organisation: 'Muscat Cloud Services', country: 'OM' }],
  },
  {
    key: 'demo-event-almaty',
    title: 'INFOBALT cluster presentation in Almaty',
    description:
      "International cluster presentation in **Kazakhstan**: e-government, e-banking and cloud solutions from the cluster's members.",
    kind: 'presentation',
    visibility: 'public',
    timeZone: 'Asia/Almaty',
    inDays: 38,
    hour: 11,
    hours: 3,
    capacity: 60,
    venue: { address: 'Al-Farabi Ave 77/7', city: 'Almaty', country: 'KZ' },
    going: ['coordinator@klasteris.demo', 'orgadmin@klasteris.demo'],
    prospects: [{ name: 'Daniyar Seitkali', email: 'daniyar@steppedata.demo', organisation: 'Steppe Data', country: 'KZ' }],
  },
  {
    key: 'demo-event-baku',
    title: 'INFOBALT cluster presentation in Baku',
    description: 'International cluster presentation in **Azerbaijan** for prospective members and partners.',
    kind: 'presentation',
    visibility: 'public',
    timeZone: 'Asia/Baku',
    inDays: 52,
    hour: 10,
    hours: 4,
    capacity: 50,
    venue: { address: 'Nizami St 203', city: 'Baku', country: 'AZ' },
    going: ['admin@klasteris.demo'],
    prospects: [
      { name: 'Leyla Aliyeva', email: 'leyla@caspiansoft.demo', organisation: 'Caspian Soft', country: 'AZ' },
      { name: 'Rashad Huseynov', email: 'rashad@bakunet.demo', organisation: 'BakuNet', country: 'AZ' },
    ],
  },
  {
    key: 'demo-event-hall',
    title: 'Members day in the INFOBALT event hall',
    description:
      'One of the four internal events planned in Lithuania to enhance cooperation among members: project market, working-group sessions, networking.',
    kind: 'internal',
    visibility: 'members',
    timeZone: 'Europe/Vilnius',
    inDays: 21,
    hour: 10,
    hours: 6,
    capacity: 120,
    venue: 'hall',
    going: MEMBERS.slice(0, 4),
  },
];

/** Seeds the demo events once (by seed key). Upcoming ones go through EventsService (the hall is booked and approved); past ones are written directly. */
@Injectable()
export class DemoEventsSeeder {
  private readonly logger = new Logger('DemoEvents');

  constructor(
    private readonly users: UsersRepository,
    private readonly events: EventsService,
    private readonly eventsRepo: EventsRepository,
    private readonly rsvps: RsvpService,
    private readonly resources: ResourcesRepository,
    private readonly decisions: BookingDecisionsService,
    private readonly organisations: OrganisationsRepository,
  ) {}

  async seed(): Promise<number> {
    const coordinator = await this.users.findByEmail('coordinator@klasteris.demo');
    const admin = await this.users.findByEmail('admin@klasteris.demo');
    if (!coordinator || !admin) return 0;
    let added = 0;
    for (const d of EVENTS) {
      if (await this.eventsRepo.findBySeedKey(d.key)) continue;
      try {
        const id = await this.create(d, coordinator, admin);
        if (id) added += 1 + (await this.attend(id, d));
      } catch (err) {
        this.logger.warn(`Demo event "${d.title}" not seeded: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    return added;
  }

  private async create(d: DemoEvent, coordinator: UserRecord, admin: UserRecord): Promise<string | null> {
    const start = DateTime.now().setZone(d.timeZone).startOf('day').plus({ days: d.inDays, hours: d.hour });
    const end = start.plus({ hours: d.hours });
    let venue = d.venue;
    if (venue === 'hall') {
      const hall = await this.resources.findByName('INFOBALT event hall');
      if (!hall) return null;
      venue = { resourceId: hall.id };
    }
    const req: CreateEventRequest = {
      title: d.title,
      description: d.description,
      kind: d.kind,
      start: start.toISO()!,
      end: end.toISO()!,
      timeZone: d.timeZone,
      visibility: d.visibility,
      venue,
      publish: true,
      ...(d.capacity ? { capacity: d.capacity } : {}),
    };
    if (d.inDays < 0) {
      // past: the booking engine refuses the past, and these were at addresses anyway
      const e = await this.eventsRepo.create({
        _id: new Types.ObjectId(),
        title: req.title,
        description: req.description ?? null,
        kind: req.kind,
        organiserType: 'cluster',
        groupId: null,
        projectId: null,
        organisationId: null,
        start: start.toJSDate(),
        end: end.toJSDate(),
        timeZone: d.timeZone,
        capacity: d.capacity ?? null,
        visibility: d.visibility,
        state: 'published',
        venue: {
          resourceId: null,
          resourceName: null,
          bookingId: null,
          bookingStatus: null,
          ...(req.venue.url
            ? { kind: 'online' as const, url: req.venue.url, address: null, city: null, country: null }
            : {
                kind: 'address' as const,
                url: null,
                address: req.venue.address ?? null,
                city: req.venue.city ?? null,
                country: req.venue.country ?? null,
              }),
        },
        createdBy: new Types.ObjectId(coordinator.id),
        seedKey: d.key,
      });
      return e._id.toHexString();
    }
    const created = await this.events.create(asAuth(coordinator), req);
    await this.eventsRepo.setSeedKey(created.id, d.key);
    if (created.venue.kind === 'resource' && created.venue.bookingId && created.venue.bookingStatus === 'pending') {
      await this.decisions.approve(asAuth(admin), created.venue.bookingId, 'Members day of the cluster').catch(() => undefined);
    }
    return created.id;
  }

  private async attend(eventId: string, d: DemoEvent): Promise<number> {
    let added = 0;
    for (const email of d.going) {
      const u = await this.users.findByEmail(email);
      if (!u) continue;
      await this.rsvps.respond(
        eventId,
        {
          key: memberKey(u.id),
          kind: 'member',
          userId: new Types.ObjectId(u.id),
          email: null,
          name: u.displayName,
          organisationId: u.organisationId ? new Types.ObjectId(u.organisationId) : null,
          organisationName: u.organisationName,
          country: (u.organisationId ? await this.organisations.findById(u.organisationId) : null)?.country ?? null,
          language: u.language,
        },
        'going',
      );
      added++;
    }
    for (const p of d.prospects ?? []) {
      await this.rsvps.respond(
        eventId,
        {
          key: prospectKey(p.email),
          kind: 'prospect',
          userId: null,
          email: p.email,
          name: p.name,
          organisationId: null,
          organisationName: p.organisation,
          country: p.country,
          language: 'en',
        },
        'going',
      );
      added++;
    }
    return added;
  }
}
