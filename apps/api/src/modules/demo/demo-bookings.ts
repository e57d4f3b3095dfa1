import { Injectable, Logger } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { CreateResourceRequest } from '@klasteris/contracts';
import type { AuthUser } from '../../common/auth-user';
import { BookingDecisionsService } from '../bookings/booking-decisions.service';
import { BookingsService } from '../bookings/bookings.service';
import { GroupsRepository } from '../groups/groups.repository';
import { slugOf } from '../groups/groups.service';
import type { CreateResourceDto } from '../bookings/dto/resources.dto';
import { ResourcesRepository } from '../bookings/resources.repository';
import { ResourcesService } from '../bookings/resources.service';
import { OrganisationsRepository } from '../organisations/organisations.repository';
import { UsersRepository } from '../users/users.repository';

const weekdays = (open: string, close: string) => [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open, close }));

/** Shared infrastructure of the demo cluster, by owning organisation name. */
export const DEMO_RESOURCES: (Omit<CreateResourceRequest, 'organisationId'> & { owner: string })[] = [
  {
    owner: 'INFOBALT',
    name: 'INFOBALT conference room',
    type: 'meeting_room',
    location: 'Vilnius, Gedimino pr. 1, 3rd floor',
    description: 'The cluster’s conference room: screen, video-conferencing kit and coffee. Any member may book it without approval.',
    attributes: [
      { key: 'Seats', value: '24' },
      { key: 'Video conferencing', value: 'Yes' },
    ],
    capacity: 1,
    timeZone: 'Europe/Vilnius',
    policy: {
      openingHours: weekdays('08:00', '20:00'),
      slotMinutes: 30,
      minDurationMinutes: 30,
      maxDurationMinutes: 480,
      maxAdvanceDays: 90,
      approval: { required: false },
    },
  },
  {
    owner: 'INFOBALT',
    name: 'INFOBALT event hall',
    type: 'event_hall',
    location: 'Vilnius, Gedimino pr. 1, ground floor',
    description: 'Hall for cluster events, presentations to delegations and hackathons. Booked by whole days; coordinators approve.',
    attributes: [{ key: 'Seats', value: '120' }],
    capacity: 1,
    timeZone: 'Europe/Vilnius',
    policy: {
      slotMinutes: 1440,
      minDurationMinutes: 1440,
      maxDurationMinutes: 3 * 1440,
      minNoticeMinutes: 2 * 1440,
      maxAdvanceDays: 365,
      approval: { required: true, approvers: 'coordinator' },
    },
  },
  {
    owner: 'Duomenų centras',
    name: 'Duomenų centras GPU node pool',
    type: 'gpu_pool',
    location: 'Vilnius data centre, hall B',
    description:
      'Sixteen GPU nodes for training and inference in joint projects. Book the number of nodes you need; the owner or a coordinator approves. Fair share: 400 node-hours per organisation per month.',
    attributes: [
      { key: 'GPU', value: 'NVIDIA A100 80GB' },
      { key: 'GPUs per node', value: '4' },
      { key: 'RAM per node', value: '512 GB' },
    ],
    capacity: 16,
    timeZone: 'Europe/Vilnius',
    policy: {
      slotMinutes: 60,
      minDurationMinutes: 60,
      maxDurationMinutes: 72 * 60,
      maxAdvanceDays: 60,
      maxUnitsPerBooking: 8,
      approval: { required: true, approvers: 'owner_or_coordinator' },
      quotaHoursPerMonth: 400,
      blackouts: [{ kind: 'weekly', weekday: 7, from: '02:00', to: '04:00', reason: 'Weekly maintenance window' }],
    },
  },
  {
    owner: 'Data House',
    name: 'Data House half-rack row A',
    type: 'rack',
    location: 'Data House, Vilnius, row A',
    description:
      'Six half racks (21U each) with 4 kW power for test deployments of cluster projects. Booked by whole days; Data House approves.',
    attributes: [
      { key: 'Rack units', value: '21U' },
      { key: 'Power', value: '4 kW' },
    ],
    capacity: 6,
    timeZone: 'Europe/Vilnius',
    policy: {
      slotMinutes: 1440,
      minDurationMinutes: 1440,
      maxDurationMinutes: 30 * 1440,
      maxAdvanceDays: 180,
      maxUnitsPerBooking: 2,
      approval: { required: true, approvers: 'owner' },
    },
  },
  {
    owner: 'Data House',
    name: 'Data House test server DH-S1',
    type: 'server',
    location: 'Data House, Vilnius',
    description: 'A bare-metal server for load tests and demos.',
    attributes: [
      { key: 'CPU', value: '2 × AMD EPYC 9354' },
      { key: 'RAM', value: '512 GB' },
    ],
    capacity: 1,
    timeZone: 'Europe/Vilnius',
    policy: { slotMinutes: 60, minDurationMinutes: 60, maxDurationMinutes: 24 * 60, maxAdvanceDays: 60, approval: { required: false } },
  },
  {
    owner: 'Vilnius University, Faculty of Mathematics and Informatics',
    name: 'VU MIF IoT and robotics lab',
    type: 'lab',
    location: 'Didlaukio g. 47, Vilnius, room 201',
    description: 'University lab with IoT kits, sensors and 3D printers for joint research and student projects. The faculty approves.',
    attributes: [
      { key: 'Workstations', value: '12' },
      { key: '3D printers', value: '2' },
    ],
    capacity: 1,
    timeZone: 'Europe/Vilnius',
    policy: {
      openingHours: weekdays('09:00', '17:00'),
      slotMinutes: 60,
      minDurationMinutes: 60,
      maxDurationMinutes: 8 * 60,
      minNoticeMinutes: 24 * 60,
      approval: { required: true, approvers: 'owner' },
    },
  },
  {
    owner: 'Vilnius University, Faculty of Mathematics and Informatics',
    name: 'VU MIF spectrum analyser',
    type: 'test_equipment',
    location: 'Didlaukio g. 47, Vilnius, room 118',
    description: 'Two Keysight spectrum analysers for radio and EMC tests.',
    attributes: [{ key: 'Model', value: 'Keysight N9020B' }],
    capacity: 2,
    timeZone: 'Europe/Vilnius',
    policy: {
      openingHours: weekdays('09:00', '17:00'),
      slotMinutes: 60,
      minDurationMinutes: 60,
      maxDurationMinutes: 8 * 60,
      approval: { required: false },
    },
  },
  {
    owner: 'Muscat Digital Partners',
    name: 'Muscat Digital Partners meeting room',
    type: 'meeting_room',
    location: 'Muscat, Knowledge Oasis',
    description: 'Meeting room of our Omani partner for delegations to the Middle East (Gulf Standard Time, no daylight saving).',
    attributes: [{ key: 'Seats', value: '10' }],
    capacity: 1,
    timeZone: 'Asia/Muscat',
    policy: {
      openingHours: [7, 1, 2, 3, 4].map((weekday) => ({ weekday, open: '08:00', close: '17:00' })),
      slotMinutes: 30,
      minDurationMinutes: 30,
      maxDurationMinutes: 240,
      approval: { required: false },
    },
  },
];

/** Resources only the members of one working group may book, by group name (seeded after the groups). */
export const DEMO_GROUP_RESOURCES: (Omit<CreateResourceRequest, 'organisationId'> & { owner: string; group: string })[] = [
  {
    group: 'Shared data-centre operations',
    owner: 'Data House',
    name: 'Data House operations staging rack',
    type: 'rack',
    location: 'Data House, Vilnius, hall B',
    description:
      'A full rack where the data-centre operators of the cluster rehearse maintenance and failover together. Members of the “Shared data-centre operations” group book it.',
    attributes: [
      { key: 'Rack units', value: '42U' },
      { key: 'Power', value: '8 kW' },
    ],
    capacity: 1,
    timeZone: 'Europe/Vilnius',
    policy: {
      slotMinutes: 60,
      minDurationMinutes: 60,
      maxDurationMinutes: 3 * 24 * 60,
      maxAdvanceDays: 120,
      approval: { required: false },
    },
  },
];

const DEMO_ZONE = 'Europe/Vilnius';

/** One demo booking; `start`/`end` ISO with the resource's offset. */
export interface PlannedBooking {
  email: string;
  resource: string;
  start: string;
  end: string;
  purpose: string;
  units?: number;
  /** approved at once by this person (else a pending request waits in the queue) */
  approvedBy?: string;
}

type Slot = [week: 0 | 1 | 2, day: number, from: string, to: string];
const ROOM = 'INFOBALT conference room';
const GPU = 'Duomenų centras GPU node pool';
const RACKS = 'Data House half-rack row A';
const SERVER = 'Data House test server DH-S1';
const LAB = 'VU MIF IoT and robotics lab';
const ANALYSER = 'VU MIF spectrum analyser';
const MUSCAT = 'Muscat Digital Partners meeting room';
const ZONES: Record<string, string> = { [MUSCAT]: 'Asia/Muscat' };

/**
 * The demo's bookings over this week and the next two (`monday`: this week's Monday), on every kind
 * of resource, so that the timeline, the week calendars and utilisation show real load on the first
 * start. Wall-clock times in each resource's zone; whole-day racks from midnight to midnight.
 */
export function demoBookingPlan(monday: DateTime): PlannedBooking[] {
  const out: PlannedBooking[] = [];
  const add = (
    resource: string,
    [week, day, from, to]: Slot,
    email: string,
    purpose: string,
    extra: Pick<PlannedBooking, 'units' | 'approvedBy'> = {},
  ): void => {
    const date = monday.setZone(ZONES[resource] ?? DEMO_ZONE, { keepLocalTime: true }).plus({ weeks: week, days: day });
    const at = (hhmm: string, base = date) =>
      base.set({ hour: Number(hhmm.slice(0, 2)), minute: Number(hhmm.slice(3, 5)), second: 0, millisecond: 0 }).toISO()!;
    out.push({
      email,
      resource,
      start: at(from),
      end: to.startsWith('+') ? at('00:00', date.plus({ days: Number(to.slice(1)) })) : at(to),
      purpose,
      ...extra,
    });
  };
  const wholeDays = (week: 0 | 1 | 2, day: number, days: number): Slot => [week, day, '00:00', `+${days}`];

  // the conference room: the cluster's meetings, most weekdays
  add(ROOM, [0, 0, '10:00', '12:00'], 'member2@klasteris.demo', 'Data House customer workshop');
  add(ROOM, [0, 1, '09:00', '10:30'], 'coordinator@klasteris.demo', 'Cluster board meeting');
  add(ROOM, [0, 2, '14:00', '16:00'], 'coordinator@klasteris.demo', 'Export working group meeting');
  add(ROOM, [0, 3, '10:00', '12:00'], 'darius@klasteris.demo', 'Reference architecture review');
  add(ROOM, [0, 3, '14:00', '15:00'], 'member2@klasteris.demo', 'Rack pricing with Etronika');
  add(ROOM, [0, 4, '09:00', '11:00'], 'member@klasteris.demo', 'UK fintech interviews debrief');
  add(ROOM, [1, 0, '10:00', '12:00'], 'member2@klasteris.demo', 'Data House customer workshop');
  add(ROOM, [1, 1, '13:00', '17:00'], 'orgadmin@klasteris.demo', 'Cloud security training for members');
  add(ROOM, [1, 2, '14:00', '16:00'], 'coordinator@klasteris.demo', 'Export working group meeting');
  add(ROOM, [1, 3, '09:00', '12:00'], 'laura@klasteris.demo', 'German market study workshop');
  add(ROOM, [1, 4, '10:00', '11:30'], 'admin@klasteris.demo', 'Almaty trip preparation');
  add(ROOM, [2, 0, '09:00', '10:00'], 'coordinator@klasteris.demo', 'Cluster board meeting');
  add(ROOM, [2, 1, '10:00', '13:00'], 'egle@klasteris.demo', 'VU MIF industry day planning');
  add(ROOM, [2, 2, '14:00', '16:00'], 'coordinator@klasteris.demo', 'Export working group meeting');
  add(ROOM, [2, 3, '15:00', '17:00'], 'ieva@klasteris.demo', 'Document management pilot demo');

  // the GPU pool: training runs and the weekly course lab; next week's two requests wait for approval
  const coordinator = { approvedBy: 'coordinator@klasteris.demo' };
  add(GPU, [0, 1, '09:00', '17:00'], 'jonas@klasteris.demo', 'Speech recognition model training', { units: 4, ...coordinator });
  add(GPU, [0, 2, '10:00', '18:00'], 'member2@klasteris.demo', 'Fraud-detection model training', { units: 6, ...coordinator });
  add(GPU, [0, 3, '09:00', '13:00'], 'egle@klasteris.demo', 'Student HPC course lab', { units: 2, ...coordinator });
  add(GPU, [1, 0, '08:00', '20:00'], 'member2@klasteris.demo', 'Inference benchmark for a bank pilot', { units: 6, ...coordinator });
  add(GPU, [1, 1, '09:00', '17:00'], 'jonas@klasteris.demo', 'Lithuanian language model fine-tuning', { units: 4 });
  add(GPU, [1, 3, '09:00', '13:00'], 'egle@klasteris.demo', 'Student HPC course lab', { units: 2 });
  add(GPU, [2, 2, '09:00', '17:00'], 'jonas@klasteris.demo', 'Lithuanian language model evaluation', { units: 8, ...coordinator });
  add(GPU, [2, 3, '09:00', '13:00'], 'egle@klasteris.demo', 'Student HPC course lab', { units: 2, ...coordinator });

  // half racks by whole days, approved by Data House
  const dataHouse = { approvedBy: 'orgadmin2@klasteris.demo' };
  add(RACKS, wholeDays(0, 0, 5), 'member2@klasteris.demo', 'Kubernetes landing zone pilot', { units: 2, ...dataHouse });
  add(RACKS, wholeDays(1, 2, 3), 'jonas@klasteris.demo', 'Backup target burn-in', { units: 1, ...dataHouse });
  add(RACKS, wholeDays(2, 0, 3), 'member@klasteris.demo', 'E-banking pilot deployment', { units: 2 });

  // the test server
  add(SERVER, [0, 1, '08:00', '12:00'], 'member@klasteris.demo', 'E-banking load test');
  add(SERVER, [0, 3, '14:00', '18:00'], 'admin@klasteris.demo', 'Demo for the Omani delegation');
  add(SERVER, [1, 1, '08:00', '12:00'], 'member@klasteris.demo', 'E-banking load test');
  add(SERVER, [1, 3, '13:00', '17:00'], 'darius@klasteris.demo', 'Reference architecture prototype');
  add(SERVER, [2, 0, '09:00', '13:00'], 'member2@klasteris.demo', 'Customer demo: managed Kubernetes');

  // the university's lab and analysers
  const university = { approvedBy: 'egle@klasteris.demo' };
  add(LAB, [0, 2, '10:00', '14:00'], 'member@klasteris.demo', 'IoT sensor pilot with students', university);
  add(LAB, [1, 4, '10:00', '14:00'], 'jonas@klasteris.demo', 'Robotics demo for cluster members', university);
  add(LAB, [2, 1, '09:00', '12:00'], 'darius@klasteris.demo', 'Smart-building sensors workshop');
  add(ANALYSER, [0, 2, '09:00', '15:00'], 'egle@klasteris.demo', 'EMC pre-compliance tests');
  add(ANALYSER, [1, 1, '10:00', '16:00'], 'jonas@klasteris.demo', 'Radio link tests for the cross-connect');
  add(ANALYSER, [2, 3, '09:00', '12:00'], 'egle@klasteris.demo', 'Student lab: spectrum measurements');

  // the partner's meeting room in Muscat (its week runs Sunday to Thursday)
  add(MUSCAT, [0, 0, '09:00', '11:00'], 'salim@klasteris.demo', 'Meeting with Oman Data Park');
  add(MUSCAT, [1, 2, '10:00', '12:00'], 'salim@klasteris.demo', 'Ministry e-services unit: follow-up');
  add(MUSCAT, [2, 6, '09:00', '10:30'], 'admin@klasteris.demo', 'Video call with Muscat partners');
  return out;
}

/** Seeds the demo resources (and their bookings) when they are missing; called by DemoSeeder. */
@Injectable()
export class DemoBookingsSeeder {
  private readonly logger = new Logger('Demo');

  constructor(
    private readonly resources: ResourcesService,
    private readonly resourcesRepo: ResourcesRepository,
    private readonly bookings: BookingsService,
    private readonly decisions: BookingDecisionsService,
    private readonly organisations: OrganisationsRepository,
    private readonly users: UsersRepository,
    private readonly groups: GroupsRepository,
  ) {}

  async seed(): Promise<number> {
    const admin = await this.actor('admin@klasteris.demo');
    if (!admin) return 0;
    let added = 0;
    const created = new Map<string, string>();
    for (const { owner, ...input } of DEMO_RESOURCES) {
      if (await this.resourcesRepo.findByName(input.name)) continue;
      const org = await this.organisation(owner);
      if (!org) continue;
      const r = await this.resources.create(admin, { ...input, organisationId: org.id } as CreateResourceDto);
      created.set(input.name, r.id);
      added++;
    }
    if (created.size > 0) added += await this.seedBookings(created);
    return added;
  }

  /** The group-only resources; call after the groups are seeded. */
  async seedGroupResources(): Promise<number> {
    const admin = await this.actor('admin@klasteris.demo');
    if (!admin) return 0;
    let added = 0;
    for (const { owner, group, ...input } of DEMO_GROUP_RESOURCES) {
      if (await this.resourcesRepo.findByName(input.name)) continue;
      const [org, g] = await Promise.all([this.organisation(owner), this.groups.findBySlug(slugOf(group))]);
      if (!org || !g) continue;
      await this.resources.create(admin, {
        ...input,
        organisationId: org.id,
        policy: { ...input.policy, access: { mode: 'group', groupId: g.id } },
      } as CreateResourceDto);
      added++;
    }
    return added;
  }

  private async organisation(name: string): Promise<{ id: string } | null> {
    return (await this.organisations.search({ q: name, statuses: ['member', 'partner'], limit: 5 })).find((o) => o.name === name) ?? null;
  }

  /**
   * A lived-in calendar: the bookings of `demoBookingPlan` over this week and the next two. Those
   * still ahead are booked as a member would (rules, claims, the approvers told); those earlier this
   * week are booked against a clock set before them (the same rules and claims, nobody told). Some
   * requests are approved at once, the rest wait in the approvers' queue.
   */
  private async seedBookings(ids: Map<string, string>): Promise<number> {
    const now = Date.now();
    const monday = DateTime.fromMillis(now).setZone(DEMO_ZONE).startOf('week');
    let added = 0;
    for (const p of demoBookingPlan(monday)) {
      const resourceId = ids.get(p.resource);
      const user = await this.actor(p.email);
      const resource = resourceId ? await this.resourcesRepo.findById(resourceId) : null;
      if (!resource || !user) continue;
      const start = Date.parse(p.start);
      try {
        let booking: { id: string; status: string } | null = null;
        if (start >= now + resource.policy.minNoticeMinutes * 60_000) {
          booking = (
            await this.bookings.create(user, { resourceId: resource.id, start: p.start, end: p.end, purpose: p.purpose, units: p.units })
          ).booking;
        } else {
          const out = await this.bookings.bookOne(
            resource,
            await this.bookings.requesterOf(user),
            { start, end: Date.parse(p.end) },
            p.units ?? 1,
            { purpose: p.purpose },
            null,
            null,
            undefined,
            start - 2 * 86_400_000,
          );
          if (!out.ok) throw new Error('violation' in out ? out.violation.message : 'conflict');
          booking = { id: out.booking._id.toHexString(), status: out.booking.status };
        }
        added++;
        const approver = p.approvedBy ? await this.actor(p.approvedBy) : null;
        if (approver && booking.status === 'pending') await this.decisions.approve(approver, booking.id, null);
      } catch (e) {
        this.logger.warn(`Demo booking skipped (${p.resource}, ${p.start}): ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    return added;
  }

  private async actor(email: string): Promise<AuthUser | null> {
    const u = await this.users.findByEmail(email);
    return u ? { id: u.id, sessionId: 'demo-seed', roles: u.roles, organisationId: u.organisationId, displayName: u.displayName } : null;
  }
}
