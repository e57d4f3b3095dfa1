import { Injectable } from '@nestjs/common';
import type { ChecklistItem, ProjectRole, ProjectStatus } from '@klasteris/contracts';
import { Types } from 'mongoose';
import type { AuthUser } from '../../common/auth-user';
import { CardsRepository } from '../boards/cards.repository';
import { ColumnsRepository } from '../boards/columns.repository';
import { CommentsRepository } from '../boards/comments.repository';
import { LabelsRepository } from '../boards/labels.repository';
import { initialRanks } from '../boards/ranks';
import { ActivityService } from '../projects/activity.service';
import { ProjectMembersRepository } from '../projects/project-members.repository';
import { ProjectsRepository } from '../projects/projects.repository';
import { ProjectsService } from '../projects/projects.service';
import { UsersRepository } from '../users/users.repository';

/** Column by its default name: 0 To do, 1 In progress, 2 Review, 3 Done. */
type Col = 0 | 1 | 2 | 3;

interface DemoCard {
  col: Col;
  title: string;
  description?: string;
  assignees?: string[];
  labels?: string[];
  /** days from today */
  start?: number;
  due?: number;
  checklist?: [string, boolean][];
  comments?: [string, string][];
}

interface DemoProject {
  key: string;
  name: string;
  summary: string;
  status: ProjectStatus;
  owner: string;
  members: [string, ProjectRole][];
  labels: [string, string][];
  wipInProgress?: number;
  cards: DemoCard[];
}

const RESEARCH = '#1f5f8b';
const INTERVIEWS = '#00695c';
const REPORT = '#6a1b9a';
const URGENT = '#c62828';
const EVENT = '#b34700';
const INFRA = '#37474f';
const SECURITY = '#ad1457';

const marketStudy = (
  country: string,
  key: string,
  owner: string,
  members: [string, ProjectRole][],
  status: ProjectStatus,
  cards: DemoCard[],
): DemoProject => ({
  key,
  name: `Cloud computing market study: ${country}`,
  summary: `Joint study of the ${country} cloud computing market for cluster members: demand, competitors, pricing, regulation and partners — the basis of a shared export offer of Lithuanian data centres and software companies.`,
  status,
  owner,
  members,
  labels: [
    ['Desk research', RESEARCH],
    ['Interviews', INTERVIEWS],
    ['Report', REPORT],
    ['Urgent', URGENT],
  ],
  cards,
});

/** The cluster's joint cloud projects, from the INFOBALT cluster's activities. */
export const DEMO_PROJECTS: DemoProject[] = [
  marketStudy(
    'United Kingdom',
    'study-uk',
    'coordinator@klasteris.demo',
    [
      ['member@klasteris.demo', 'member'],
      ['laura@klasteris.demo', 'member'],
      ['darius@klasteris.demo', 'member'],
      ['admin@klasteris.demo', 'observer'],
    ],
    'active',
    [
      {
        col: 3,
        title: 'Collect public UK cloud market reports',
        description: 'Gartner, IDC, techUK and the ONS digital economy tables; summarise market size 2023–2026.',
        assignees: ['member@klasteris.demo'],
        labels: ['Desk research'],
        due: -20,
        checklist: [
          ['techUK State of the Sector', true],
          ['ONS digital economy', true],
          ['IDC public cloud tracker', true],
        ],
      },
      {
        col: 2,
        title: 'Competitor map: UK managed cloud providers',
        description:
          'Who sells managed private cloud to mid-size banks and public bodies? Price points, certifications (ISO 27001, Cyber Essentials Plus).',
        assignees: ['darius@klasteris.demo'],
        labels: ['Desk research'],
        due: 3,
        comments: [
          ['darius@klasteris.demo', 'First draft is in the shared folder, 42 providers so far.'],
          ['member@klasteris.demo', 'Please add G-Cloud 14 framework suppliers too.'],
        ],
      },
      {
        col: 1,
        title: 'Interview five UK fintechs about hosting needs',
        description: 'Questionnaire v2. Focus on data residency after Brexit and latency to EU customers.',
        assignees: ['member@klasteris.demo', 'laura@klasteris.demo'],
        labels: ['Interviews'],
        start: -5,
        due: 10,
        checklist: [
          ['Questionnaire approved', true],
          ['Fintech 1 (London)', true],
          ['Fintech 2 (Edinburgh)', false],
          ['Fintech 3 (Manchester)', false],
        ],
      },
      {
        col: 1,
        title: 'UK GDPR and data adequacy: what it means for Lithuanian data centres',
        assignees: ['laura@klasteris.demo'],
        labels: ['Desk research', 'Urgent'],
        due: 2,
      },
      { col: 0, title: 'Pricing benchmark: colocation per kW in London vs Vilnius', labels: ['Desk research'], due: 14 },
      {
        col: 0,
        title: 'Draft the UK chapter of the export offer',
        description: '## Outline\n1. Market size\n2. Segments we target\n3. Our joint offer\n4. Next steps',
        labels: ['Report'],
        due: 30,
      },
    ],
  ),
  marketStudy(
    'Germany',
    'study-de',
    'orgadmin@klasteris.demo',
    [
      ['member2@klasteris.demo', 'member'],
      ['ieva@klasteris.demo', 'member'],
      ['egle@klasteris.demo', 'observer'],
    ],
    'active',
    [
      { col: 3, title: 'Bitkom cloud monitor: key figures', assignees: ['ieva@klasteris.demo'], labels: ['Desk research'], due: -12 },
      {
        col: 1,
        title: 'C5 attestation requirements (BSI) for cloud suppliers',
        description: 'German public-sector buyers ask for BSI C5. Estimate effort and cost for Data House.',
        assignees: ['member2@klasteris.demo'],
        labels: ['Desk research', 'Urgent'],
        due: 5,
        checklist: [
          ['Read C5:2020 criteria', true],
          ['Gap analysis with Data House ISO 27001 scope', false],
          ['Quote from an auditor', false],
        ],
      },
      {
        col: 1,
        title: 'Interview Mittelstand IT managers at the Hannover partner event',
        assignees: ['orgadmin@klasteris.demo'],
        labels: ['Interviews'],
        start: 0,
        due: 12,
      },
      { col: 0, title: 'Sovereign cloud offers (Gaia-X, Delos) and where we fit', labels: ['Desk research'], due: 21 },
      { col: 0, title: 'German translation of the joint offer', labels: ['Report'], due: 45 },
    ],
  ),
  marketStudy(
    'France',
    'study-fr',
    'laura@klasteris.demo',
    [
      ['member@klasteris.demo', 'member'],
      ['andris@klasteris.demo', 'observer'],
    ],
    'proposed',
    [
      {
        col: 0,
        title: 'Scope the study and find a French partner cluster',
        description: 'Candidates: Systematic Paris-Region, Minalogic. Ask the Latvian partners what worked for them.',
        assignees: ['laura@klasteris.demo'],
        labels: ['Desk research'],
        due: 14,
        comments: [['laura@klasteris.demo', '@Andris Bērziņš could you share your contacts at Systematic?']],
      },
      { col: 0, title: 'SecNumCloud qualification: summary for members', labels: ['Desk research'], due: 28 },
      { col: 0, title: 'Budget and timeline proposal for the coordinator', labels: ['Report', 'Urgent'], due: 7 },
    ],
  ),
  {
    key: 'infra',
    name: 'Joint data-centre infrastructure',
    summary:
      'Shared racks, GPU capacity and test servers of Data House and Duomenų centras for members’ cloud services, with Vilnius University MIF as the research user.',
    status: 'active',
    owner: 'orgadmin2@klasteris.demo',
    members: [
      ['member2@klasteris.demo', 'owner'],
      ['jonas@klasteris.demo', 'member'],
      ['egle@klasteris.demo', 'member'],
      ['member@klasteris.demo', 'member'],
    ],
    labels: [
      ['Infrastructure', INFRA],
      ['Security', SECURITY],
      ['Research', RESEARCH],
      ['Urgent', URGENT],
    ],
    wipInProgress: 3,
    cards: [
      {
        col: 3,
        title: 'Cross-connect between Data House and Duomenų centras',
        description: '2 × 10 Gbit/s dark fibre, redundant paths. Tested and in production.',
        assignees: ['member2@klasteris.demo', 'jonas@klasteris.demo'],
        labels: ['Infrastructure'],
        due: -30,
      },
      {
        col: 2,
        title: 'Shared backup target for members (S3-compatible)',
        assignees: ['member2@klasteris.demo'],
        labels: ['Infrastructure'],
        due: 1,
        checklist: [
          ['MinIO cluster on 3 nodes', true],
          ['Object lock enabled', true],
          ['Pricing sheet', false],
        ],
      },
      {
        col: 1,
        title: 'GPU pool booking rules for research and members',
        description: 'Fair share between VU MIF courses and members’ model training. Bookings go through the portal.',
        assignees: ['jonas@klasteris.demo', 'egle@klasteris.demo'],
        labels: ['Research'],
        due: 6,
        comments: [
          ['egle@klasteris.demo', 'Course labs need 2 nodes on Thursday mornings all semester.'],
          ['jonas@klasteris.demo', 'Fine, I will reserve them as a recurring booking.'],
        ],
      },
      {
        col: 1,
        title: 'ISO 27001 scope extension to the shared racks',
        assignees: ['member2@klasteris.demo'],
        labels: ['Security', 'Urgent'],
        due: 4,
      },
      {
        col: 1,
        title: 'Kubernetes landing zone for members’ pilots',
        assignees: ['member@klasteris.demo', 'jonas@klasteris.demo'],
        labels: ['Infrastructure'],
        start: -3,
        due: 20,
      },
      {
        col: 1,
        title: 'Monitoring: shared Grafana for power and cooling',
        assignees: ['jonas@klasteris.demo'],
        labels: ['Infrastructure'],
        due: 9,
      },
      { col: 0, title: 'Disaster recovery drill between the two sites', labels: ['Security'], due: 35 },
      { col: 0, title: 'Student access to the test servers (VU MIF)', assignees: ['egle@klasteris.demo'], labels: ['Research'], due: 25 },
    ],
  },
  {
    key: 'presentations',
    name: 'International cluster presentations (Oman, Kazakhstan, Azerbaijan)',
    summary:
      'Presenting the cluster’s joint cloud offer to partners and buyers in Muscat, Almaty and Baku: materials, meetings and follow-up.',
    status: 'active',
    owner: 'coordinator@klasteris.demo',
    members: [
      ['admin@klasteris.demo', 'owner'],
      ['salim@klasteris.demo', 'member'],
      ['member@klasteris.demo', 'member'],
      ['andris@klasteris.demo', 'observer'],
    ],
    labels: [
      ['Oman', EVENT],
      ['Kazakhstan', RESEARCH],
      ['Azerbaijan', INTERVIEWS],
      ['Materials', REPORT],
    ],
    cards: [
      {
        col: 3,
        title: 'Muscat presentation with Muscat Digital Partners',
        description: 'Presented to 14 companies; 5 follow-up meetings requested.',
        assignees: ['salim@klasteris.demo', 'admin@klasteris.demo'],
        labels: ['Oman'],
        due: -40,
      },
      {
        col: 2,
        title: 'Follow-up offers to the Omani companies',
        assignees: ['salim@klasteris.demo'],
        labels: ['Oman'],
        due: 5,
        checklist: [
          ['Oman Data Park', true],
          ['Ministry e-services unit', false],
          ['Two banks', false],
        ],
      },
      {
        col: 1,
        title: 'Almaty: presentation programme and venue',
        assignees: ['admin@klasteris.demo'],
        labels: ['Kazakhstan'],
        start: -2,
        due: 15,
        comments: [['admin@klasteris.demo', 'Almaty Cloud Systems offered their office for the workshop.']],
      },
      { col: 1, title: 'Cluster brochure in English and Russian', assignees: ['member@klasteris.demo'], labels: ['Materials'], due: 8 },
      { col: 0, title: 'Baku: meetings with e-government agencies', labels: ['Azerbaijan'], due: 40 },
      { col: 0, title: 'Travel plan and budget for the three trips', assignees: ['admin@klasteris.demo'], labels: ['Materials'], due: 12 },
    ],
  },
];

const isoDay = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Seeds the demo projects with their boards when missing (by seed key); called by DemoSeeder. */
@Injectable()
export class DemoBoardsSeeder {
  constructor(
    private readonly projects: ProjectsService,
    private readonly projectsRepo: ProjectsRepository,
    private readonly members: ProjectMembersRepository,
    private readonly columns: ColumnsRepository,
    private readonly cards: CardsRepository,
    private readonly labels: LabelsRepository,
    private readonly comments: CommentsRepository,
    private readonly activity: ActivityService,
    private readonly users: UsersRepository,
  ) {}

  async seed(): Promise<number> {
    let added = 0;
    for (const p of DEMO_PROJECTS) {
      if (await this.projectsRepo.findBySeedKey(p.key)) continue;
      added += await this.seedProject(p);
    }
    return added;
  }

  /** Through the projects service for the project itself; straight into repositories for the rest (no notifications). */
  private async seedProject(p: DemoProject): Promise<number> {
    const owner = await this.actor(p.owner);
    if (!owner) return 0;
    const project = await this.projects.create(owner, { name: p.name, summary: p.summary, status: p.status, seedKey: p.key });
    const people = new Map<string, AuthUser>([[p.owner, owner]]);
    for (const [email, role] of p.members) {
      const u = await this.actor(email);
      if (!u || !(await this.members.add(project.id, u.id, role))) continue;
      people.set(email, u);
      await this.projectsRepo.incCounts(project.id, 1, role === 'owner' ? 1 : 0);
      if (u.organisationId) await this.projectsRepo.addOrganisation(project.id, u.organisationId);
    }
    const cols = await this.columns.list(project.id);
    if (p.wipInProgress && cols[1]) await this.columns.update(project.id, cols[1].id, { wipLimit: p.wipInProgress });
    const labelIds = new Map<string, string>();
    for (const [name, color] of p.labels) labelIds.set(name, (await this.labels.create(project.id, { name, color })).id);
    const ranks = initialRanks(p.cards.length);
    let n = 0;
    for (const [i, c] of p.cards.entries()) {
      const column = cols[c.col];
      if (!column) continue;
      const checklist: ChecklistItem[] = (c.checklist ?? []).map(([text, done]) => ({
        id: new Types.ObjectId().toHexString(),
        text,
        done,
      }));
      const card = await this.cards.create({
        projectId: project.id,
        columnId: column.id,
        rank: ranks[i]!,
        title: c.title,
        description: c.description ?? '',
        assigneeIds: (c.assignees ?? []).flatMap((e) => (people.get(e) ? [people.get(e)!.id] : [])),
        labelIds: (c.labels ?? []).flatMap((l) => (labelIds.get(l) ? [labelIds.get(l)!] : [])),
        startDate: c.start !== undefined ? isoDay(c.start) : null,
        dueDate: c.due !== undefined ? isoDay(c.due) : null,
        checklist,
        sourceMessage: null,
        createdBy: owner.id,
      });
      await this.activity.record({
        projectId: project.id,
        cardId: card.id,
        actor: owner,
        kind: 'card.created',
        data: { title: card.title, columnId: column.id },
      });
      for (const [email, body] of c.comments ?? []) {
        const author = people.get(email);
        if (!author) continue;
        await this.comments.create({
          projectId: project.id,
          cardId: card.id,
          authorId: author.id,
          authorName: author.displayName,
          body,
          mentions: [],
        });
        await this.cards.incComments(project.id, card.id, 1);
      }
      n++;
    }
    return 1 + n;
  }

  private async actor(email: string): Promise<AuthUser | null> {
    const u = await this.users.findByEmail(email);
    return u ? { id: u.id, sessionId: 'demo-seed', roles: u.roles, organisationId: u.organisationId, displayName: u.displayName } : null;
  }
}
