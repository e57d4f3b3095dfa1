import { HttpStatus, Injectable } from '@nestjs/common';
import { Types } from 'mongoose';
import {
  ErrorCode,
  type Booking,
  type CreateBookingRequest,
  type CreateBookingResponse,
  type Page,
  type SkippedOccurrence,
} from '@klasteris/contracts';
import { ApiException, forbidden, notFound } from '../../common/api-exception';
import { AuthUser, isStaff } from '../../common/auth-user';
import { encodeCursor, toPage } from '../../common/pagination';
import { UsersRepository } from '../users/users.repository';
import { HOLDING_STATUSES, type LeanBooking } from './booking.schema';
import { BookingEffects, quotaKey } from './booking-effects.service';
import { BookingMails } from './booking-mails.service';
import { bookingConflict, ruleViolated, toIntervals } from './booking-errors';
import { BookingsRepository, toBooking } from './bookings.repository';
import { ClaimsService } from './claims.service';
import { approvalSteps, canApproveStep, canBookResource, canManageResource } from './policy/access';
import { occurrences } from './policy/recurrence';
import { evaluateBooking, quotaCharges, quotaViolation, RuleViolation } from './policy/rules';
import type { Span } from './policy/time';
import type { ResourceRecord } from './resource.schema';
import { ResourcesRepository } from './resources.repository';
import { ProjectLinks } from './project-links.service';
import { ResourceAudience } from './audience.service';

export interface Requester {
  id: string;
  name: string;
  organisationId: string | null;
  organisationName: string | null;
}

export type Outcome = { ok: true; booking: LeanBooking } | { ok: false; conflicts: Span[] } | { ok: false; violation: RuleViolation };

/**
 * Booking requests. How capacity is guaranteed without transactions is explained in ClaimsService:
 * a request is stored as `claiming`, claims its (slot, unit) steps under a unique index, charges its
 * organisation's monthly quota with a conditional $inc, and only then becomes pending or confirmed.
 * Anything that fails on the way is undone in reverse order and the request ends as `failed`.
 */
@Injectable()
export class BookingsService {
  constructor(
    private readonly resources: ResourcesRepository,
    private readonly bookings: BookingsRepository,
    private readonly claimsService: ClaimsService,
    private readonly users: UsersRepository,
    private readonly effects: BookingEffects,
    private readonly projects: ProjectLinks,
    private readonly audience: ResourceAudience,
    private readonly mails: BookingMails,
  ) {}

  async create(me: AuthUser, req: CreateBookingRequest): Promise<CreateBookingResponse> {
    const resource = await this.resources.findById(req.resourceId);
    if (!resource) throw notFound('Resource');
    if (!canBookResource(me, resource, await this.audience.isMember(me.id, resource))) throw forbidden('You may not book this resource');
    const link = await this.projects.link(me, req.projectId, req.cardId);
    req = { ...req, ...(link.projectId ? { projectId: link.projectId } : {}), ...(link.cardId ? { cardId: link.cardId } : {}) };
    const first = { start: Date.parse(req.start), end: Date.parse(req.end) };
    const units = req.units ?? 1;
    const requester = await this.requesterOf(me);

    if (!req.recurrence) {
      const out = await this.bookOne(resource, requester, first, units, req, null, null);
      if (!out.ok) throw 'violation' in out ? ruleViolated(out.violation) : bookingConflict(out.conflicts);
      await this.projects.attachToCard(link, [out.booking._id.toHexString()]);
      await this.announceNew(resource, out.booking);
      return { booking: this.toPublic([out.booking])[0]! };
    }

    // Recurring: every occurrence is checked and booked on its own; "none" undoes the lot on any failure.
    const spans = occurrences(first, resource.timeZone, req.recurrence);
    const seriesId = new Types.ObjectId().toHexString();
    const booked: LeanBooking[] = [];
    const skipped: SkippedOccurrence[] = [];
    for (const [i, span] of spans.entries()) {
      const out = await this.bookOne(resource, requester, span, units, req, seriesId, i);
      if (out.ok) booked.push(out.booking);
      else
        skipped.push({
          start: new Date(span.start).toISOString(),
          end: new Date(span.end).toISOString(),
          ...('violation' in out
            ? { code: ErrorCode.BookingRuleViolated, rule: out.violation.rule }
            : { code: ErrorCode.BookingConflict, conflicts: toIntervals(out.conflicts) }),
        });
    }
    if (skipped.length > 0 && (req.onConflict ?? 'none') === 'none') {
      for (const b of booked) {
        const undone = await this.bookings.transition(b._id.toHexString(), ['pending', 'confirmed'], { status: 'failed' });
        if (undone) await this.effects.release(undone);
      }
      const firstRule = skipped.find((s) => s.rule);
      if (skipped.every((s) => s.code === ErrorCode.BookingRuleViolated) && firstRule?.rule) {
        throw ruleViolated(
          { rule: firstRule.rule, message: `${skipped.length} of ${spans.length} occurrences break the booking rules; nothing was booked` },
          { occurrences: skipped },
        );
      }
      throw bookingConflict(
        skipped.flatMap((s) => (s.conflicts ?? []).map((c) => ({ start: Date.parse(c.start), end: Date.parse(c.end) }))),
        { occurrences: skipped },
      );
    }
    if (booked.length === 0) throw bookingConflict([], { occurrences: skipped });
    await this.projects.attachToCard(
      link,
      booked.map((b) => b._id.toHexString()),
    );
    await this.announceNew(resource, booked[0]!, booked.length);
    const pub = this.toPublic(booked);
    return { booking: pub[0]!, bookings: pub, skipped };
  }

  /** One occurrence: rules, claims, quota, then the conditional step to pending/confirmed. */
  async requesterOf(me: AuthUser): Promise<Requester> {
    const user = await this.users.findById(me.id);
    return {
      id: me.id,
      name: user?.displayName ?? me.displayName,
      organisationId: me.organisationId,
      organisationName: user?.organisationName ?? null,
    };
  }

  async bookOne(
    resource: ResourceRecord,
    requester: Requester,
    span: Span,
    units: number,
    req: Pick<CreateBookingRequest, 'purpose' | 'projectId' | 'cardId'>,
    seriesId: string | null,
    seriesIndex: number | null,
    hold?: { entryId: string; expiresAt: Date },
    /** the clock the rules are read against: now, except for the demo seed's bookings earlier this week */
    now = Date.now(),
  ): Promise<Outcome> {
    const violation = evaluateBooking({ ...span, units }, resource, now);
    if (violation) return { ok: false, violation };
    const draft = await this.bookings.createClaiming({
      resourceId: resource.id,
      resourceName: resource.name,
      resourceOrganisationId: resource.organisationId,
      timeZone: resource.timeZone,
      userId: requester.id,
      userName: requester.name,
      organisationId: requester.organisationId,
      organisationName: requester.organisationName,
      start: span.start,
      end: span.end,
      units,
      purpose: req.purpose,
      projectId: req.projectId ?? null,
      cardId: req.cardId ?? null,
      approvalSteps: resource.policy.approval.required ? approvalSteps(resource.policy.approval.approvers) : 0,
      seriesId,
      seriesIndex,
      waitlistEntryId: hold?.entryId ?? null,
    });
    const id = draft._id.toHexString();
    const fail = async (): Promise<void> => {
      await this.bookings.transition(id, ['claiming'], { status: 'failed' });
      await this.claimsService.release(id);
    };
    const claimed = await this.claimsService.claimTime(
      { id, resourceId: resource.id, start: span.start, end: span.end, units },
      resource.capacity,
    );
    if (!claimed.ok) {
      // The claim loop already removed whatever it inserted: only the status is left to settle.
      await this.bookings.transition(id, ['claiming'], { status: 'failed' });
      return { ok: false, conflicts: claimed.conflicts };
    }
    const quota = resource.policy.quotaHoursPerMonth;
    if (quota !== null) {
      for (const c of quotaCharges({ ...span, units }, resource.timeZone)) {
        if (!(await this.claimsService.claimQuota(id, resource.id, quotaKey(draft), c.month, c.minutes, quota * 60))) {
          await fail();
          return { ok: false, violation: quotaViolation(quota, c.month) };
        }
      }
    }
    const status = hold ? 'held' : resource.policy.approval.required ? 'pending' : 'confirmed';
    const booking = await this.bookings.transition(id, ['claiming'], { status, holdExpiresAt: hold?.expiresAt ?? null });
    if (!booking) {
      // Reaped as stale while we worked (a very slow request): give everything back.
      await this.claimsService.release(id);
      throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.ServiceUnavailable, 'The request took too long; please try again');
    }
    return { ok: true, booking };
  }

  private async announceNew(resource: ResourceRecord, b: LeanBooking, count = 1): Promise<void> {
    if (b.status === 'pending') {
      const approvers = (await this.effects.approverIds(resource, resource.policy.approval.approvers, 0)).filter(
        (u) => u !== b.userId.toHexString(),
      );
      await this.effects.tell(approvers, b, resource.name, {
        what: 'requested',
        requester: b.userName,
        purpose: b.purpose,
        occurrences: count,
        afterOwner: false,
      });
      this.effects.changed(b, approvers);
      await this.mails.requested(resource, b, approvers, count);
    } else {
      this.effects.changed(b);
    }
  }

  /** A booking the caller may see: their own, or one they manage or approve; 404 otherwise. */
  async get(me: AuthUser, id: string): Promise<Booking> {
    const { booking } = await this.visible(me, id);
    return this.toPublic([booking])[0]!;
  }

  async visible(me: AuthUser, id: string): Promise<{ booking: LeanBooking; resource: ResourceRecord }> {
    const booking = await this.bookings.findById(id);
    if (!booking || booking.status === 'claiming' || booking.status === 'failed') throw notFound('Booking');
    const resource = await this.resources.findById(booking.resourceId.toHexString());
    if (!resource) throw notFound('Booking');
    const mine = booking.userId.toHexString() === me.id;
    const approver = [0, 1].some((step) =>
      canApproveStep(me, resource.policy.approval.approvers, step, resource.organisationId, booking.userId.toHexString()),
    );
    if (!mine && !approver && !canManageResource(me, resource.organisationId)) throw notFound('Booking');
    return { booking, resource };
  }

  async listMine(me: AuthUser, q: { status?: Booking['status']; from?: string; cursor?: string; limit: number }): Promise<Page<Booking>> {
    const rows = await this.bookings.listForUser(me.id, {
      status: q.status,
      from: q.from ? Date.parse(q.from) : undefined,
      cursor: q.cursor,
      limit: q.limit,
    });
    return toPage(
      rows.map((r) => ({ ...toBooking(r), id: r._id.toHexString() })),
      q.limit,
      (b) => Date.parse(b.start),
      (b) => b,
    );
  }

  /** My bookings that hold (or held) their time, overlapping [from, to), by start (My calendar, the personal feed); completed ones stay. */
  async mineBetween(userId: string, from: Date, to: Date): Promise<Booking[]> {
    const rows = await this.bookings.forUserBetween(userId, from, to, [...HOLDING_STATUSES, 'completed']);
    return rows.map((r) => ({ ...toBooking(r), id: r._id.toHexString() }));
  }

  /** Pending requests the caller may decide now: staff see every resource, org admins their organisation's. */
  async approvalQueue(me: AuthUser, cursor: string | undefined, limit: number): Promise<Page<Booking>> {
    const staff = isStaff(me);
    if (!staff && !(me.roles.includes('org_admin') && me.organisationId)) return { items: [], nextCursor: null };
    const resourceIds = staff ? null : await this.resources.idsOwnedBy([me.organisationId!]);
    const scan = limit * 3;
    const rows = await this.bookings.listPending(resourceIds, cursor, scan);
    const examined = rows.slice(0, scan);
    const resources = new Map(
      (await this.resources.findByIds([...new Set(examined.map((r) => r.resourceId.toHexString()))])).map((r) => [r.id, r]),
    );
    const actionable = examined.filter((b) => {
      const r = resources.get(b.resourceId.toHexString());
      return r !== undefined && canApproveStep(me, r.policy.approval.approvers, b.approvalStep, r.organisationId, b.userId.toHexString());
    });
    const items = actionable.slice(0, limit);
    const lastSeen = actionable.length > limit ? items[items.length - 1] : rows.length > scan ? examined[examined.length - 1] : undefined;
    return {
      items: items.map(toBooking),
      nextCursor: lastSeen ? encodeCursor({ k: lastSeen.createdAt.getTime(), id: lastSeen._id.toHexString() }) : null,
    };
  }

  async forProject(me: AuthUser, projectId: string): Promise<Booking[]> {
    await this.projects.requireMember(me, projectId);
    return (await this.bookings.forProject(projectId, new Date(Date.now() - 86_400_000), 100)).map(toBooking);
  }

  /** Every booking linked to a card (cancelled and rejected too), by start; members of the card's project only (404 otherwise). */
  async forCard(me: AuthUser, cardId: string, q: { cursor?: string; limit: number }): Promise<Page<Booking>> {
    await this.projects.requireCardReader(me, cardId);
    const rows = await this.bookings.listForCard(cardId, q);
    return toPage(
      rows.map((r) => ({ ...toBooking(r), id: r._id.toHexString() })),
      q.limit,
      (b) => Date.parse(b.start),
      (b) => b,
    );
  }

  toPublic(rows: LeanBooking[]): Booking[] {
    return rows.map(toBooking);
  }
}
