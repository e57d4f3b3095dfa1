import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import type { NotificationListQuery } from '@klasteris/contracts';
import { PageQueryDto } from '../../../common/pagination';

export class NotificationListQueryDto extends PageQueryDto implements NotificationListQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unreadOnly?: boolean;
}
