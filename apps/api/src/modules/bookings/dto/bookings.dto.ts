import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsMongoId, Matches, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import {
  BookingStatuses,
  CancelScopes,
  RecurrenceFrequencies,
  type BookingListQuery,
  type BookingStatus,
  type CancelBookingRequest,
  type CancelScope,
  type CreateBookingRequest,
  type DecisionRequest,
  type JoinWaitlistRequest,
  type UtilisationQuery,
  type Recurrence,
  type RecurrenceConflictMode,
  type RecurrenceFrequency,
} from '@klasteris/contracts';
import { trim } from '../../../common/fields';
import { PageQueryDto } from '../../../common/pagination';
import { IsoInstant } from './resources.dto';

export class RecurrenceDto implements Recurrence {
  @ApiProperty({ enum: RecurrenceFrequencies }) @IsIn(RecurrenceFrequencies) frequency: RecurrenceFrequency;
  @ApiPropertyOptional({ minimum: 1, maximum: 12 }) @IsOptional() @IsInt() @Min(1) @Max(12) interval?: number;
  @ApiPropertyOptional() @IsOptional() @IsoInstant() until?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 52 }) @IsOptional() @IsInt() @Min(1) @Max(52) count?: number;
}

export class CreateBookingDto implements CreateBookingRequest {
  @ApiProperty() @IsMongoId() resourceId: string;
  @ApiProperty({ example: '2026-03-03T10:00:00+02:00' }) @IsoInstant() start: string;
  @ApiProperty({ example: '2026-03-03T12:00:00+02:00' }) @IsoInstant() end: string;
  @ApiProperty({ minLength: 3, maxLength: 500 }) @Transform(trim) @IsString() @MinLength(3) @MaxLength(500) purpose: string;
  @ApiPropertyOptional({ minimum: 1, default: 1 }) @IsOptional() @IsInt() @Min(1) @Max(1000) units?: number;
  @ApiPropertyOptional() @IsOptional() @IsMongoId() projectId?: string;
  @ApiPropertyOptional() @IsOptional() @IsMongoId() cardId?: string;
  @ApiPropertyOptional({ type: RecurrenceDto }) @IsOptional() @ValidateNested() @Type(() => RecurrenceDto) recurrence?: RecurrenceDto;
  @ApiPropertyOptional({ enum: ['skip', 'none'], default: 'none' })
  @IsOptional()
  @IsIn(['skip', 'none'])
  onConflict?: RecurrenceConflictMode;
}

export class DecisionDto implements DecisionRequest {
  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @Transform(trim) @IsString() @MaxLength(500) note?: string;
}

export class CancelBookingDto implements CancelBookingRequest {
  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @Transform(trim) @IsString() @MaxLength(500) reason?: string;
  @ApiPropertyOptional({ enum: CancelScopes, default: 'one' }) @IsOptional() @IsIn(CancelScopes) scope?: CancelScope;
}

export class BookingListQueryDto extends PageQueryDto implements BookingListQuery {
  @ApiPropertyOptional({ enum: BookingStatuses }) @IsOptional() @IsIn(BookingStatuses) status?: BookingStatus;
  @ApiPropertyOptional() @IsOptional() @IsoInstant() from?: string;
}

export class JoinWaitlistDto implements JoinWaitlistRequest {
  @ApiProperty() @IsMongoId() resourceId: string;
  @ApiProperty() @IsoInstant() start: string;
  @ApiProperty() @IsoInstant() end: string;
  @ApiProperty({ minLength: 3, maxLength: 500 }) @Transform(trim) @IsString() @MinLength(3) @MaxLength(500) purpose: string;
  @ApiPropertyOptional({ minimum: 1, default: 1 }) @IsOptional() @IsInt() @Min(1) @Max(1000) units?: number;
}

export class UtilisationQueryDto implements UtilisationQuery {
  @ApiProperty({ example: '2026-11' }) @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be YYYY-MM' }) month: string;
  @ApiPropertyOptional() @IsOptional() @IsMongoId() resourceId?: string;
}
