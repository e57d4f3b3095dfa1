import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsMongoId, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import {
  COLUMN_NAME_MAX,
  LABEL_COLORS,
  LABEL_NAME_MAX,
  type CreateColumnRequest,
  type CreateLabelRequest,
  type MoveColumnRequest,
  type UpdateColumnRequest,
  type UpdateLabelRequest,
} from '@klasteris/contracts';
import { trim } from '../../../common/fields';

export class CreateColumnDto implements CreateColumnRequest {
  @ApiProperty({ maxLength: COLUMN_NAME_MAX }) @Transform(trim) @IsString() @MinLength(1) @MaxLength(COLUMN_NAME_MAX) name: string;
  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1, maximum: 1000 })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsInt()
  @Min(1)
  @Max(1000)
  wipLimit?: number | null;
  @ApiPropertyOptional() @IsOptional() @IsMongoId() beforeColumnId?: string;
  @ApiPropertyOptional() @IsOptional() @IsMongoId() afterColumnId?: string;
}

export class UpdateColumnDto implements UpdateColumnRequest {
  @ApiPropertyOptional({ maxLength: COLUMN_NAME_MAX })
  @ValidateIf((_o, v) => v !== undefined)
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(COLUMN_NAME_MAX)
  name?: string;
  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1, maximum: 1000 })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsInt()
  @Min(1)
  @Max(1000)
  wipLimit?: number | null;
}

export class MoveColumnDto implements MoveColumnRequest {
  @ApiPropertyOptional({ description: 'the column goes right before this column' }) @IsOptional() @IsMongoId() beforeColumnId?: string;
  @ApiPropertyOptional({ description: 'the column goes right after this column' }) @IsOptional() @IsMongoId() afterColumnId?: string;
}

export class CreateLabelDto implements CreateLabelRequest {
  @ApiProperty({ maxLength: LABEL_NAME_MAX }) @Transform(trim) @IsString() @MinLength(1) @MaxLength(LABEL_NAME_MAX) name: string;
  @ApiProperty({ enum: LABEL_COLORS }) @IsIn(LABEL_COLORS) color: string;
}

export class UpdateLabelDto implements UpdateLabelRequest {
  @ApiPropertyOptional({ maxLength: LABEL_NAME_MAX })
  @ValidateIf((_o, v) => v !== undefined)
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(LABEL_NAME_MAX)
  name?: string;
  @ApiPropertyOptional({ enum: LABEL_COLORS }) @ValidateIf((_o, v) => v !== undefined) @IsIn(LABEL_COLORS) color?: string;
}
