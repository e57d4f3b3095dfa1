import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsOptional, IsString, Matches, Max, Min, ValidateNested } from 'class-validator';
import {
  Deliveries,
  DIGEST_DELAY_MAX_MINUTES,
  DIGEST_DELAY_MIN_MINUTES,
  HM_PATTERN,
  type Delivery,
  type NotificationPreferences,
  type NotificationPreferencesResponse,
  type NotificationTopic,
  type QuietHours,
  type UpdateNotificationPreferencesRequest,
} from '@klasteris/contracts';
import { Omittable, TimeZoneProperty } from '../../../common/fields';

const TopicProperty = (): PropertyDecorator => applyDecorators(ApiPropertyOptional({ enum: Deliveries }), Omittable(), IsIn(Deliveries));

export class TopicsDto implements Partial<Record<NotificationTopic, Delivery>> {
  @TopicProperty() mentions?: Delivery;
  @TopicProperty() directMessages?: Delivery;
  @TopicProperty() applications?: Delivery;
  @TopicProperty() groups?: Delivery;
  @TopicProperty() announcements?: Delivery;
  @TopicProperty() bookings?: Delivery;
  @TopicProperty() cards?: Delivery;
}

export class QuietHoursDto implements QuietHours {
  @ApiProperty({ example: '22:00', pattern: HM_PATTERN.source })
  @IsString()
  @Matches(HM_PATTERN, { message: '$property must be a time HH:mm' })
  start: string;
  @ApiProperty({ example: '07:00', pattern: HM_PATTERN.source })
  @IsString()
  @Matches(HM_PATTERN, { message: '$property must be a time HH:mm' })
  end: string;
}

export class UpdateNotificationPreferencesDto implements UpdateNotificationPreferencesRequest {
  @ApiPropertyOptional({ type: TopicsDto }) @Omittable() @IsObject() @ValidateNested() @Type(() => TopicsDto) topics?: TopicsDto;
  @ApiPropertyOptional({ minimum: DIGEST_DELAY_MIN_MINUTES, maximum: DIGEST_DELAY_MAX_MINUTES, example: 15 })
  @Omittable()
  @IsInt()
  @Min(DIGEST_DELAY_MIN_MINUTES)
  @Max(DIGEST_DELAY_MAX_MINUTES)
  digestDelayMinutes?: number;
  @ApiPropertyOptional({ type: QuietHoursDto, nullable: true, description: 'null turns quiet hours off' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => QuietHoursDto)
  quietHours?: QuietHoursDto | null;
  @TimeZoneProperty() timeZone?: string;
}

/** For the OpenAPI document. */
export class NotificationPreferencesView implements NotificationPreferences {
  @ApiProperty({ type: TopicsDto }) topics: Record<NotificationTopic, Delivery>;
  @ApiProperty() digestDelayMinutes: number;
  @ApiProperty({ type: QuietHoursDto, nullable: true }) quietHours: QuietHours | null;
  @ApiProperty({ example: 'Europe/Vilnius' }) timeZone: string;
}

export class NotificationPreferencesResponseView implements NotificationPreferencesResponse {
  @ApiProperty({ type: NotificationPreferencesView }) preferences: NotificationPreferences;
}
