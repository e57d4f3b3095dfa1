import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { DEFAULT_TIME_ZONE, type Card } from '@klasteris/contracts';
import { ClusterLeaseService } from '../leases/cluster-lease.service';
import { OutboxService } from '../mail/outbox.service';
import type { CardDueItem } from '../mail/templates/cards';
import { ProjectMembersRepository } from '../projects/project-members.repository';
import { ProjectsRepository } from '../projects/projects.repository';
import type { UserRecord } from '../users/user.schema';
import { UsersRepository } from '../users/users.repository';
import { cardPath } from './card-path';
import { CardsRepository } from './cards.repository';
import { ColumnsRepository } from './columns.repository';
import { candidateDueDates, morningAt } from './morning-mails';

export const CARD_DUE_MAILS_LEASE = 'card-due-mails';
const EVERY_MS = 5 * 60_000;

/** The person's time zone for their morning mails (the profile's, Europe/Vilnius by default). */
const zoneOf = (user: UserRecord): string => user.timeZone || DEFAULT_TIME_ZONE;

/**
 * "Due tomorrow" and "overdue" at 08:00 in each person's time zone (morning-mails.ts). Every five
 * minutes, on the one node holding the `card-due-mails` cluster lease, the open cards due around
 * today are grouped by assignee; a person in their morning window gets one mail listing the cards
 * due tomorrow and one listing the cards that became overdue (due yesterday). Cards in the board's
 * last column (Done on the default boards) or archived are left out, and so are boards the person
 * is no longer a member of. The outbox key is the person and their local date, so however often
 * the job runs in the window, and on however many nodes, each person gets each mail once a day.
 */
@Injectable()
export class CardDueMails {
  private readonly logger = new Logger('CardDueMails');

  constructor(
    private readonly leases: ClusterLeaseService,
    private readonly cards: CardsRepository,
    private readonly columns: ColumnsRepository,
    private readonly projects: ProjectsRepository,
    private readonly members: ProjectMembersRepository,
    private readonly users: UsersRepository,
    private readonly outbox: OutboxService,
  ) {}

  @Interval(EVERY_MS)
  async tick(now = new Date()): Promise<void> {
    try {
      await this.leases.runExclusive(CARD_DUE_MAILS_LEASE, 2 * EVERY_MS, () => this.run(now).then(() => undefined));
    } catch (err) {
      if (!(err instanceof Error && /client was closed/i.test(err.message)))
        this.logger.warn(`Due-date mails failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /** Queues the morning mails due at `now`; returns how many were queued. */
  async run(now = new Date()): Promise<number> {
    const cards = await this.cards.assignedDueOn(candidateDueDates(now));
    if (cards.length === 0) return 0;
    const byUser = new Map<string, Card[]>();
    for (const c of cards) for (const u of c.assigneeIds) byUser.set(u, [...(byUser.get(u) ?? []), c]);
    const projectIds = [...new Set(cards.map((c) => c.projectId))];
    const names = new Map((await this.projects.findByIds(projectIds)).map((p) => [p.id, p.name]));
    const doneColumns = new Set<string>();
    for (const id of projectIds) {
      const cols = await this.columns.list(id, false);
      const last = cols[cols.length - 1];
      if (cols.length > 1 && last) doneColumns.add(last.id);
    }
    let queued = 0;
    for (const user of await this.users.findByIds([...byUser.keys()])) {
      if (user.status !== 'active') continue;
      const morning = morningAt(now, zoneOf(user));
      if (!morning) continue;
      const mine = (byUser.get(user.id) ?? []).filter((c) => !doneColumns.has(c.columnId) && names.has(c.projectId));
      const roles = await this.members.rolesOf(user.id, [...new Set(mine.map((c) => c.projectId))]);
      const open = mine.filter((c) => roles.has(c.projectId));
      const item = (c: Card): CardDueItem => ({
        title: c.title,
        projectName: names.get(c.projectId) ?? '',
        dueDate: c.dueDate ?? '',
        path: cardPath(c),
      });
      const due = open.filter((c) => c.dueDate === morning.tomorrow).map(item);
      const overdue = open.filter((c) => c.dueDate === morning.yesterday).map(item);
      const to = { email: user.email, name: user.displayName, userId: user.id };
      const key = `${user.id}:${morning.today}`;
      if (
        due.length > 0 &&
        (await this.outbox.enqueue({ kind: 'card.due_tomorrow', key, to, language: user.language, data: { cards: due } }))?.created
      )
        queued++;
      if (
        overdue.length > 0 &&
        (await this.outbox.enqueue({ kind: 'card.overdue', key, to, language: user.language, data: { cards: overdue } }))?.created
      )
        queued++;
    }
    return queued;
  }
}
