import { Module } from '@nestjs/common';
import { BookingsGateway } from './bookings.gateway';

/** Live booking updates: requesters see decisions, approvers see their queue change, without reloading. */
@Module({ providers: [BookingsGateway] })
export class BookingsRealtimeModule {}
