import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { AuthModule } from '../auth/auth.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { UsersModule } from '../users/users.module';
import { DemoSeeder } from './demo-seeder.service';

@Module({ imports: [ApplicationsModule, AuthModule, OrganisationsModule, UsersModule], providers: [DemoSeeder] })
export class DemoModule {}
