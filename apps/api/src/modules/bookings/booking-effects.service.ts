import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { ApproverMode, NotificationKind } from '@klasteris/contracts';
import { NotificationsService } from '../notifications/notifications.service';
import { UsersRepository } from '../users/users.repository';
import type { LeanBooking } from './booking.schema';
import { BookingChangedEvent } from './bookings.events';
import { toBooking } from './bookings.repository';
import { ClaimsService } from './claims.service';
import type { ResourceRecord } from './resource.schema';
import { localTime } from './policy/time';

export const quotaKey = (b: { organisationId: { toHexString(): string } | null; userId: { toHexString(): string } }): string =>
  b.organisationId ? b.organisationId.toHexString() : `user:${b.userId.toHexString()}`;

/** What follows a booking change: releasing what it held, telling the people concerned. */
@Injectable()
export class BookingEffects {
  constructor(
    private readonly claimsService: ClaimsService,
    private readonly users: UsersRepository,
    private readonly notifications: NotificationsService,
    private readonly events: EventEmitter2,
  ) {}

  /** Gives back the time and the quota of a booking that no longer holds them (after its status changed). */
  async release(b: LeanBooking): Promise<void> {
    await this.claimsService.release(b._id.toHexString());
  }

  /** Users who may give approval number `step` under the resource's policy. */
  async approverIds(resource: Pick<ResourceRecord, 'organisationId'>, mode: ApproverMode, step: number): Promise<string[]> {
    const owner = (): Promise<string[]> => this.users.idsWithRole(['org_admin'], resource.organisationId);
    const staff = (): Promise<string[]> => this.users.idsWithRole(['coordinator']);
    switch (mode) {
      case 'owner':
        return owner();
      case 'coordinator':
        return staff();
      case 'owner_or_coordinator':
        return [...(await owner()), ...(await staff())];
      case 'owner_then_coordinator':
        return step === 0 ? owner() : staff();
    }
  }

  /** Pushes the new state to the requester and anyone else concerned (approvers' queues). */
  changed(b: LeanBooking, others: string[] = []): void {
    const booking = toBooking(b);
    this.events.emit(BookingChangedEvent.event, new BookingChangedEvent(booking, [...new Set([booking.userId, ...others])]));
  }

  async notify(userIds: string[], kind: NotificationKind, title: string, b: LeanBooking, body?: string | null): Promise<void> {
    const ids = userIds.filter(Boolean);
    if (ids.length === 0) return;
    await this.notifications.notify(ids, { kind, title, body: body ?? `${b.resourceName}: ${when(b)}`, link: `/infrastructure/bookings/${b._id.toHexString()}` });
  }
}

/** "Tue 3 Mar 2026, 10:00–12:00 (Europe/Vilnius)" in the resource's zone. */
export function when(b: { start: Date; end: Date; timeZone: string }): string {
  const s = localTime(b.start.getTime(), b.timeZone);
  const e = localTime(b.end.getTime(), b.timeZone);
  const sameDay = s.hasSame(e, 'day');
  return `${s.toFormat('ccc d LLL yyyy, HH:mm')}–${sameDay ? e.toFormat('HH:mm') : e.toFormat('ccc d LLL yyyy, HH:mm')} (${b.timeZone})`;
}
