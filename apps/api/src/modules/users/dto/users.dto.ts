import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsMongoId, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  Roles,
  UserStatuses,
  type Role,
  type UpdateRolesRequest,
  type UpdateStatusRequest,
  type UserListQuery,
  type UserStatus,
} from '@klasteris/contracts';
import { PageQueryDto } from '../../../common/pagination';
import { SearchQueryProperty } from '../../../common/fields';

export class UserListQueryDto extends PageQueryDto implements UserListQuery {
  @SearchQueryProperty(100) q?: string;
  @ApiPropertyOptional({ enum: Roles }) @IsOptional() @IsIn(Roles) role?: Role;
  @ApiPropertyOptional({ enum: UserStatuses }) @IsOptional() @IsIn(UserStatuses) status?: UserStatus;
  @ApiPropertyOptional() @IsOptional() @IsMongoId() organisationId?: string;
}

export class UpdateRolesDto implements UpdateRolesRequest {
  @ApiProperty({ enum: Roles, isArray: true })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(Roles.length)
  @IsIn(Roles, { each: true })
  roles: Role[];
}

export class UpdateStatusDto implements UpdateStatusRequest {
  @ApiProperty({ enum: UserStatuses }) @IsIn(UserStatuses) status: UserStatus;
  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @IsString() @MaxLength(500) reason?: string;
}
