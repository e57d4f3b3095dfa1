import { Injectable } from '@nestjs/common';
import type { ApplicationCountryRow, ApplicationReport, ApplicationSourceRow, ApplicationTally } from '@klasteris/contracts';
import { ApplyInvitationsRepository } from './apply-invitations.repository';
import { ApplicationsRepository } from './applications.repository';

const empty = (): ApplicationTally => ({ applications: 0, pending: 0, approved: 0, rejected: 0 });

/**
 * What the cluster's events brought in: applications by source event (with the invitations to
 * apply sent from it) and by the applicant organisation's country, most first.
 */
@Injectable()
export class ApplicationReportService {
  constructor(
    private readonly applications: ApplicationsRepository,
    private readonly invitations: ApplyInvitationsRepository,
  ) {}

  async report(): Promise<ApplicationReport> {
    const [facts, invited] = await Promise.all([this.applications.facts(), this.invitations.countByEvent()]);
    const sources = new Map<string, ApplicationSourceRow>();
    const countries = new Map<string, ApplicationCountryRow>();
    const totals = { ...empty(), invited: 0 };
    const sourceRow = (eventId: string | null, title: string | null): ApplicationSourceRow => {
      const key = eventId ?? '';
      let row = sources.get(key);
      if (!row) sources.set(key, (row = { eventId, eventTitle: title, invited: 0, ...empty() }));
      return row;
    };
    for (const [eventId, i] of invited) {
      sourceRow(eventId, i.title).invited += i.invited;
      totals.invited += i.invited;
    }
    for (const f of facts) {
      const country = countries.get(f.country) ?? { country: f.country, ...empty() };
      countries.set(f.country, country);
      for (const t of [sourceRow(f.eventId, f.eventTitle), country, totals]) {
        t.applications++;
        t[f.status]++;
      }
    }
    const order = <T extends ApplicationTally>(a: T, b: T, ka: string, kb: string): number =>
      b.applications - a.applications || b.approved - a.approved || ka.localeCompare(kb);
    return {
      bySource: [...sources.values()].sort(
        (a, b) =>
          Number(a.eventId === null) - Number(b.eventId === null) ||
          b.applications - a.applications ||
          b.invited - a.invited ||
          (a.eventTitle ?? '').localeCompare(b.eventTitle ?? ''),
      ),
      byCountry: [...countries.values()].sort((a, b) => order(a, b, a.country, b.country)),
      totals,
    };
  }
}
