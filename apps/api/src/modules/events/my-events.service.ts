import { Injectable } from '@nestjs/common';
import type { RsvpStatus } from '@klasteris/contracts';
import type { AuthUser } from '../../common/auth-user';
import { AttendanceRepository } from './attendance.repository';
import { EventAccessService, factsOf } from './event-access.service';
import { canSeeEvent } from './event-policy';
import type { LeanEvent, StoredRsvpStatus } from './event.schema';
import { EventsRepository } from './events.repository';

/** An event in someone's calendar: their answer (null when they only organise it). */
export interface MyEvent {
  event: LeanEvent;
  rsvp: Extract<RsvpStatus, 'going' | 'maybe' | 'waitlisted'> | null;
  organiser: boolean;
}

/** `offered` (a freed place held for me) shows as waitlisted until I confirm it */
const IN_CALENDAR: StoredRsvpStatus[] = ['going', 'maybe', 'waitlisted', 'offered'];

/**
 * "My events" for My calendar and the personal feed: the events I answered going, maybe or
 * waitlisted, and those I created — only while I may still see them (a member who left the group
 * no longer has its group events in the calendar).
 */
@Injectable()
export class MyEventsService {
  constructor(
    private readonly events: EventsRepository,
    private readonly attendance: AttendanceRepository,
    private readonly access: EventAccessService,
  ) {}

  async between(me: Pick<AuthUser, 'id' | 'roles' | 'organisationId'>, from: Date, to: Date, limit = 1000): Promise<MyEvent[]> {
    const [scope, answers] = await Promise.all([this.access.scopeOf(me), this.attendance.answersOfUser(me.id, IN_CALENDAR)]);
    const answered = new Map(answers.map((a) => [a.eventId.toHexString(), a.status]));
    const rows = await this.events.inRangeFor({ ids: answers.map((a) => a.eventId), createdBy: me.id, from, to, limit });
    return rows
      .filter((e) => canSeeEvent(scope, factsOf(e)))
      .map((event) => {
        const status = answered.get(event._id.toHexString());
        return {
          event,
          rsvp: status === 'offered' ? 'waitlisted' : status === 'going' || status === 'maybe' || status === 'waitlisted' ? status : null,
          organiser: event.createdBy.toHexString() === me.id,
        };
      });
  }
}
