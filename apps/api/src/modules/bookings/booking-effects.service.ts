import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { ApproverMode } from '@klasteris/contracts';
import { UsersRepository } from '../users/users.repository';
import type { LeanBooking } from './booking.schema';
import { BookingChangedEvent, type BookingNews, BookingNewsEvent } from './bookings.events';
import { toBooking } from './bookings.repository';
import { ClaimsService } from './claims.service';
import type { ResourceRecord } from './resource.schema';

export const quotaKey = (b: { organisationId: { toHexString(): string } | null; userId: { toHexString(): string } }): string =>
  b.organisationId ? b.organisationId.toHexString() : `user:${b.userId.toHexString()}`;

/** What follows a booking change: releasing what it held, telling the people concerned. */
@Injectable()
export class BookingEffects {
  constructor(
    private readonly claimsService: ClaimsService,
    private readonly users: UsersRepository,
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

  /** Tells the people concerned (awaited: the request answers once they are told, as before). */
  async tell(userIds: string[], b: LeanBooking, resourceName: string, news: BookingNews): Promise<void> {
    const ids = userIds.filter(Boolean);
    if (ids.length === 0) return;
    const booking = { id: b._id.toHexString(), resourceName, start: b.start, end: b.end, timeZone: b.timeZone };
    await this.events.emitAsync(BookingNewsEvent.event, new BookingNewsEvent(ids, booking, news));
  }
}
