import { Injectable } from '@nestjs/common';
import type { GroupVisibility, WordFilterRule } from '@klasteris/contracts';
import type { AuthUser } from '../../common/auth-user';
import { MessageWriterService } from '../chat/message-writer.service';
import { GroupsService, slugOf } from '../groups/groups.service';
import { MembershipService } from '../groups/membership.service';
import { ModerationActionsService } from '../groups/moderation-actions.service';
import type { UserRecord } from '../users/user.schema';
import { UsersRepository } from '../users/users.repository';

interface DemoGroup {
  name: string;
  description: string;
  tags: string[];
  visibility: GroupVisibility;
  coordinators: string[];
  members: string[];
  requests: { from: string; message: string }[];
  wordFilter: WordFilterRule[];
  messages: { from: string; body: string; reportedBy?: { email: string; reason: string } }[];
}

/** Working groups of the demo cluster, with coordinators, pending join requests and reports. */
const GROUPS: DemoGroup[] = [
  {
    name: 'Cloud computing — UK, DE, FR markets',
    description:
      'Members preparing joint offers for the cloud computing markets of the United Kingdom, Germany and France, building on the three market studies.',
    tags: ['cloud', 'export', 'market studies'],
    visibility: 'open',
    coordinators: ['jonas@klasteris.demo'],
    members: ['member@klasteris.demo', 'member2@klasteris.demo', 'egle@klasteris.demo', 'andris@klasteris.demo'],
    requests: [],
    wordFilter: [
      { pattern: 'casino', action: 'block' },
      { pattern: 'crypto*', action: 'flag' },
    ],
    messages: [
      {
        from: 'jonas@klasteris.demo',
        body: 'Welcome! Please add your reference projects for the German offer to the shared board by Friday.',
      },
      {
        from: 'egle@klasteris.demo',
        body: 'MIF can contribute two researchers on data sovereignty requirements for the French public sector.',
      },
      {
        from: 'member2@klasteris.demo',
        body: 'Cheap hosting for crypto mining rigs, write me privately for prices!',
        reportedBy: { email: 'member@klasteris.demo', reason: 'Advertising unrelated to the group' },
      },
      { from: 'andris@klasteris.demo', body: 'Latvian partners are interested in a joint booth at the Frankfurt fair.' },
    ],
  },
  {
    name: 'Middle East market entry',
    description: 'Entering the markets of Oman and the Gulf: partners, regulations, presentations in Muscat.',
    tags: ['Oman', 'export', 'presentations'],
    visibility: 'request',
    coordinators: ['salim@klasteris.demo'],
    members: ['member@klasteris.demo'],
    requests: [
      { from: 'member2@klasteris.demo', message: 'Data House would like to present its colocation services in Muscat.' },
      { from: 'egle@klasteris.demo', message: 'MIF is preparing a joint study programme with a university in Oman.' },
    ],
    wordFilter: [],
    messages: [
      { from: 'salim@klasteris.demo', body: 'The Muscat presentation is confirmed for the spring. Slots for five member companies.' },
    ],
  },
  {
    name: 'Shared data-centre operations',
    description: 'Operators of the cluster data centres coordinate capacity, maintenance windows and shared GPU pools.',
    tags: ['data centres', 'operations'],
    visibility: 'invite',
    coordinators: ['orgadmin2@klasteris.demo'],
    members: ['jonas@klasteris.demo', 'member2@klasteris.demo'],
    requests: [],
    wordFilter: [],
    messages: [{ from: 'orgadmin2@klasteris.demo', body: 'Maintenance window of the Vilnius site: Sunday 02:00–04:00.' }],
  },
];

const asAuth = (u: UserRecord): AuthUser => ({
  id: u.id,
  sessionId: 'demo-seed',
  roles: u.roles,
  organisationId: u.organisationId,
  displayName: u.displayName,
});

@Injectable()
export class DemoGroupsSeeder {
  constructor(
    private readonly users: UsersRepository,
    private readonly groups: GroupsService,
    private readonly membership: MembershipService,
    private readonly moderation: ModerationActionsService,
    private readonly writer: MessageWriterService,
  ) {}

  /** Idempotent: a group whose slug exists is skipped. */
  async seed(): Promise<number> {
    const staff = await this.users.findByEmail('coordinator@klasteris.demo');
    if (!staff) return 0;
    let added = 0;
    for (const g of GROUPS) {
      if (await this.groups.exists(slugOf(g.name))) continue;
      const people = new Map<string, UserRecord>();
      for (const email of new Set([
        ...g.coordinators,
        ...g.members,
        ...g.requests.map((r) => r.from),
        ...g.messages.flatMap((m) => [m.from, m.reportedBy?.email ?? m.from]),
      ])) {
        const u = await this.users.findByEmail(email);
        if (u) people.set(email, u);
      }
      const me = asAuth(staff);
      const coordinatorIds = g.coordinators.flatMap((e) => people.get(e)?.id ?? []);
      const group = await this.groups.create(me, {
        name: g.name,
        description: g.description,
        tags: g.tags,
        visibility: g.visibility,
        coordinatorIds,
      });
      const coordinator = people.get(g.coordinators[0]);
      for (const email of g.members) {
        const u = people.get(email);
        if (!u) continue;
        if (g.visibility === 'open') await this.membership.join(asAuth(u), group.id, null);
        else if (coordinator) {
          await this.membership.invite(asAuth(coordinator), group.id, u.id);
          await this.membership.join(asAuth(u), group.id, null);
        }
      }
      for (const r of g.requests) {
        const u = people.get(r.from);
        if (u) await this.membership.join(asAuth(u), group.id, r.message);
      }
      if (coordinator && g.wordFilter.length) await this.moderation.setWordFilter(asAuth(coordinator), group.id, g.wordFilter);
      let i = 0;
      for (const m of g.messages) {
        const u = people.get(m.from);
        if (!u) continue;
        const message = await this.writer.send(asAuth(u), {
          channelId: group.channelIds.general,
          clientMsgId: `demo-group-${group.slug.slice(0, 30)}-${i++}`,
          body: m.body,
        });
        const reporter = m.reportedBy && people.get(m.reportedBy.email);
        if (m.reportedBy && reporter) await this.moderation.report(asAuth(reporter), message.id, m.reportedBy.reason);
      }
      added++;
    }
    return added;
  }
}
