import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsMongoId,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import {
  PROJECT_NAME_MAX,
  PROJECT_SUMMARY_MAX,
  ProjectRoles,
  ProjectStatuses,
  type AddProjectMemberRequest,
  type CreateProjectRequest,
  type ProjectListQuery,
  type ProjectRole,
  type ProjectStatus,
  type UpdateProjectMemberRequest,
  type UpdateProjectRequest,
} from '@klasteris/contracts';
import { SearchQueryProperty, trim } from '../../../common/fields';
import { PageQueryDto } from '../../../common/pagination';

export class CreateProjectDto implements CreateProjectRequest {
  @ApiProperty({ minLength: 2, maxLength: PROJECT_NAME_MAX })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(PROJECT_NAME_MAX)
  name: string;
  @ApiPropertyOptional({ maxLength: PROJECT_SUMMARY_MAX })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(PROJECT_SUMMARY_MAX)
  summary?: string;
  @ApiPropertyOptional({ enum: ProjectStatuses }) @IsOptional() @IsIn(ProjectStatuses) status?: ProjectStatus;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ArrayUnique()
  @IsMongoId({ each: true })
  organisationIds?: string[];
  @ApiPropertyOptional() @IsOptional() @IsMongoId() groupId?: string;
}

export class UpdateProjectDto implements UpdateProjectRequest {
  @ApiPropertyOptional({ minLength: 2, maxLength: PROJECT_NAME_MAX })
  @ValidateIf((_o, v) => v !== undefined)
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(PROJECT_NAME_MAX)
  name?: string;
  @ApiPropertyOptional({ maxLength: PROJECT_SUMMARY_MAX })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(PROJECT_SUMMARY_MAX)
  summary?: string;
  @ApiPropertyOptional({ enum: ProjectStatuses }) @ValidateIf((_o, v) => v !== undefined) @IsIn(ProjectStatuses) status?: ProjectStatus;
  @ApiPropertyOptional({ type: [String] })
  @ValidateIf((_o, v) => v !== undefined)
  @IsArray()
  @ArrayMaxSize(30)
  @ArrayUnique()
  @IsMongoId({ each: true })
  organisationIds?: string[];
}

export class ProjectListQueryDto extends PageQueryDto implements ProjectListQuery {
  @ApiPropertyOptional({ enum: ProjectStatuses }) @IsOptional() @IsIn(ProjectStatuses) status?: ProjectStatus;
  @SearchQueryProperty(100) q?: string;
}

export class AddProjectMemberDto implements AddProjectMemberRequest {
  @ApiProperty() @IsMongoId() userId: string;
  @ApiProperty({ enum: ProjectRoles }) @IsIn(ProjectRoles) role: ProjectRole;
}

export class UpdateProjectMemberDto implements UpdateProjectMemberRequest {
  @ApiProperty({ enum: ProjectRoles }) @IsIn(ProjectRoles) role: ProjectRole;
}
