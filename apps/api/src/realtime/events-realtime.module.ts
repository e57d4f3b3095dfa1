import { Module } from '@nestjs/common';
import { EventsModule } from '../modules/events/events.module';
import { EventsGateway } from './events.gateway';

/** Live event counts in the room of each event (subscribe with an access check). */
@Module({ imports: [EventsModule], providers: [EventsGateway] })
export class EventsRealtimeModule {}
