import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { ImportFormats, PROJECT_NAME_MAX, type ImportFormat } from '@klasteris/contracts';
import { trim } from '../../../common/fields';

export class ExportQueryDto {
  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' }) @IsOptional() @IsIn(['json', 'csv']) format?: 'json' | 'csv';
}

/** Multipart fields beside `file`. */
export class ImportBoardDto {
  @ApiProperty({ enum: ImportFormats }) @IsIn(ImportFormats) format: ImportFormat;
  @ApiPropertyOptional({ maxLength: PROJECT_NAME_MAX })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(PROJECT_NAME_MAX)
  name?: string;
}
