import { Controller, Get, Query } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsMongoId } from 'class-validator';
import { Transform } from 'class-transformer';
import type { PresenceEvent } from '@klasteris/contracts';
import { Authenticated } from '../common/auth.decorators';
import { ChatGateway } from './chat.gateway';
import { PresenceService } from './presence.service';

class PresenceQueryDto {
  @ApiProperty({ type: [String], maxItems: 100, description: 'User ids, repeated or comma-separated' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value))
  @IsArray()
  @ArrayMaxSize(100)
  @IsMongoId({ each: true })
  userIds: string[];
}

@ApiTags('chat')
@Authenticated()
@Controller('presence')
export class PresenceController {
  constructor(
    private readonly presence: PresenceService,
    private readonly gateway: ChatGateway,
  ) {}

  @Get()
  async get(@Query() q: PresenceQueryDto): Promise<{ items: PresenceEvent[] }> {
    return { items: await this.presence.statuses(this.gateway.server, q.userIds) };
  }
}
