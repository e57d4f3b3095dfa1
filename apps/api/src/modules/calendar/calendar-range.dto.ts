import { ApiProperty } from '@nestjs/swagger';
import type { CalendarQuery } from '@klasteris/contracts';
import { CALENDAR_RANGE_MAX_DAYS } from '@klasteris/contracts';
import { IsoInstant } from '../bookings/dto/resources.dto';

export class CalendarQueryDto implements CalendarQuery {
  @ApiProperty({ example: '2026-03-01T00:00:00+02:00', description: 'items ending after this instant' }) @IsoInstant() from: string;
  @ApiProperty({
    example: '2026-04-01T00:00:00+03:00',
    description: `items starting before this instant; at most ${CALENDAR_RANGE_MAX_DAYS} days after from`,
  })
  @IsoInstant()
  to: string;
}
