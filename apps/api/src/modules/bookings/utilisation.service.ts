import { Injectable } from '@nestjs/common';
import type { UtilisationResponse, UtilisationRow } from '@klasteris/contracts';
import { forbidden } from '../../common/api-exception';
import { AuthUser, isStaff } from '../../common/auth-user';
import type { LeanBooking } from './booking.schema';
import { BookingsRepository } from './bookings.repository';
import { blackoutSpans, openingSpans } from './policy/rules';
import { mergeSpans, monthSpan, Span } from './policy/time';
import type { ResourceRecord } from './resource.schema';
import { ResourcesRepository } from './resources.repository';
import { csvCell } from '../../common/csv';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const round1 = (n: number): number => Math.round(n * 10) / 10;

/** Length of `spans` minus `holes`, clipped to `window`. */
function openMs(spans: Span[], holes: Span[], window: Span): number {
  let total = 0;
  for (const s of mergeSpans(spans)) {
    const a = Math.max(s.start, window.start);
    const b = Math.min(s.end, window.end);
    if (b <= a) continue;
    total += b - a;
    for (const h of mergeSpans(holes)) total -= Math.max(0, Math.min(b, h.end) - Math.max(a, h.start));
  }
  return total;
}

/**
 * Fair-use figures per resource, organisation and month (in each resource's zone): unit-hours booked
 * (pending, confirmed, completed) against unit-hours open, and how long approvals took.
 */
@Injectable()
export class UtilisationService {
  constructor(
    private readonly resources: ResourcesRepository,
    private readonly bookings: BookingsRepository,
  ) {}

  async report(me: AuthUser, month: string, resourceId?: string): Promise<UtilisationResponse> {
    const staff = isStaff(me);
    if (!staff && !(me.roles.includes('org_admin') && me.organisationId))
      throw forbidden('Only coordinators and organisation admins see utilisation');
    const utc = monthSpan(month, 'UTC');
    const rows = await this.bookings.forUtilisation(new Date(utc.start - DAY), new Date(utc.end + DAY), resourceId);
    const ids = [...new Set([...rows.map((b) => b.resourceId.toHexString()), ...(resourceId ? [resourceId] : [])])];
    const resources = (await this.resources.findByIds(ids)).filter((r) => staff || r.organisationId === me.organisationId);
    const out: UtilisationRow[] = [];
    for (const r of resources.sort((a, b) => a.nameKey.localeCompare(b.nameKey))) {
      const span = monthSpan(month, r.timeZone);
      const available =
        (r.capacity *
          openMs(
            openingSpans(r.policy, r.timeZone, span.start, span.end),
            blackoutSpans(r.policy.blackouts, r.timeZone, span.start, span.end),
            span,
          )) /
        HOUR;
      const byOrg = new Map<string, LeanBooking[]>();
      for (const b of rows) {
        if (b.resourceId.toHexString() !== r.id || b.start.getTime() >= span.end || b.end.getTime() <= span.start) continue;
        const key = b.organisationId?.toHexString() ?? '';
        byOrg.set(key, [...(byOrg.get(key) ?? []), b]);
      }
      for (const list of byOrg.values()) out.push(this.row(r, month, span, available, list));
    }
    return { month, rows: out };
  }

  private row(r: ResourceRecord, month: string, span: Span, available: number, list: LeanBooking[]): UtilisationRow {
    const holding = list.filter((b) => b.status === 'pending' || b.status === 'confirmed' || b.status === 'completed');
    const booked = holding.reduce(
      (sum, b) => sum + (b.units * (Math.min(b.end.getTime(), span.end) - Math.max(b.start.getTime(), span.start))) / HOUR,
      0,
    );
    const decided = list.filter(
      (b) => b.approvalSteps > 0 && b.decidedAt && (b.status === 'confirmed' || b.status === 'rejected' || b.status === 'completed'),
    );
    const mean = decided.length
      ? decided.reduce((s, b) => s + (b.decidedAt!.getTime() - b.createdAt.getTime()), 0) / decided.length / HOUR
      : null;
    return {
      resourceId: r.id,
      resourceName: r.name,
      organisationId: list[0]!.organisationId?.toHexString() ?? null,
      organisationName: list[0]!.organisationName ?? null,
      month,
      bookedHours: round1(booked),
      availableHours: round1(available),
      bookings: holding.length,
      meanApprovalHours: mean === null ? null : round1(mean),
      noShows: r.policy.checkIn
        ? holding.filter((b) => b.end.getTime() <= Date.now() && (b.status === 'confirmed' || b.status === 'completed') && !b.checkedInAt)
            .length
        : null,
    };
  }
}

/** RFC 4180 CSV of a report, formulas neutralised (csvCell). */
export function utilisationCsv(report: UtilisationResponse): string {
  const head = [
    'month',
    'resource',
    'organisation',
    'booked_hours',
    'available_hours',
    'share_percent',
    'bookings',
    'mean_approval_hours',
    'no_shows',
  ];
  const lines = report.rows.map((r) =>
    [
      r.month,
      r.resourceName,
      r.organisationName ?? '',
      r.bookedHours,
      r.availableHours,
      r.availableHours ? round1((100 * r.bookedHours) / r.availableHours) : '',
      r.bookings,
      r.meanApprovalHours ?? '',
      r.noShows ?? '',
    ]
      .map(csvCell)
      .join(','),
  );
  return [head.join(','), ...lines].join('\r\n') + '\r\n';
}
