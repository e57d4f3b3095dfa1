import { HttpStatus, Injectable } from '@nestjs/common';
import {
  ErrorCode,
  type ClusterSummary,
  type MembershipStatus,
  type Organisation,
  type Page,
  type PersonSummary,
} from '@klasteris/contracts';
import { ApiException, forbidden, notFound } from '../../common/api-exception';
import { AuthUser, canAdministerOrganisation, isStaff } from '../../common/auth-user';
import { encodeCursor } from '../../common/pagination';
import { AuditService } from '../audit/audit.service';
import { toPerson } from '../users/user.mapper';
import { UsersRepository } from '../users/users.repository';
import type { UpdateOrganisationDto } from './dto/organisations.dto';
import { toOrganisation } from './organisation.mapper';
import type { OrganisationRecord } from './organisation.schema';
import { OrganisationSearch, OrganisationsRepository } from './organisations.repository';

const PUBLIC_STATUSES: MembershipStatus[] = ['member', 'partner', 'former'];

export const nameTaken = (): ApiException =>
  new ApiException(HttpStatus.CONFLICT, ErrorCode.OrganisationNameTaken, 'An organisation with this name already exists', {
    fields: [{ field: 'name', message: 'is already registered' }],
  });

@Injectable()
export class OrganisationsService {
  constructor(
    private readonly organisations: OrganisationsRepository,
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
  ) {}

  /** The directory: applicants are visible to cluster staff only. */
  async list(
    viewer: AuthUser | undefined,
    q: Omit<OrganisationSearch, 'statuses'> & { membershipStatus?: MembershipStatus },
  ): Promise<Page<Organisation>> {
    const staff = viewer !== undefined && isStaff(viewer);
    const allowed: MembershipStatus[] = staff ? [...PUBLIC_STATUSES, 'applicant'] : PUBLIC_STATUSES;
    const statuses = q.membershipStatus ? allowed.filter((s) => s === q.membershipStatus) : allowed.filter((s) => s !== 'applicant');
    const rows = await this.organisations.search({ ...q, statuses });
    const page = rows.slice(0, q.limit);
    const counts = await this.users.countByOrganisation(page.map((o) => o.id));
    const last = page[page.length - 1];
    return {
      items: page.map((o) => toOrganisation(o, counts.get(o.id) ?? 0)),
      nextCursor: rows.length > q.limit && last ? encodeCursor({ k: last.nameKey, id: last.id }) : null,
    };
  }

  /** The cluster at a glance (public): how many members and partners, from where, and a few of them. */
  async summary(): Promise<ClusterSummary> {
    const roster = await this.organisations.roster();
    const byCountry = new Map<string, number>();
    for (const o of roster) byCountry.set(o.country, (byCountry.get(o.country) ?? 0) + 1);
    const countries = [...byCountry.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([c]) => c);
    const since = (o: OrganisationRecord): number => o.joinedAt?.getTime() ?? Number.MAX_SAFE_INTEGER;
    const rank = (o: OrganisationRecord): number => (o.membershipStatus === 'member' ? 0 : 1);
    const sample = [...roster].sort((a, b) => rank(a) - rank(b) || since(a) - since(b) || a.nameKey.localeCompare(b.nameKey)).slice(0, 12);
    return {
      members: roster.filter((o) => o.membershipStatus === 'member').length,
      partners: roster.filter((o) => o.membershipStatus === 'partner').length,
      countries,
      organisations: sample.map((o) => ({
        id: o.id,
        name: o.name,
        type: o.type,
        country: o.country,
        membershipStatus: o.membershipStatus === 'member' ? 'member' : 'partner',
      })),
    };
  }

  async get(viewer: AuthUser | undefined, id: string): Promise<Organisation> {
    const org = await this.visible(viewer, id);
    const counts = await this.users.countByOrganisation([org.id]);
    return toOrganisation(org, counts.get(org.id) ?? 0);
  }

  async update(me: AuthUser, id: string, patch: UpdateOrganisationDto): Promise<Organisation> {
    const org = await this.organisations.findById(id);
    if (!org) throw notFound('Organisation');
    const staff = isStaff(me);
    if (!staff && !canAdministerOrganisation(me, id)) throw forbidden();
    if (patch.membershipStatus !== undefined && !staff) throw forbidden('Only coordinators change membership status');
    if (patch.name && (await this.organisations.nameTaken(patch.name, id))) throw nameTaken();
    const joinedAt = patch.membershipStatus === 'member' && !org.joinedAt ? new Date() : org.joinedAt;
    const updated = await this.organisations.update(id, { ...patch, joinedAt });
    if (!updated) throw notFound('Organisation');
    if (patch.name && patch.name !== org.name) await this.users.renameOrganisation(id, patch.name);
    await this.audit.record({
      actorId: me.id,
      action: 'organisation.updated',
      targetType: 'organisation',
      targetId: id,
      scopeId: id,
      before: pick(org, Object.keys(patch)),
      after: pick(updated, Object.keys(patch)),
    });
    return toOrganisation(updated);
  }

  async people(
    viewer: AuthUser,
    q: { q?: string; country?: string; expertise?: string; organisationId?: string; cursor?: string; limit: number },
  ): Promise<Page<PersonSummary>> {
    let organisationIds: string[] | undefined;
    if (q.organisationId) await this.visible(viewer, q.organisationId);
    else if (q.country) {
      organisationIds = (
        await this.organisations.search({ country: q.country, statuses: [...PUBLIC_STATUSES, 'applicant'], limit: 1000 })
      ).map((o) => o.id);
    }
    const rows = await this.users.search({
      q: q.q,
      expertise: q.expertise,
      status: 'active',
      organisationId: q.organisationId,
      organisationIds,
      cursor: q.cursor,
      limit: q.limit,
    });
    const page = rows.slice(0, q.limit);
    const orgs = new Map(
      (await this.organisations.findByIds([...new Set(page.flatMap((u) => (u.organisationId ? [u.organisationId] : [])))])).map((o) => [
        o.id,
        o,
      ]),
    );
    const last = page[page.length - 1];
    return {
      items: page.map((u) => toPerson(u, u.organisationId ? (orgs.get(u.organisationId)?.country ?? null) : null)),
      nextCursor: rows.length > q.limit && last ? encodeCursor({ k: last.displayName, id: last.id }) : null,
    };
  }

  /** People by id in one query each for people and organisations; pending sign-ups are left out. */
  async lookupPeople(ids: string[]): Promise<PersonSummary[]> {
    const users = (await this.users.findByIds(ids)).filter((u) => u.status !== 'pending');
    const orgs = new Map(
      (await this.organisations.findByIds([...new Set(users.flatMap((u) => (u.organisationId ? [u.organisationId] : [])))])).map((o) => [
        o.id,
        o,
      ]),
    );
    return users.map((u) => toPerson(u, u.organisationId ? (orgs.get(u.organisationId)?.country ?? null) : null));
  }

  /** An organisation the viewer may know about, or 404. */
  private async visible(viewer: AuthUser | undefined, id: string): Promise<OrganisationRecord> {
    const org = await this.organisations.findById(id);
    if (!org) throw notFound('Organisation');
    if (org.membershipStatus === 'applicant' && !(viewer && (isStaff(viewer) || viewer.organisationId === id)))
      throw notFound('Organisation');
    return org;
  }
}

function pick(o: object, keys: string[]): Record<string, unknown> {
  const src = o as Record<string, unknown>;
  return Object.fromEntries(keys.filter((k) => k in src).map((k) => [k, src[k]]));
}
