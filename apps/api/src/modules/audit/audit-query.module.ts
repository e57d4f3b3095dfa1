import { Module } from '@nestjs/common';
import { GroupsModule } from '../groups/groups.module';
import { ModerationModule } from '../moderation/moderation.module';
import { AuditQueryService } from './audit-query.service';
import { AuditController } from './audit.controller';
import { AuditModule } from './audit.module';

/**
 * Reading the audit log. A leaf module: it needs the groups to check a `groupId` scope, and the
 * groups module records into the log (AuditModule), so reading lives apart from writing.
 */
@Module({
  imports: [AuditModule, GroupsModule, ModerationModule],
  controllers: [AuditController],
  providers: [AuditQueryService],
})
export class AuditQueryModule {}
