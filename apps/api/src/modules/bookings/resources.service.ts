import { HttpStatus, Injectable } from '@nestjs/common';
import {
  ErrorCode,
  type AvailabilityResponse,
  type BookingPolicy,
  type CalendarEntry,
  type FieldError,
  type Page,
  type Resource,
  type ResourceListQuery,
  type TimelineQuery,
  type TimelineRow,
} from '@klasteris/contracts';
import { ApiException, forbidden, notFound, validationFailed } from '../../common/api-exception';
import type { AuthUser } from '../../common/auth-user';
import { encodeCursor } from '../../common/pagination';
import { AuditService } from '../audit/audit.service';
import { OrganisationsRepository } from '../organisations/organisations.repository';
import { HOLDING_STATUSES, type StoredBookingStatus } from './booking.schema';
import { BookingsRepository } from './bookings.repository';
import { ClaimsRepository } from './claims.repository';
import type { CreateResourceDto, PolicyDto, UpdateResourceDto } from './dto/resources.dto';
import { canBookResource, canManageResource } from './policy/access';
import { blackoutSpans, openingSpans } from './policy/rules';
import { iso, isValidTimeZone, MINUTE, parseHm } from './policy/time';
import type { ResourceRecord } from './resource.schema';
import { ResourceCatalogue } from './resource-catalogue';
import { ResourcesRepository } from './resources.repository';
import { ResourceAudience } from './audience.service';

/** What calendars show: what holds time, and what already happened (a week view keeps Monday's meetings on Friday). */
const CALENDAR_STATUSES: StoredBookingStatus[] = [...HOLDING_STATUSES, 'completed'];

const MAX_WINDOW_DAYS = 62;

export function toResource(r: ResourceRecord, viewer: AuthUser, projectMember = false): Resource {
  const { nameKey: _nameKey, createdAt, ...rest } = r;
  return {
    ...rest,
    canBook: canBookResource(viewer, r, projectMember) && r.status === 'available',
    canManage: canManageResource(viewer, r.organisationId),
    createdAt: createdAt.toISOString(),
  };
}

/** A complete policy from the given parts over defaults (or the current policy), checked for consistency. */
export function buildPolicy(input: PolicyDto | undefined, capacity: number, base?: BookingPolicy): BookingPolicy {
  const slot = input?.slotMinutes ?? base?.slotMinutes ?? 60;
  const p: BookingPolicy = {
    openingHours: input?.openingHours ?? base?.openingHours ?? [],
    slotMinutes: slot,
    minDurationMinutes: input?.minDurationMinutes ?? base?.minDurationMinutes ?? Math.min(slot, 1440),
    maxDurationMinutes: input?.maxDurationMinutes ?? base?.maxDurationMinutes ?? (slot >= 1440 ? 7 * 1440 : 8 * 60),
    minNoticeMinutes: input?.minNoticeMinutes ?? base?.minNoticeMinutes ?? 0,
    maxAdvanceDays: input?.maxAdvanceDays ?? base?.maxAdvanceDays ?? 90,
    maxUnitsPerBooking: input?.maxUnitsPerBooking ?? base?.maxUnitsPerBooking ?? capacity,
    access: input?.access
      ? {
          mode: input.access.mode,
          organisationIds: input.access.organisationIds ?? [],
          projectId: input.access.mode === 'project' ? (input.access.projectId ?? null) : null,
          groupId: input.access.mode === 'group' ? (input.access.groupId ?? null) : null,
        }
      : (base?.access ?? { mode: 'all', organisationIds: [], projectId: null, groupId: null }),
    approval: input?.approval
      ? { required: input.approval.required, approvers: input.approval.approvers ?? base?.approval.approvers ?? 'owner_or_coordinator' }
      : (base?.approval ?? { required: false, approvers: 'owner_or_coordinator' }),
    quotaHoursPerMonth: input?.quotaHoursPerMonth !== undefined ? input.quotaHoursPerMonth : (base?.quotaHoursPerMonth ?? null),
    blackouts: (input?.blackouts ?? base?.blackouts ?? []).map((b) => ({ ...b, reason: b.reason ?? null })),
    checkIn: input?.checkIn ?? base?.checkIn ?? false,
  };
  const errors: FieldError[] = [];
  if (p.minDurationMinutes > p.maxDurationMinutes)
    errors.push({ field: 'policy.minDurationMinutes', message: 'must not exceed maxDurationMinutes' });
  if (p.access.mode === 'project' && !p.access.projectId)
    errors.push({ field: 'policy.access.projectId', message: 'is required for mode "project"' });
  if (p.access.mode === 'group' && !p.access.groupId)
    errors.push({ field: 'policy.access.groupId', message: 'is required for mode "group"' });
  p.openingHours.forEach((o, i) => {
    if ((parseHm(o.open) ?? 0) >= (parseHm(o.close) ?? 0))
      errors.push({ field: `policy.openingHours[${i}]`, message: 'must open before it closes' });
  });
  p.blackouts.forEach((b, i) => {
    const f = `policy.blackouts[${i}]`;
    if (b.kind === 'once' && !(b.start && b.end && Date.parse(b.start) < Date.parse(b.end)))
      errors.push({ field: f, message: 'a one-off blackout needs start before end' });
    if (b.kind === 'weekly' && !(b.weekday && b.from && b.to && (parseHm(b.from) ?? 0) < (parseHm(b.to) ?? 0)))
      errors.push({ field: f, message: 'a weekly blackout needs weekday and from before to' });
  });
  if (errors.length) throw validationFailed(errors);
  return p;
}

@Injectable()
export class ResourcesService {
  constructor(
    private readonly resources: ResourcesRepository,
    private readonly catalogue: ResourceCatalogue,
    private readonly organisations: OrganisationsRepository,
    private readonly bookings: BookingsRepository,
    private readonly claims: ClaimsRepository,
    private readonly audit: AuditService,
    private readonly audience: ResourceAudience,
  ) {}

  /** The catalogue: every member sees every resource (with canBook); "free" filters use the claims. */
  async list(me: AuthUser, q: ResourceListQuery & { limit: number }): Promise<Page<Resource>> {
    let excludeIds: string[] | undefined;
    if (q.freeFrom || q.freeTo) {
      const from = q.freeFrom ? Date.parse(q.freeFrom) : NaN;
      const to = q.freeTo ? Date.parse(q.freeTo) : NaN;
      if (!(to > from) || to - from > MAX_WINDOW_DAYS * 1440 * MINUTE)
        throw validationFailed([{ field: 'freeTo', message: `must follow freeFrom, at most ${MAX_WINDOW_DAYS} days later` }]);
      const busy = await this.claims.maxUsage(from, to);
      const caps = new Map((await this.resources.findByIds(busy.map((b) => b.resourceId))).map((r) => [r.id, r.capacity]));
      excludeIds = busy.filter((b) => b.maxUsed >= (caps.get(b.resourceId) ?? 1)).map((b) => b.resourceId);
    }
    const rows = await this.resources.search({ ...q, excludeIds, onlyAvailable: Boolean(q.freeFrom), limit: q.limit });
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    const member = await this.audience.membershipOf(me.id, page);
    return {
      items: page.map((r) => toResource(r, me, member(r))),
      nextCursor: rows.length > q.limit && last ? encodeCursor({ k: last.nameKey, id: last.id }) : null,
    };
  }

  async get(me: AuthUser, id: string): Promise<Resource> {
    const r = await this.load(id);
    return toResource(r, me, await this.audience.isMember(me.id, r));
  }

  async load(id: string): Promise<ResourceRecord> {
    const r = await this.resources.findById(id);
    if (!r) throw notFound('Resource');
    return r;
  }

  async create(me: AuthUser, dto: CreateResourceDto): Promise<Resource> {
    const organisationId = dto.organisationId ?? me.organisationId;
    if (!organisationId) throw validationFailed([{ field: 'organisationId', message: 'is required' }]);
    const org = await this.organisations.findById(organisationId);
    if (!org) throw validationFailed([{ field: 'organisationId', message: 'is not a known organisation' }]);
    if (!canManageResource(me, organisationId))
      throw forbidden('Only coordinators and admins of the owning organisation manage its resources');
    if (!isValidTimeZone(dto.timeZone))
      throw validationFailed([{ field: 'timeZone', message: 'must be an IANA time zone such as Europe/Vilnius' }]);
    const capacity = dto.capacity ?? 1;
    const policy = buildPolicy(dto.policy, capacity);
    await this.audience.assertExists(policy.access);
    const created = await this.resources.create({
      name: dto.name,
      type: dto.type,
      organisationId,
      organisationName: org.name,
      location: dto.location ?? null,
      description: dto.description ?? null,
      attributes: dto.attributes ?? [],
      capacity,
      timeZone: dto.timeZone,
      status: dto.status ?? 'available',
      policy,
    });
    await this.audit.record({
      actorId: me.id,
      action: 'resource.created',
      targetType: 'resource',
      targetId: created.id,
      scopeId: organisationId,
    });
    return toResource(created, me, await this.audience.isMember(me.id, created));
  }

  async update(me: AuthUser, id: string, dto: UpdateResourceDto): Promise<Resource> {
    const current = await this.load(id);
    if (!canManageResource(me, current.organisationId))
      throw forbidden('Only coordinators and admins of the owning organisation manage its resources');
    if (dto.capacity !== undefined && dto.capacity < current.capacity) {
      throw new ApiException(HttpStatus.CONFLICT, ErrorCode.Conflict, 'Capacity can only grow: units may already be booked', {
        fields: [{ field: 'capacity', message: `must be at least ${current.capacity}` }],
      });
    }
    const capacity = dto.capacity ?? current.capacity;
    const { policy: policyInput, ...rest } = dto;
    const policy = policyInput ? buildPolicy(policyInput, capacity, current.policy) : current.policy;
    await this.audience.assertExists(policyInput?.access);
    const updated = await this.resources.update(id, { ...rest, policy });
    if (!updated) throw new ApiException(HttpStatus.CONFLICT, ErrorCode.Conflict, 'The resource changed meanwhile; reload and try again');
    await this.audit.record({
      actorId: me.id,
      action: 'resource.updated',
      targetType: 'resource',
      targetId: id,
      scopeId: current.organisationId,
      after: { fields: Object.keys(dto) },
    });
    return toResource(updated, me, await this.audience.isMember(me.id, updated));
  }

  /**
   * The timeline of many resources: one page of resources (by name) with their busy segments in a
   * window of at most 14 days — the resources from this node's catalogue (ResourceCatalogue: one
   * counter read while it is current), the bookings from one indexed query; clients fetch pages as
   * rows scroll into view.
   */
  async timeline(me: AuthUser, q: TimelineQuery & { limit: number }): Promise<Page<TimelineRow>> {
    const from = Date.parse(q.from);
    const to = Date.parse(q.to);
    if (!(to > from) || to - from > 14 * 1440 * MINUTE)
      throw validationFailed([{ field: 'to', message: 'must follow from, at most 14 days later' }]);
    const search = { q: q.q, type: q.type, cursor: q.cursor, limit: q.limit };
    const rows = (await this.catalogue.page(search)) ?? (await this.resources.search(search));
    const page = rows.slice(0, q.limit);
    const bookings = await this.bookings.manyInRange(
      page.map((r) => r.id),
      from,
      to,
      CALENDAR_STATUSES,
    );
    const byResource = new Map<string, { start: number; end: number; units: number }[]>();
    for (const b of bookings) {
      const key = b.resourceId.toHexString();
      const list = byResource.get(key) ?? [];
      list.push({ start: Math.max(from, b.start.getTime()), end: Math.min(to, b.end.getTime()), units: b.units });
      byResource.set(key, list);
    }
    const last = page[page.length - 1];
    return {
      items: page.map((r) => ({
        resource: {
          id: r.id,
          name: r.name,
          type: r.type,
          capacity: r.capacity,
          timeZone: r.timeZone,
          organisationName: r.organisationName,
          status: r.status,
        },
        busy: usage(byResource.get(r.id) ?? []),
      })),
      nextCursor: rows.length > q.limit && last ? encodeCursor({ k: last.nameKey, id: last.id }) : null,
    };
  }

  /** Busy segments (units used), calendar entries without others' purposes, opening hours and blackouts. */
  async availability(me: AuthUser, id: string, fromIso: string, toIso: string): Promise<AvailabilityResponse> {
    const r = await this.load(id);
    const from = Date.parse(fromIso);
    const to = Date.parse(toIso);
    if (!(to > from) || to - from > MAX_WINDOW_DAYS * 1440 * MINUTE)
      throw validationFailed([{ field: 'to', message: `must follow from, at most ${MAX_WINDOW_DAYS} days later` }]);
    const rows = await this.bookings.inRange(id, from, to, CALENDAR_STATUSES);
    const manager = canManageResource(me, r.organisationId);
    const entries: CalendarEntry[] = rows.map((b) => {
      const mine = b.userId.toHexString() === me.id;
      const sameOrg = me.organisationId !== null && b.organisationId?.toHexString() === me.organisationId;
      return {
        id: b._id.toHexString(),
        start: b.start.toISOString(),
        end: b.end.toISOString(),
        units: b.units,
        status: b.status === 'held' ? 'held' : b.status === 'pending' ? 'pending' : 'confirmed',
        organisationName: b.organisationName ?? null,
        purpose: mine || sameOrg || manager ? b.purpose : null,
        mine,
      };
    });
    return {
      resourceId: id,
      timeZone: r.timeZone,
      capacity: r.capacity,
      from: iso(from),
      to: iso(to),
      busy: usage(rows.map((b) => ({ start: Math.max(from, b.start.getTime()), end: Math.min(to, b.end.getTime()), units: b.units }))),
      entries,
      openingHours: openingSpans(r.policy, r.timeZone, from, to).map((s) => ({
        start: iso(Math.max(from, s.start)),
        end: iso(Math.min(to, s.end)),
      })),
      blackouts: blackoutSpans(r.policy.blackouts, r.timeZone, from, to).map((b) => ({
        start: iso(b.start),
        end: iso(b.end),
        reason: b.reason,
      })),
    };
  }
}

/** Step function of units in use: segments with a constant, non-zero count. */
export function usage(items: { start: number; end: number; units: number }[]): { start: string; end: string; unitsUsed: number }[] {
  const edges = new Map<number, number>();
  for (const i of items) {
    edges.set(i.start, (edges.get(i.start) ?? 0) + i.units);
    edges.set(i.end, (edges.get(i.end) ?? 0) - i.units);
  }
  const times = [...edges.keys()].sort((a, b) => a - b);
  const out: { start: string; end: string; unitsUsed: number }[] = [];
  let used = 0;
  for (let k = 0; k < times.length - 1; k++) {
    used += edges.get(times[k]!)!;
    if (used > 0) {
      const prev = out[out.length - 1];
      if (prev && prev.unitsUsed === used && prev.end === iso(times[k]!)) prev.end = iso(times[k + 1]!);
      else out.push({ start: iso(times[k]!), end: iso(times[k + 1]!), unitsUsed: used });
    }
  }
  return out;
}
