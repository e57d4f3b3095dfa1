import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import {
  MailKinds,
  MailStates,
  type MailKind,
  type MailState,
  type OutboxMailResponse,
  type OutboxPage,
  type OutboxQuery,
} from '@klasteris/contracts';
import { Authenticated } from '../../common/auth.decorators';
import { PageQueryDto, pageLimit } from '../../common/pagination';
import { ObjectIdPipe } from '../../common/object-id';
import { OutboxService } from './outbox.service';
import { SearchQueryProperty } from '../../common/fields';

export class OutboxQueryDto extends PageQueryDto implements OutboxQuery {
  @ApiPropertyOptional({ enum: MailStates }) @IsOptional() @IsIn(MailStates) state?: MailState;
  @ApiPropertyOptional({ enum: MailKinds }) @IsOptional() @IsIn(MailKinds) kind?: MailKind;
  @SearchQueryProperty(254) q?: string;
}

/** The outbox as cluster admins see it: every mail with its state and the SMTP server's answer. */
@ApiTags('mail')
@Authenticated({ roles: ['admin'] })
@Controller('admin/mail')
export class OutboxController {
  constructor(private readonly outbox: OutboxService) {}

  @Get()
  list(@Query() q: OutboxQueryDto): Promise<OutboxPage> {
    return this.outbox.list({ state: q.state, kind: q.kind, q: q.q, cursor: q.cursor, limit: pageLimit(q) });
  }

  @Get(':id')
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  async get(@Param('id', ObjectIdPipe) id: string): Promise<OutboxMailResponse> {
    return { mail: await this.outbox.get(id) };
  }

  @Post(':id/retry')
  @HttpCode(200)
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  @ApiConflictResponse({ description: 'MAIL_NOT_FAILED: only failed mails can be retried' })
  async retry(@Param('id', ObjectIdPipe) id: string): Promise<OutboxMailResponse> {
    return { mail: await this.outbox.retry(id) };
  }
}
