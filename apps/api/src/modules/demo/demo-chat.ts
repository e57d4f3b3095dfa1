import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../common/auth-user';
import { ChannelsService } from '../chat/channels.service';
import { MessageWriterService } from '../chat/message-writer.service';
import { MessagesService } from '../chat/messages.service';
import type { UserRecord } from '../users/user.schema';
import { UsersRepository } from '../users/users.repository';

interface DemoChannel {
  name: string;
  type: 'public' | 'private' | 'announcement';
  topic: string;
  owner: string;
  autoJoin?: boolean;
  members: string[] | 'all';
  messages: DemoMessage[];
}

/** A message with, optionally, a thread of replies and reactions (email, emoji): the demo's current week looks lived in. */
interface DemoMessage {
  from: string;
  body: string;
  replies?: { from: string; body: string }[];
  reactions?: [string, string][];
}

/** Cooperation channels of the demo cluster, with conversations drawn from its activities. */
const CHANNELS: DemoChannel[] = [
  {
    name: 'announcements',
    type: 'announcement',
    topic: 'News from the cluster coordinators',
    owner: 'coordinator@klasteris.demo',
    autoJoin: true,
    members: 'all',
    messages: [
      {
        from: 'coordinator@klasteris.demo',
        body: '**Welcome to Klasteris!** The three cloud computing studies (United Kingdom, Germany, France) are published in the Projects section. @channel please read them before the internal event.',
        reactions: [
          ['member@klasteris.demo', '👍'],
          ['member2@klasteris.demo', '👍'],
          ['jonas@klasteris.demo', '👍'],
          ['laura@klasteris.demo', '🎉'],
        ],
      },
      {
        from: 'admin@klasteris.demo',
        body: 'The next international cluster presentations: *Muscat*, *Almaty* and *Baku*. Members who want to present their products, write to me.',
      },
    ],
  },
  {
    name: 'general',
    type: 'public',
    topic: 'Everything about the cluster',
    owner: 'admin@klasteris.demo',
    autoJoin: true,
    members: 'all',
    messages: [
      { from: 'admin@klasteris.demo', body: 'Sveiki visi! This is the place for questions across member organisations.' },
      {
        from: 'member@klasteris.demo',
        body: 'Hi all, Rūta from Etronika here. We are looking for partners for a joint e-banking cloud offer in the UK.',
      },
      {
        from: 'member2@klasteris.demo',
        body: 'Data House can host the pilot: we have free rack space in Vilnius. Book it under **Infrastructure**.',
        reactions: [
          ['member@klasteris.demo', '🚀'],
          ['egle@klasteris.demo', '👍'],
        ],
        replies: [
          { from: 'member@klasteris.demo', body: 'Great — I booked the DH-S1 test server for our e-banking load test on Tuesday morning.' },
          { from: 'member2@klasteris.demo', body: 'Seen it in the calendar. Ping me if you need more than 512 GB of RAM.' },
        ],
      },
      { from: 'egle@klasteris.demo', body: 'VU MIF students could help with the performance testing. Our lab has GPU workstations too.' },
    ],
  },
  {
    name: 'cloud-computing',
    type: 'public',
    topic: 'Joint cloud offers for UK, DE and FR markets',
    owner: 'member@klasteris.demo',
    members: [
      'member@klasteris.demo',
      'member2@klasteris.demo',
      'jonas@klasteris.demo',
      'laura@klasteris.demo',
      'coordinator@klasteris.demo',
      'darius@klasteris.demo',
    ],
    messages: [
      {
        from: 'laura@klasteris.demo',
        body: 'The German study says data residency is the first question buyers ask. Can we offer hosting in Lithuania with a German contract partner?',
      },
      {
        from: 'jonas@klasteris.demo',
        body: 'Duomenų centras has ISO 27001 and Tier III. I can share the certificates in this channel.',
        reactions: [
          ['member@klasteris.demo', '🙏'],
          ['laura@klasteris.demo', '👍'],
        ],
      },
      {
        from: 'darius@klasteris.demo',
        body: 'Let us draft a common reference architecture first — I will start a card on the board.',
        reactions: [['member@klasteris.demo', '👍']],
        replies: [
          {
            from: 'laura@klasteris.demo',
            body: 'Good idea. I will add what the German buyers asked for: data residency, BSI C5, a German contract partner.',
          },
          {
            from: 'member@klasteris.demo',
            body: 'And the UK side: latency to EU customers and UK GDPR. Let us review it together on Thursday.',
          },
          { from: 'darius@klasteris.demo', body: 'Deal — Thursday 10:00 in the INFOBALT conference room.' },
        ],
      },
    ],
  },
  {
    name: 'data-centre-ops',
    type: 'public',
    topic: 'Shared racks, servers and GPU nodes',
    owner: 'member2@klasteris.demo',
    members: ['member2@klasteris.demo', 'jonas@klasteris.demo', 'orgadmin2@klasteris.demo', 'egle@klasteris.demo'],
    messages: [
      {
        from: 'jonas@klasteris.demo',
        body: 'Maintenance window for the GPU pool: Saturday 06:00–10:00 (Europe/Vilnius). Bookings in that window are blocked.',
        reactions: [
          ['orgadmin2@klasteris.demo', '👀'],
          ['egle@klasteris.demo', '✅'],
        ],
        replies: [{ from: 'egle@klasteris.demo', body: 'Noted — our Thursday course labs are not affected.' }],
      },
      { from: 'member2@klasteris.demo', body: 'Thanks Jonas. Rack B-07 in Data House is free from next week.' },
    ],
  },
  {
    name: 'middle-east-markets',
    type: 'public',
    topic: 'Oman, Qatar, UAE, Saudi Arabia, Jordan, Lebanon',
    owner: 'admin@klasteris.demo',
    members: ['admin@klasteris.demo', 'salim@klasteris.demo', 'coordinator@klasteris.demo', 'member@klasteris.demo'],
    messages: [
      {
        from: 'salim@klasteris.demo',
        body: 'Marhaba from Muscat! The Ministry is interested in e-government document management — a good fit for Informacinė raida.',
      },
      {
        from: 'admin@klasteris.demo',
        body: 'Great news, Salim. We will bring the topic to the next presentation in Oman.',
        reactions: [['salim@klasteris.demo', '🙏']],
      },
    ],
  },
];

const DIRECT: { between: [string, string]; messages: { from: string; body: string }[] } = {
  between: ['member@klasteris.demo', 'member2@klasteris.demo'],
  messages: [
    { from: 'member@klasteris.demo', body: 'Mindaugas, do you have a minute on Thursday to go through the rack pricing?' },
    { from: 'member2@klasteris.demo', body: 'Sure, 14:00 works. I will book the INFOBALT conference room.' },
  ],
};

const asAuth = (u: UserRecord): AuthUser => ({
  id: u.id,
  sessionId: 'demo-seed',
  roles: u.roles,
  organisationId: u.organisationId,
  displayName: u.displayName,
});

/** Idempotent: a channel that exists already is left as it is. */
@Injectable()
export class DemoChatSeeder {
  constructor(
    private readonly users: UsersRepository,
    private readonly channels: ChannelsService,
    private readonly writer: MessageWriterService,
    private readonly messages: MessagesService,
  ) {}

  async seed(): Promise<number> {
    const byEmail = new Map<string, UserRecord>();
    const person = async (email: string): Promise<UserRecord> => {
      const cached = byEmail.get(email);
      if (cached) return cached;
      const u = await this.users.findByEmail(email);
      if (!u) throw new Error(`demo user ${email} missing`);
      byEmail.set(email, u);
      return u;
    };
    let added = 0;
    let n = 0;
    const say = async (channelId: string, from: string, body: string, threadRootId?: string) =>
      this.writer.send(asAuth(await person(from)), {
        channelId,
        clientMsgId: `demo-seed-${n++}`,
        body,
        ...(threadRootId ? { threadRootId } : {}),
      });
    const post = async (channelId: string, m: DemoMessage): Promise<void> => {
      const root = await say(channelId, m.from, m.body);
      for (const r of m.replies ?? []) await say(channelId, r.from, r.body, root.id);
      for (const [email, emoji] of m.reactions ?? []) await this.messages.toggleReaction(asAuth(await person(email)), root.id, emoji);
    };

    for (const c of CHANNELS) {
      if (await this.channels.namedExists(c.name)) continue;
      const owner = await person(c.owner);
      const channel = await this.channels.create(
        asAuth(owner),
        { name: c.name, type: c.type, topic: c.topic },
        { autoJoin: c.autoJoin ?? false },
      );
      const memberIds =
        c.members === 'all'
          ? (await this.users.search({ status: 'active', limit: 1000 })).map((u) => u.id)
          : await Promise.all(c.members.map(async (e) => (await person(e)).id));
      await this.channels.addMembers(
        channel.id,
        memberIds.filter((id) => id !== owner.id),
      );
      for (const m of c.messages) await post(channel.id, m);
      added++;
    }
    const [a, b] = await Promise.all(DIRECT.between.map(person));
    const { channel, created } = await this.channels.direct(asAuth(a!), [b!.id]);
    if (created) {
      for (const m of DIRECT.messages) await say(channel.id, m.from, m.body);
      added++;
    }
    return added;
  }
}
