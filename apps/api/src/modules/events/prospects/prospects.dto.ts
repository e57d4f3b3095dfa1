import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { InviteProspectRequest } from '@klasteris/contracts';
import { trim } from '../../../common/fields';

export class InviteProspectDto implements InviteProspectRequest {
  @ApiPropertyOptional({ maxLength: 500, description: 'a personal note in the mail' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  message?: string;
}
