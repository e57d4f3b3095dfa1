import { Injectable, Logger } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { CreateResourceRequest } from '@klasteris/contracts';
import type { AuthUser } from '../../common/auth-user';
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
    policy: { openingHours: weekdays('08:00', '20:00'), slotMinutes: 30, minDurationMinutes: 30, maxDurationMinutes: 480, maxAdvanceDays: 90, approval: { required: false } },
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
    policy: { slotMinutes: 1440, minDurationMinutes: 1440, maxDurationMinutes: 3 * 1440, minNoticeMinutes: 2 * 1440, maxAdvanceDays: 365, approval: { required: true, approvers: 'coordinator' } },
  },
  {
    owner: 'Duomenų centras',
    name: 'Duomenų centras GPU node pool',
    type: 'gpu_pool',
    location: 'Vilnius data centre, hall B',
    description: 'Sixteen GPU nodes for training and inference in joint projects. Book the number of nodes you need; the owner or a coordinator approves. Fair share: 400 node-hours per organisation per month.',
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
    description: 'Six half racks (21U each) with 4 kW power for test deployments of cluster projects. Booked by whole days; Data House approves.',
    attributes: [
      { key: 'Rack units', value: '21U' },
      { key: 'Power', value: '4 kW' },
    ],
    capacity: 6,
    timeZone: 'Europe/Vilnius',
    policy: { slotMinutes: 1440, minDurationMinutes: 1440, maxDurationMinutes: 30 * 1440, maxAdvanceDays: 180, maxUnitsPerBooking: 2, approval: { required: true, approvers: 'owner' } },
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
    policy: { openingHours: weekdays('09:00', '17:00'), slotMinutes: 60, minDurationMinutes: 60, maxDurationMinutes: 8 * 60, minNoticeMinutes: 24 * 60, approval: { required: true, approvers: 'owner' } },
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
    policy: { openingHours: weekdays('09:00', '17:00'), slotMinutes: 60, minDurationMinutes: 60, maxDurationMinutes: 8 * 60, approval: { required: false } },
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
    policy: { openingHours: [7, 1, 2, 3, 4].map((weekday) => ({ weekday, open: '08:00', close: '17:00' })), slotMinutes: 30, minDurationMinutes: 30, maxDurationMinutes: 240, approval: { required: false } },
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
    description: 'A full rack where the data-centre operators of the cluster rehearse maintenance and failover together. Members of the “Shared data-centre operations” group book it.',
    attributes: [
      { key: 'Rack units', value: '42U' },
      { key: 'Power', value: '8 kW' },
    ],
    capacity: 1,
    timeZone: 'Europe/Vilnius',
    policy: { slotMinutes: 60, minDurationMinutes: 60, maxDurationMinutes: 3 * 24 * 60, maxAdvanceDays: 120, approval: { required: false } },
  },
];

/** Seeds the demo resources (and a few bookings) when they are missing; called by DemoSeeder. */
@Injectable()
export class DemoBookingsSeeder {
  private readonly logger = new Logger('Demo');

  constructor(
    private readonly resources: ResourcesService,
    private readonly resourcesRepo: ResourcesRepository,
    private readonly bookings: BookingsService,
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
      await this.resources.create(admin, { ...input, organisationId: org.id, policy: { ...input.policy, access: { mode: 'group', groupId: g.id } } } as CreateResourceDto);
      added++;
    }
    return added;
  }

  private async organisation(name: string): Promise<{ id: string } | null> {
    return (await this.organisations.search({ q: name, statuses: ['member', 'partner'], limit: 5 })).find((o) => o.name === name) ?? null;
  }

  /** A lived-in calendar for next week: confirmed room bookings and a GPU request waiting for approval. */
  private async seedBookings(ids: Map<string, string>): Promise<number> {
    const monday = DateTime.now().setZone('Europe/Vilnius').startOf('week').plus({ weeks: 1 });
    const at = (day: number, hour: number) => monday.plus({ days: day }).set({ hour }).toISO()!;
    const plan: { email: string; resource: string; start: string; end: string; purpose: string; units?: number }[] = [
      { email: 'member2@klasteris.demo', resource: 'INFOBALT conference room', start: at(0, 10), end: at(0, 12), purpose: 'Data House customer workshop' },
      { email: 'coordinator@klasteris.demo', resource: 'INFOBALT conference room', start: at(2, 14), end: at(2, 16), purpose: 'Export working group meeting' },
      { email: 'jonas@klasteris.demo', resource: 'Duomenų centras GPU node pool', start: at(1, 9), end: at(1, 17), purpose: 'Lithuanian language model fine-tuning', units: 4 },
      { email: 'egle@klasteris.demo', resource: 'Duomenų centras GPU node pool', start: at(3, 9), end: at(3, 13), purpose: 'Student HPC course lab', units: 2 },
      { email: 'member@klasteris.demo', resource: 'Data House test server DH-S1', start: at(1, 8), end: at(1, 12), purpose: 'E-banking load test' },
    ];
    let added = 0;
    for (const p of plan) {
      const resourceId = ids.get(p.resource);
      const user = await this.actor(p.email);
      if (!resourceId || !user) continue;
      try {
        await this.bookings.create(user, { resourceId, start: p.start, end: p.end, purpose: p.purpose, units: p.units });
        added++;
      } catch (e) {
        this.logger.warn(`Demo booking skipped (${p.resource}): ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    return added;
  }

  private async actor(email: string): Promise<AuthUser | null> {
    const u = await this.users.findByEmail(email);
    return u ? { id: u.id, sessionId: 'demo-seed', roles: u.roles, organisationId: u.organisationId, displayName: u.displayName } : null;
  }
}
