import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AuditModule } from '../audit/audit.module';
import { UsersModule } from '../users/users.module';
import { OrganisationDoc, OrganisationSchema } from './organisation.schema';
import { OrganisationsController } from './organisations.controller';
import { OrganisationsRepository } from './organisations.repository';
import { OrganisationsService } from './organisations.service';

@Module({
  imports: [MongooseModule.forFeature([{ name: OrganisationDoc.name, schema: OrganisationSchema }]), UsersModule, AuditModule],
  controllers: [OrganisationsController],
  providers: [OrganisationsRepository, OrganisationsService],
  exports: [OrganisationsRepository],
})
export class OrganisationsModule {}
