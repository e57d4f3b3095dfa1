import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
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
} from 'class-validator';
import {
  CHANNEL_NAME_PATTERN,
  ChannelNotifyLevels,
  type ChannelNotifyLevel,
  type UpdateMembershipRequest,
  ChannelRoles,
  DIRECT_MAX_MEMBERS,
  MESSAGE_MAX_LENGTH,
  type AddMemberRequest,
  type ChannelBrowseQuery,
  type ChannelRole,
  type CreatableChannelType,
  type CreateChannelRequest,
  type DirectChannelRequest,
  type MessageListQuery,
  type MessageSearchQuery,
  type UpdateChannelRequest,
} from '@klasteris/contracts';
import { Omittable, SearchQueryProperty, trim } from '../../../common/fields';
import { PageQueryDto } from '../../../common/pagination';

const lowerTrim = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim().toLowerCase().replace(/\s+/g, '-') : value;
const NAME_MESSAGE = 'name must be 1–80 lower-case letters, digits, "-" or "_"';

export class CreateChannelDto implements CreateChannelRequest {
  @ApiProperty({ example: 'cloud-uk-study' })
  @Transform(lowerTrim)
  @IsString()
  @Matches(CHANNEL_NAME_PATTERN, { message: NAME_MESSAGE })
  name: string;
  @ApiProperty({ enum: ['public', 'private', 'announcement'] }) @IsIn(['public', 'private', 'announcement']) type: CreatableChannelType;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(250) topic?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(1000) description?: string;
}

export class UpdateChannelDto implements UpdateChannelRequest {
  @ApiPropertyOptional()
  @Omittable()
  @Transform(lowerTrim)
  @IsString()
  @Matches(CHANNEL_NAME_PATTERN, { message: NAME_MESSAGE })
  name?: string;
  @ApiPropertyOptional() @Omittable() @Transform(trim) @IsString() @MaxLength(250) topic?: string;
  @ApiPropertyOptional() @Omittable() @Transform(trim) @IsString() @MaxLength(1000) description?: string;
}

export class UpdateMembershipDto implements UpdateMembershipRequest {
  @ApiProperty({
    enum: ChannelNotifyLevels,
    description:
      'all: every message counts; mentions: only mentions (no unread badge); muted: nothing (no badge, no mention notification, no e-mail digest)',
  })
  @IsIn(ChannelNotifyLevels)
  notify: ChannelNotifyLevel;
}

export class DirectChannelDto implements DirectChannelRequest {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(DIRECT_MAX_MEMBERS - 1)
  @ArrayUnique()
  @IsMongoId({ each: true })
  userIds: string[];
}

export class AddMemberDto implements AddMemberRequest {
  @ApiProperty() @IsMongoId() userId: string;
  @ApiPropertyOptional({ enum: ChannelRoles }) @IsOptional() @IsIn(ChannelRoles) role?: ChannelRole;
}

export class ChannelBrowseQueryDto extends PageQueryDto implements ChannelBrowseQuery {
  @SearchQueryProperty(80) q?: string;
}

export class MemberListQueryDto extends PageQueryDto {
  @SearchQueryProperty(80) q?: string;
}

export class MessageListQueryDto implements MessageListQuery {
  @ApiPropertyOptional({ description: 'catch-up: messages with seq > after, oldest first' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  after?: number;

  @ApiPropertyOptional({ description: 'page back: messages with seq < before' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  before?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit?: number;
  @ApiPropertyOptional() @IsOptional() @IsMongoId() threadRootId?: string;
}

export class MessageSearchQueryDto extends PageQueryDto implements MessageSearchQuery {
  @SearchQueryProperty(200, true) q: string;
  @ApiPropertyOptional() @IsOptional() @IsMongoId() channelId?: string;
  @ApiPropertyOptional() @IsOptional() @IsMongoId() authorId?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601() from?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601() to?: string;
}

/** Shared by the socket payloads and the HTTP twin of message:send. */
export class MessageBodyFields {
  @ApiProperty({ maxLength: MESSAGE_MAX_LENGTH }) @IsString() @MaxLength(MESSAGE_MAX_LENGTH) body: string;
}

export class PostMessageDto extends MessageBodyFields {
  @ApiProperty({ description: 'client-generated id; resending it never creates a second message' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{8,64}$/, { message: 'clientMsgId must be 8–64 characters of A-Z a-z 0-9 _ -' })
  clientMsgId: string;

  @ApiPropertyOptional() @IsOptional() @IsMongoId() threadRootId?: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(10) @IsMongoId({ each: true }) attachmentIds?: string[];
}

export class EditMessageDto extends MessageBodyFields {}
