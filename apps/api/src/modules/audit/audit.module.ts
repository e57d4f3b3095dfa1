import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AuditRepository } from './audit.repository';
import { AuditEntryDoc, AuditEntrySchema } from './audit.schema';
import { AuditService } from './audit.service';

/** Writing the audit log (every feature records into it). Reading it is AuditQueryModule, which knows the scopes. */
@Module({
  imports: [MongooseModule.forFeature([{ name: AuditEntryDoc.name, schema: AuditEntrySchema }])],
  providers: [AuditService, AuditRepository],
  exports: [AuditService, AuditRepository],
})
export class AuditModule {}
