import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsMongoId,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  ApproverModes,
  BlackoutKinds,
  BookingAccessModes,
  ResourceStatuses,
  ResourceTypes,
  SlotGranularities,
  type ApproverMode,
  type Blackout,
  type BlackoutKind,
  type BookingAccessMode,
  type BookingPolicyInput,
  type CreateResourceRequest,
  type OpeningHours,
  type ResourceAttribute,
  type ResourceListQuery,
  type ResourceStatus,
  type ResourceType,
  type SlotGranularity,
  type TimelineQuery,
  type UpdateResourceRequest,
} from '@klasteris/contracts';
import { SearchQueryProperty, trim } from '../../../common/fields';
import { PageQueryDto } from '../../../common/pagination';

const HM = /^([01]\d|2[0-4]):[0-5]\d$/;
/** ISO 8601 with a time and an explicit offset (or Z): a bare local time would be ambiguous. */
export const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
export const IsoInstant = (): PropertyDecorator =>
  applyDecorators(
    IsString(),
    Matches(ISO_WITH_OFFSET, { message: '$property must be an ISO 8601 date-time with an offset, e.g. 2026-03-03T10:00:00+02:00' }),
    IsISO8601({ strict: true }, { message: '$property must be a valid date-time' }),
  );

export class AttributeDto implements ResourceAttribute {
  @ApiProperty() @Transform(trim) @IsString() @MinLength(1) @MaxLength(40) key: string;
  @ApiProperty() @Transform(trim) @IsString() @MinLength(1) @MaxLength(80) value: string;
}

export class OpeningHoursDto implements OpeningHours {
  @ApiProperty({ minimum: 1, maximum: 7, description: 'ISO weekday, 1 = Monday' }) @IsInt() @Min(1) @Max(7) weekday: number;
  @ApiProperty({ example: '08:00' }) @Matches(HM, { message: 'open must be HH:mm' }) open: string;
  @ApiProperty({ example: '18:00' }) @Matches(HM, { message: 'close must be HH:mm' }) close: string;
}

export class BlackoutDto implements Blackout {
  @ApiProperty({ enum: BlackoutKinds }) @IsIn(BlackoutKinds) kind: BlackoutKind;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @Transform(trim) @IsString() @MaxLength(200) reason?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsoInstant() start?: string;
  @ApiPropertyOptional() @IsOptional() @IsoInstant() end?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(7) weekday?: number;
  @ApiPropertyOptional() @IsOptional() @Matches(HM, { message: 'from must be HH:mm' }) from?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(HM, { message: 'to must be HH:mm' }) to?: string;
}

export class AccessDto {
  @ApiProperty({ enum: BookingAccessModes }) @IsIn(BookingAccessModes) mode: BookingAccessMode;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsMongoId({ each: true })
  organisationIds?: string[];
  @ApiPropertyOptional({ description: 'For mode "project": the project whose members may book' })
  @IsOptional()
  @IsMongoId()
  projectId?: string;
  @ApiPropertyOptional({ description: 'For mode "group": the working group whose members may book' })
  @IsOptional()
  @IsMongoId()
  groupId?: string;
}

export class ApprovalDto {
  @ApiProperty() @IsBoolean() required: boolean;
  @ApiPropertyOptional({ enum: ApproverModes }) @IsOptional() @IsIn(ApproverModes) approvers?: ApproverMode;
}

export class PolicyDto implements BookingPolicyInput {
  @ApiPropertyOptional({ type: [OpeningHoursDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(21)
  @ValidateNested({ each: true })
  @Type(() => OpeningHoursDto)
  openingHours?: OpeningHoursDto[];
  @ApiPropertyOptional({ enum: SlotGranularities }) @IsOptional() @IsIn(SlotGranularities) slotMinutes?: SlotGranularity;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(15) @Max(44_640) minDurationMinutes?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(15) @Max(44_640) maxDurationMinutes?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(525_600) minNoticeMinutes?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(730) maxAdvanceDays?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(1000) maxUnitsPerBooking?: number;
  @ApiPropertyOptional({ type: AccessDto }) @IsOptional() @ValidateNested() @Type(() => AccessDto) access?: AccessDto;
  @ApiPropertyOptional({ type: ApprovalDto }) @IsOptional() @ValidateNested() @Type(() => ApprovalDto) approval?: ApprovalDto;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(100_000) quotaHoursPerMonth?: number | null;
  @ApiPropertyOptional({ type: [BlackoutDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => BlackoutDto)
  blackouts?: BlackoutDto[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() checkIn?: boolean;
}

export class CreateResourceDto implements CreateResourceRequest {
  @ApiProperty({ minLength: 2, maxLength: 120 }) @Transform(trim) @IsString() @MinLength(2) @MaxLength(120) name: string;
  @ApiProperty({ enum: ResourceTypes }) @IsIn(ResourceTypes) type: ResourceType;
  @ApiPropertyOptional() @IsOptional() @IsMongoId() organisationId?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(200) location?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(4000) description?: string;
  @ApiPropertyOptional({ type: [AttributeDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => AttributeDto)
  attributes?: AttributeDto[];
  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 1 }) @IsOptional() @IsInt() @Min(1) @Max(1000) capacity?: number;
  @ApiProperty({ example: 'Europe/Vilnius' }) @IsString() @MaxLength(64) timeZone: string;
  @ApiPropertyOptional({ enum: ResourceStatuses }) @IsOptional() @IsIn(ResourceStatuses) status?: ResourceStatus;
  @ApiPropertyOptional({ type: PolicyDto }) @IsOptional() @ValidateNested() @Type(() => PolicyDto) policy?: PolicyDto;
}

export class UpdateResourceDto implements UpdateResourceRequest {
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MinLength(2) @MaxLength(120) name?: string;
  @ApiPropertyOptional({ enum: ResourceTypes }) @IsOptional() @IsIn(ResourceTypes) type?: ResourceType;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(200) location?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(4000) description?: string;
  @ApiPropertyOptional({ type: [AttributeDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => AttributeDto)
  attributes?: AttributeDto[];
  @ApiPropertyOptional({ description: 'May only grow' }) @IsOptional() @IsInt() @Min(1) @Max(1000) capacity?: number;
  @ApiPropertyOptional({ enum: ResourceStatuses }) @IsOptional() @IsIn(ResourceStatuses) status?: ResourceStatus;
  @ApiPropertyOptional({ type: PolicyDto }) @IsOptional() @ValidateNested() @Type(() => PolicyDto) policy?: PolicyDto;
}

export class ResourceListQueryDto extends PageQueryDto implements ResourceListQuery {
  @SearchQueryProperty(100) q?: string;
  @ApiPropertyOptional({ enum: ResourceTypes }) @IsOptional() @IsIn(ResourceTypes) type?: ResourceType;
  @ApiPropertyOptional() @IsOptional() @IsMongoId() organisationId?: string;
  @ApiPropertyOptional({ example: 'gpu:A100' })
  @IsOptional()
  @IsString()
  @MaxLength(121)
  @Matches(/^[^:]+:.+$/, { message: 'attribute must be key:value' })
  attribute?: string;
  @ApiPropertyOptional() @IsOptional() @IsoInstant() freeFrom?: string;
  @ApiPropertyOptional() @IsOptional() @IsoInstant() freeTo?: string;
}

export class AvailabilityQueryDto {
  @ApiProperty() @IsoInstant() from: string;
  @ApiProperty() @IsoInstant() to: string;
}

export class TimelineQueryDto extends PageQueryDto implements TimelineQuery {
  @ApiProperty() @IsoInstant() from: string;
  @ApiProperty() @IsoInstant() to: string;
  @SearchQueryProperty(100) q?: string;
  @ApiPropertyOptional({ enum: ResourceTypes }) @IsOptional() @IsIn(ResourceTypes) type?: ResourceType;
}
