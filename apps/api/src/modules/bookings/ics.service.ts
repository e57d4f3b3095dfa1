import { HttpStatus, Injectable } from '@nestjs/common';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { createHash, randomBytes } from 'node:crypto';
import { ErrorCode } from '@klasteris/contracts';
import { ApiException } from '../../common/api-exception';
import type { AuthUser } from '../../common/auth-user';
import { AppConfig } from '../../config/app-config';
import { UsersRepository } from '../users/users.repository';
import { HOLDING_STATUSES, LeanBooking } from './booking.schema';
import { BookingsRepository } from './bookings.repository';
import { CalendarFeedRepository } from './calendar-feed.repository';
import { canManageResource } from './policy/access';
import { ResourcesService } from './resources.service';

const sha256 = (s: string): string => createHash('sha256').update(s).digest('base64url');
const TOKEN = /^[A-Za-z0-9_-]{40,64}$/;
const DAY = 86_400_000;

interface FeedEvent {
  booking: LeanBooking;
  summary: string;
  description: string | null;
}

/** iCalendar feeds (RFC 5545) with VTIMEZONE blocks; times are written in each resource's own zone. */
@Injectable()
export class IcsService {
  constructor(
    private readonly resources: ResourcesService,
    private readonly bookings: BookingsRepository,
    private readonly feeds: CalendarFeedRepository,
    private readonly users: UsersRepository,
    private readonly config: AppConfig,
  ) {}

  /** Creates (or replaces) the caller's private feed URL. */
  async createFeed(me: AuthUser): Promise<{ url: string }> {
    const token = randomBytes(32).toString('base64url');
    await this.feeds.rotate(me.id, sha256(token));
    return { url: `${this.config.publicUrl}/api/calendar/${token}.ics` };
  }

  revokeFeed(me: AuthUser): Promise<void> {
    return this.feeds.revoke(me.id);
  }

  /** The user behind a feed token, as a minimal viewer; 404 FEED_TOKEN_INVALID otherwise. */
  async viewerByToken(token: string): Promise<Pick<AuthUser, 'id' | 'roles' | 'organisationId'>> {
    const userId = TOKEN.test(token) ? await this.feeds.userIdByHash(sha256(token)) : null;
    const user = userId ? await this.users.findById(userId) : null;
    if (!user || user.status !== 'active')
      throw new ApiException(HttpStatus.NOT_FOUND, ErrorCode.FeedTokenInvalid, 'This calendar link is not valid');
    return { id: user.id, roles: user.roles, organisationId: user.organisationId };
  }

  /** A resource's bookings from 30 days back to a year ahead; purposes only where the viewer may see them. */
  async resourceCalendar(viewer: Pick<AuthUser, 'id' | 'roles' | 'organisationId'>, resourceId: string): Promise<string> {
    const r = await this.resources.load(resourceId);
    const now = Date.now();
    const rows = await this.bookings.inRange(resourceId, now - 30 * DAY, now + 365 * DAY, HOLDING_STATUSES);
    const manager = canManageResource(viewer, r.organisationId);
    const events = rows.map((b) => {
      const seePurpose =
        manager ||
        b.userId.toHexString() === viewer.id ||
        (viewer.organisationId !== null && b.organisationId?.toHexString() === viewer.organisationId);
      return {
        booking: b,
        summary: `${seePurpose ? b.purpose : 'Booked'}${b.organisationName ? ` (${b.organisationName})` : ''}${b.units > 1 ? ` ×${b.units}` : ''}`,
        description: seePurpose ? `Booked by ${b.userName}` : null,
      };
    });
    return this.render(`${r.name} — Klasteris`, r.timeZone, events, r.location);
  }

  private render(name: string, zone: string, events: FeedEvent[], location: string | null): string {
    const cal = ical({
      name,
      prodId: { company: 'Klasteris', product: 'Bookings', language: 'EN' },
      timezone: { name: zone, generator: getVtimezoneComponent },
    });
    for (const e of events) {
      const b = e.booking;
      cal.createEvent({
        id: `${b._id.toHexString()}@klasteris`,
        start: DateTime.fromJSDate(b.start, { zone: b.timeZone }),
        end: DateTime.fromJSDate(b.end, { zone: b.timeZone }),
        timezone: b.timeZone,
        stamp: b.updatedAt,
        summary: e.summary,
        description: e.description,
        location,
        status: b.status === 'confirmed' ? ICalEventStatus.CONFIRMED : ICalEventStatus.TENTATIVE,
        url: `${this.config.publicUrl}/infrastructure/bookings/${b._id.toHexString()}`,
      });
    }
    return cal.toString();
  }
}
