import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsDateString, IsMongoId, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { AuditEntry, AuditQuery, Page } from '@klasteris/contracts';
import { ApiFileResponse } from '../../common/api-docs';
import { Authenticated, CurrentUser } from '../../common/auth.decorators';
import type { AuthUser } from '../../common/auth-user';
import { PageQueryDto, pageLimit } from '../../common/pagination';
import { AuditQueryService } from './audit-query.service';
import type { AuditFilter } from './audit.repository';

export class AuditQueryDto extends PageQueryDto implements AuditQuery {
  @ApiPropertyOptional() @IsOptional() @IsMongoId() actor?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(80)
  @Matches(/^[a-z0-9_.]+$/, { message: 'action is not valid' })
  action?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) target?: string;
  @ApiPropertyOptional() @IsOptional() @IsMongoId() groupId?: string;
  @ApiPropertyOptional() @IsOptional() @IsDateString() from?: string;
  @ApiPropertyOptional() @IsOptional() @IsDateString() to?: string;
}

const filterOf = (q: AuditQueryDto): AuditFilter => ({
  actor: q.actor,
  action: q.action,
  target: q.target,
  scopeId: q.groupId,
  from: q.from ? new Date(q.from) : undefined,
  to: q.to ? new Date(q.to) : undefined,
});

/** Read-only: the audit log has no update or delete endpoints, by design. */
@ApiTags('audit')
@Authenticated()
@Controller()
export class AuditController {
  constructor(private readonly audit: AuditQueryService) {}

  @Get('audit')
  list(@CurrentUser() me: AuthUser, @Query() q: AuditQueryDto): Promise<Page<AuditEntry>> {
    return this.audit.list(me, filterOf(q), q.cursor, pageLimit(q));
  }

  @Get('audit.csv')
  @ApiFileResponse(['text/csv'])
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="audit.csv"')
  csv(@CurrentUser() me: AuthUser, @Query() q: AuditQueryDto): Promise<string> {
    return this.audit.csv(me, filterOf(q));
  }
}
