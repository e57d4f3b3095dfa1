import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { AuthModule } from '../auth/auth.module';
import { BookingsModule } from '../bookings/bookings.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { UsersModule } from '../users/users.module';
import { DemoBookingsSeeder } from './demo-bookings';
import { DemoSeeder } from './demo-seeder.service';

@Module({ imports: [ApplicationsModule, AuthModule, BookingsModule, OrganisationsModule, UsersModule], providers: [DemoSeeder, DemoBookingsSeeder] })
export class DemoModule {}
