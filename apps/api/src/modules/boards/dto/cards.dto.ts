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
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { applyDecorators } from '@nestjs/common';
import {
  CARD_DESCRIPTION_MAX,
  CARD_TITLE_MAX,
  CHECKLIST_ITEM_MAX,
  COMMENT_MAX,
  type AddChecklistItemRequest,
  type CreateCardRequest,
  type LinkCardMessageRequest,
  type CreateCommentRequest,
  type UpdateCommentRequest,
  type MoveCardRequest,
  type MyCardsQuery,
  type UpdateCardRequest,
  type UpdateChecklistItemRequest,
} from '@klasteris/contracts';
import { trim } from '../../../common/fields';
import { PageQueryDto } from '../../../common/pagination';

/** Optional, but when present not null (IsOptional would let null through and clear a required field). */
const Absent = (): PropertyDecorator => ValidateIf((_o, v) => v !== undefined);

/** `YYYY-MM-DD`, a real calendar date, or null (clears it). */
const DateOnly = (): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ type: String, nullable: true, example: '2026-11-27' }),
    IsOptional(),
    ValidateIf((_o, v) => v !== null),
    IsString(),
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date as YYYY-MM-DD' }),
    IsISO8601({ strict: true }, { message: '$property must be a real calendar date' }),
  );

const Ids = (): PropertyDecorator =>
  applyDecorators(ApiPropertyOptional({ type: [String] }), Absent(), IsArray(), ArrayMaxSize(30), IsMongoId({ each: true }));

const Title = (optional: boolean): PropertyDecorator =>
  applyDecorators(
    optional ? ApiPropertyOptional({ minLength: 1, maxLength: CARD_TITLE_MAX }) : ApiProperty({ minLength: 1, maxLength: CARD_TITLE_MAX }),
    ...(optional ? [Absent()] : []),
    Transform(trim),
    IsString(),
    MinLength(1),
    MaxLength(CARD_TITLE_MAX),
  );

const Description = (): PropertyDecorator =>
  applyDecorators(ApiPropertyOptional({ maxLength: CARD_DESCRIPTION_MAX }), Absent(), IsString(), MaxLength(CARD_DESCRIPTION_MAX));

export class SourceMessageDto {
  @ApiProperty() @IsMongoId() channelId: string;
  @ApiProperty() @IsMongoId() messageId: string;
}

export class LinkCardMessageDto extends SourceMessageDto implements LinkCardMessageRequest {}

export class CreateCardDto implements CreateCardRequest {
  @ApiProperty() @IsMongoId() projectId: string;
  @ApiProperty() @IsMongoId() columnId: string;
  @Title(false) title: string;
  @Description() description?: string;
  @Ids() assigneeIds?: string[];
  @Ids() labelIds?: string[];
  @DateOnly() startDate?: string | null;
  @DateOnly() dueDate?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsMongoId() beforeCardId?: string;
  @ApiPropertyOptional() @IsOptional() @IsMongoId() afterCardId?: string;
  @ApiPropertyOptional({ type: SourceMessageDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SourceMessageDto)
  sourceMessage?: SourceMessageDto;
}

export class UpdateCardDto implements UpdateCardRequest {
  @ApiProperty({ minimum: 1, description: 'the version this change is based on' }) @IsInt() @Min(1) version: number;
  @Title(true) title?: string;
  @Description() description?: string;
  @Ids() assigneeIds?: string[];
  @Ids() labelIds?: string[];
  @DateOnly() startDate?: string | null;
  @DateOnly() dueDate?: string | null;
  @ApiPropertyOptional() @Absent() @IsBoolean() archived?: boolean;
}

export class MoveCardDto implements MoveCardRequest {
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) version: number;
  @ApiProperty() @IsMongoId() toColumnId: string;
  @ApiPropertyOptional({ description: 'the moved card goes right before this card' }) @IsOptional() @IsMongoId() beforeCardId?: string;
  @ApiPropertyOptional({ description: 'the moved card goes right after this card' }) @IsOptional() @IsMongoId() afterCardId?: string;
}

export class DeleteCardQueryDto {
  @ApiPropertyOptional({ description: 'delete only if the card is still at this version' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version?: number;
}

export class MyCardsQueryDto extends PageQueryDto implements MyCardsQuery {
  @ApiPropertyOptional({ enum: ['overdue', 'week'] }) @IsOptional() @IsIn(['overdue', 'week']) due?: 'overdue' | 'week';
}

export class AddChecklistItemDto implements AddChecklistItemRequest {
  @ApiProperty({ maxLength: CHECKLIST_ITEM_MAX }) @Transform(trim) @IsString() @MinLength(1) @MaxLength(CHECKLIST_ITEM_MAX) text: string;
}

export class UpdateChecklistItemDto implements UpdateChecklistItemRequest {
  @ApiPropertyOptional({ maxLength: CHECKLIST_ITEM_MAX })
  @Absent()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(CHECKLIST_ITEM_MAX)
  text?: string;
  @ApiPropertyOptional() @Absent() @IsBoolean() done?: boolean;
}

export class UpdateCommentDto implements UpdateCommentRequest {
  @ApiProperty({ maxLength: COMMENT_MAX }) @Transform(trim) @IsString() @MinLength(1) @MaxLength(COMMENT_MAX) body: string;
}

export class CreateCommentDto implements CreateCommentRequest {
  @ApiProperty({ maxLength: COMMENT_MAX }) @Transform(trim) @IsString() @MinLength(1) @MaxLength(COMMENT_MAX) body: string;
}
