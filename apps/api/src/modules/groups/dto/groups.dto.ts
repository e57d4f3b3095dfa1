import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsMongoId,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  GroupVisibilities,
  type AddOrganisationRequest,
  type ArchiveGroupRequest,
  type InviteOrganisationRequest,
  type OptionalReasonRequest,
  type RestoreGroupRequest,
  type CreateGroupRequest,
  type DecideJoinRequest,
  type GroupPersonRequest,
  type GroupVisibility,
  type JoinGroupRequest,
  type JoinRequestStatus,
  type MuteRequest,
  REPORT_REASON_MAX_LENGTH,
  type ReportMessageRequest,
  type ReportStatus,
  type ResolveReportRequest,
  type SlowModeRequest,
  type UpdateGroupRequest,
  type WordFilterAction,
  type WordFilterRequest,
  type WordFilterRule,
} from '@klasteris/contracts';
import { NameProperty, Omittable, SearchQueryProperty, TextProperty, trim } from '../../../common/fields';
import { PageQueryDto } from '../../../common/pagination';
import { MAX_PATTERN_LENGTH, MAX_RULES } from '../../moderation/word-filter';

export const MAX_MUTE_SECONDS = 30 * 24 * 3600;
/** An optional reason for the audit log: up to 1,000 characters, trimmed (blank means none). */
const OptionalReason = (): PropertyDecorator =>
  applyDecorators(ApiPropertyOptional({ maxLength: 1000 }), IsOptional(), Transform(trim), IsString(), MaxLength(1000));
const toBoolean = ({ value }: { value: unknown }): unknown => (value === 'true' ? true : value === 'false' ? false : value);
const trimAll = ({ value }: { value: unknown }): unknown =>
  Array.isArray(value) ? (value as unknown[]).map((v) => (typeof v === 'string' ? v.trim() : v)) : value;

export class CreateGroupDto implements CreateGroupRequest {
  @NameProperty(120, 3) name: string;
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @Transform(trim) @IsString() @MaxLength(2000) description?: string;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @Transform(trimAll)
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(40, { each: true })
  tags?: string[];
  @ApiProperty({ enum: GroupVisibilities }) @IsIn(GroupVisibilities) visibility: GroupVisibility;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(10) @IsMongoId({ each: true }) coordinatorIds?: string[];
}

export class UpdateGroupDto implements UpdateGroupRequest {
  @NameProperty(120, 3, true) name?: string;
  @OptionalReason() reason?: string;
  @ApiPropertyOptional({ maxLength: 2000 }) @Omittable() @Transform(trim) @IsString() @MaxLength(2000) description?: string;
  @ApiPropertyOptional({ type: [String] })
  @Omittable()
  @Transform(trimAll)
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(40, { each: true })
  tags?: string[];
  @ApiPropertyOptional({ enum: GroupVisibilities }) @Omittable() @IsIn(GroupVisibilities) visibility?: GroupVisibility;
}

export class GroupsQueryDto extends PageQueryDto {
  @SearchQueryProperty(100) q?: string;
  /** true: the archived groups instead of the active ones */
  @ApiPropertyOptional({ type: Boolean }) @IsOptional() @Transform(toBoolean) @IsBoolean() archived?: boolean;
}

export class ArchiveGroupDto implements ArchiveGroupRequest {
  @TextProperty(1000) reason: string;
}

export class RestoreGroupDto implements RestoreGroupRequest {
  @OptionalReason() reason?: string;
}

export class OptionalReasonDto implements OptionalReasonRequest {
  @OptionalReason() reason?: string;
}

/** `?reason=` of DELETE routes (unban, unmute, dismiss a coordinator). */
export class ReasonQueryDto implements OptionalReasonRequest {
  @OptionalReason() reason?: string;
}

export class InviteOrganisationDto implements InviteOrganisationRequest {
  @ApiProperty() @IsMongoId() organisationId: string;
  @OptionalReason() reason?: string;
}

export class JoinGroupDto implements JoinGroupRequest {
  @ApiPropertyOptional({ maxLength: 1000 }) @IsOptional() @Transform(trim) @IsString() @MaxLength(1000) message?: string;
}

export class RequestsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'approved', 'rejected'] })
  @IsOptional()
  @IsIn(['pending', 'approved', 'rejected'])
  status?: JoinRequestStatus;
}

export class DecideJoinDto implements DecideJoinRequest {
  @ApiProperty() @IsBoolean() approve: boolean;
  @ApiPropertyOptional({ maxLength: 1000 }) @IsOptional() @Transform(trim) @IsString() @MaxLength(1000) reason?: string;
}

export class GroupPersonDto implements GroupPersonRequest {
  @ApiProperty() @IsMongoId() userId: string;
  @ApiPropertyOptional({ maxLength: 1000 }) @IsOptional() @Transform(trim) @IsString() @MaxLength(1000) reason?: string;
}

export class AddOrganisationDto implements AddOrganisationRequest {
  @ApiProperty() @IsMongoId() organisationId: string;
}

export class ReasonPersonDto implements GroupPersonRequest {
  @ApiProperty() @IsMongoId() userId: string;
  @TextProperty(1000) reason: string;
}

export class ReasonDto {
  @TextProperty(1000) reason: string;
}

export class MuteDto implements MuteRequest {
  @ApiProperty() @IsMongoId() userId: string;
  @ApiProperty({ minimum: 1, maximum: MAX_MUTE_SECONDS })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_MUTE_SECONDS)
  durationSeconds: number;
  @TextProperty(1000) reason: string;
}

export class SlowModeDto implements SlowModeRequest {
  @ApiProperty() @IsMongoId() channelId: string;
  @ApiProperty({ minimum: 0, maximum: 3600 }) @Type(() => Number) @IsInt() @Min(0) @Max(3600) seconds: number;
  @OptionalReason() reason?: string;
}

export class WordFilterRuleDto implements WordFilterRule {
  @TextProperty(MAX_PATTERN_LENGTH) pattern: string;
  @ApiProperty({ enum: ['block', 'flag'] }) @IsIn(['block', 'flag']) action: WordFilterAction;
}

export class WordFilterDto implements WordFilterRequest {
  @ApiProperty({ type: [WordFilterRuleDto] })
  @IsArray()
  @ArrayMaxSize(MAX_RULES)
  @ValidateNested({ each: true })
  @Type(() => WordFilterRuleDto)
  rules: WordFilterRuleDto[];
  @OptionalReason() reason?: string;
}

export class ReportMessageDto implements ReportMessageRequest {
  @TextProperty(REPORT_REASON_MAX_LENGTH) reason: string;
}

export class ReportsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['open', 'dismissed', 'deleted', 'muted'] })
  @IsOptional()
  @IsIn(['open', 'dismissed', 'deleted', 'muted'])
  status?: ReportStatus;
}

export class ResolveReportDto implements ResolveReportRequest {
  @ApiProperty({ enum: ['dismiss', 'delete', 'mute'] }) @IsIn(['dismiss', 'delete', 'mute']) action: 'dismiss' | 'delete' | 'mute';
  @ApiPropertyOptional({ maxLength: 1000 }) @IsOptional() @Transform(trim) @IsString() @MaxLength(1000) note?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_MUTE_SECONDS })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_MUTE_SECONDS)
  durationSeconds?: number;
}
