import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import type { NotificationKind } from '@klasteris/contracts';
import { BookingNewsEvent } from '../bookings/bookings.events';
import { bookingTime, type InEveryLanguage, joined, NotificationTexts as T } from './notice-texts';
import { NotificationsService } from '../notifications/notifications.service';

/** Bookings → notifications (awaited by the request that caused them, as the inline calls were). */
@Injectable()
export class BookingNotices {
  constructor(private readonly notifications: NotificationsService) {}

  @OnEvent(BookingNewsEvent.event, { suppressErrors: false })
  async onNews(e: BookingNewsEvent): Promise<void> {
    const { kind, title, body } = this.texts(e);
    await this.notifications.notify(e.userIds, { kind, title, body, link: `/infrastructure/bookings/${e.booking.id}` });
  }

  private texts({ booking: b, news: n }: BookingNewsEvent): { kind: NotificationKind; title: InEveryLanguage; body: InEveryLanguage } {
    const time = bookingTime(b);
    /** the resource and the time, or the time and what the person who decided wrote */
    const body = (said: string | null): InEveryLanguage =>
      said ? joined(time, said) : { en: `${b.resourceName}: ${time.en}`, lt: `${b.resourceName}: ${time.lt}` };
    switch (n.what) {
      case 'requested':
        return {
          kind: 'booking.requested',
          title: T.bookingRequested({
            requester: n.requester,
            resource: b.resourceName,
            occurrences: n.occurrences,
            afterOwner: n.afterOwner,
          }),
          body: joined(time, n.purpose),
        };
      case 'approved':
        return { kind: 'booking.approved', title: T.bookingApproved({ resource: b.resourceName }), body: body(n.note) };
      case 'rejected':
        return { kind: 'booking.rejected', title: T.bookingRejected({ resource: b.resourceName }), body: body(n.note) };
      case 'cancelled':
        return {
          kind: 'booking.cancelled',
          title: T.bookingCancelled({ resource: b.resourceName, occurrences: n.occurrences }),
          body: body(n.reason),
        };
      case 'waitlist-offer':
        return {
          kind: 'booking.waitlist_offer',
          title: T.bookingWaitlistOffer({ resource: b.resourceName, holdMinutes: n.holdMinutes }),
          body: body(null),
        };
    }
  }
}
