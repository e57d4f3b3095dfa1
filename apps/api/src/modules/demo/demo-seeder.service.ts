import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { ApplicationsService } from '../applications/applications.service';
import { AuthService } from '../auth/auth.service';
import { OrganisationsRepository } from '../organisations/organisations.repository';
import { UsersRepository } from '../users/users.repository';
import { DemoBoardsSeeder } from './demo-boards';
import { DemoChatSeeder } from './demo-chat';
import { DemoEventsSeeder } from './demo-events';
import { DemoGroupsSeeder } from './demo-groups';
import { DemoBookingsSeeder } from './demo-bookings';
import { DEMO_APPLICATIONS, DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_USERS } from './demo-data';

/** In demo mode, fills the database with the demo cluster. Idempotent: only what is missing is added. */
@Injectable()
export class DemoSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('Demo');

  constructor(
    private readonly config: AppConfig,
    private readonly organisations: OrganisationsRepository,
    private readonly users: UsersRepository,
    private readonly auth: AuthService,
    private readonly applications: ApplicationsService,
    private readonly bookingsDemo: DemoBookingsSeeder,
    private readonly boardsDemo: DemoBoardsSeeder,
    private readonly chatDemo: DemoChatSeeder,
    private readonly groupsDemo: DemoGroupsSeeder,
    private readonly eventsDemo: DemoEventsSeeder,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.isDemo) return;
    const added =
      (await this.seed()) +
      (await this.bookingsDemo.seed()) +
      (await this.boardsDemo.seed()) +
      (await this.chatDemo.seed()) +
      (await this.groupsDemo.seed()) +
      (await this.bookingsDemo.seedGroupResources()) +
      (await this.eventsDemo.seed());
    if (added > 0) this.logger.log(`Seeded ${added} demo records`);
  }

  async seed(): Promise<number> {
    let added = 0;
    const orgIds = new Map<string, { id: string; name: string }>();
    for (const o of DEMO_ORGANISATIONS) {
      const { key, membershipStatus, joinedAt, ...input } = o;
      let existing = (await this.organisations.search({ q: input.name, statuses: [membershipStatus], limit: 5 })).find(
        (r) => r.name === input.name,
      );
      if (!existing) {
        existing = await this.organisations.create(input, membershipStatus, new Date(joinedAt));
        added++;
      }
      orgIds.set(key, { id: existing.id, name: existing.name });
    }
    for (const u of DEMO_USERS) {
      if (await this.users.findByEmail(u.email)) continue;
      const org = u.org ? orgIds.get(u.org) : undefined;
      const created = await this.auth.createUser({
        email: u.email,
        password: DEMO_PASSWORD,
        displayName: u.displayName,
        organisationId: org?.id ?? null,
        organisationName: org?.name ?? null,
        status: 'active',
        roles: u.roles,
        title: u.title,
      });
      await this.users.updateProfile(created.id, { expertise: u.expertise });
      added++;
    }
    for (const a of DEMO_APPLICATIONS) {
      if (await this.users.findByEmail(a.contact.email)) continue;
      await this.applications.submit({
        organisation: a.organisation,
        contact: { ...a.contact, password: DEMO_PASSWORD },
        motivation: a.motivation,
      });
      added++;
    }
    return added;
  }
}
