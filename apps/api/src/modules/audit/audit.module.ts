import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AuditEntryDoc, AuditEntrySchema } from './audit.schema';
import { AuditService } from './audit.service';

@Module({
  imports: [MongooseModule.forFeature([{ name: AuditEntryDoc.name, schema: AuditEntrySchema }])],
  providers: [AuditService],
  exports: [AuditService],
})
export class AuditModule {}
