import { Module } from '@nestjs/common';
import { BoardsModule } from '../boards/boards.module';
import { BookingsModule } from '../bookings/bookings.module';
import { EventsModule } from '../events/events.module';
import { ProjectsModule } from '../projects/projects.module';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';

/**
 * My calendar and the personal ICS feed: my events, my bookings and my cards' due dates. It reads
 * bookings, events and boards; none of them depends on it (the feed's token stays with bookings,
 * whose resource feeds accept it too).
 */
@Module({
  imports: [BookingsModule, EventsModule, BoardsModule, ProjectsModule],
  controllers: [CalendarController],
  providers: [CalendarService],
})
export class CalendarModule {}
