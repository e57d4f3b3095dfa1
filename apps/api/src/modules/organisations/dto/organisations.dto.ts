import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsISO31661Alpha2,
  IsMongoId,
  IsOptional,
  IsString,
  IsUrl,
  MaxLength,
  MinLength,
} from 'class-validator';
import {
  MembershipStatuses,
  OrganisationTypes,
  PEOPLE_LOOKUP_MAX,
  type MembershipStatus,
  type OrganisationInput,
  type OrganisationListQuery,
  type OrganisationType,
  type PeopleLookupQuery,
  type PeopleQuery,
  type UpdateOrganisationRequest,
} from '@klasteris/contracts';
import { SearchQueryProperty, trim } from '../../../common/fields';
import { PageQueryDto } from '../../../common/pagination';

const emptyToNull = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && value.trim() === '' ? null : typeof value === 'string' ? value.trim() : value;
const upper = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim().toUpperCase() : value);
const trimEach = ({ value }: { value: unknown }): unknown =>
  Array.isArray(value) ? (value as unknown[]).map((v) => (typeof v === 'string' ? v.trim() : v)) : value;

export class OrganisationInputDto implements OrganisationInput {
  @ApiProperty({ minLength: 2, maxLength: 120 }) @Transform(trim) @IsString() @MinLength(2) @MaxLength(120) name: string;
  @ApiProperty({ enum: OrganisationTypes }) @IsIn(OrganisationTypes) type: OrganisationType;
  @ApiProperty({ example: 'LT', description: 'ISO 3166-1 alpha-2' }) @Transform(upper) @IsString() @IsISO31661Alpha2() country: string;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(80) city?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  website?: string;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @Transform(trimEach)
  @IsArray()
  @ArrayMaxSize(15)
  @ArrayUnique()
  @IsString({ each: true })
  @MinLength(2, { each: true })
  @MaxLength(40, { each: true })
  sectors?: string[];
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(2000) description?: string;
}

export class UpdateOrganisationDto implements UpdateOrganisationRequest {
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MinLength(2) @MaxLength(120) name?: string;
  @ApiPropertyOptional({ enum: OrganisationTypes }) @IsOptional() @IsIn(OrganisationTypes) type?: OrganisationType;
  @ApiPropertyOptional() @IsOptional() @Transform(upper) @IsString() @IsISO31661Alpha2() country?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(80) city?: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'empty string or null clears it' })
  @IsOptional()
  @Transform(emptyToNull)
  @IsString()
  @MaxLength(200)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  website?: string | null;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @Transform(trimEach)
  @IsArray()
  @ArrayMaxSize(15)
  @ArrayUnique()
  @IsString({ each: true })
  @MinLength(2, { each: true })
  @MaxLength(40, { each: true })
  sectors?: string[];
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(2000) description?: string;
  @ApiPropertyOptional({ enum: MembershipStatuses }) @IsOptional() @IsIn(MembershipStatuses) membershipStatus?: MembershipStatus;
}

export class OrganisationListQueryDto extends PageQueryDto implements OrganisationListQuery {
  @SearchQueryProperty(100) q?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(upper) @IsString() @IsISO31661Alpha2() country?: string;
  @ApiPropertyOptional({ enum: OrganisationTypes }) @IsOptional() @IsIn(OrganisationTypes) type?: OrganisationType;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) sector?: string;
  @ApiPropertyOptional({ enum: MembershipStatuses }) @IsOptional() @IsIn(MembershipStatuses) membershipStatus?: MembershipStatus;
}

export class PeopleQueryDto extends PageQueryDto implements PeopleQuery {
  @SearchQueryProperty(100) q?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(upper) @IsString() @IsISO31661Alpha2() country?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) expertise?: string;
  @ApiPropertyOptional() @IsOptional() @IsMongoId() organisationId?: string;
}

export class PeopleLookupQueryDto implements PeopleLookupQuery {
  @ApiProperty({ description: 'comma-separated user ids', type: String })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value))
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(PEOPLE_LOOKUP_MAX)
  @ArrayUnique()
  @IsMongoId({ each: true })
  ids: string[];
}
