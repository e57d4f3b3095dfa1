import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import {
  APPLY_INVITATION_TOKEN,
  ApplicationStatuses,
  type ApplicationContactInput,
  type ApplicationListQuery,
  type ApplicationStatus,
  type CreateApplicationRequest,
  type DecideApplicationRequest,
  type Language,
} from '@klasteris/contracts';
import { DisplayNameProperty, EmailProperty, LanguageProperty, NewPasswordProperty, TextProperty, trim } from '../../../common/fields';
import { PageQueryDto } from '../../../common/pagination';
import { OrganisationInputDto } from '../../organisations/dto/organisations.dto';
import { Transform } from 'class-transformer';

export class ApplicationContactDto implements ApplicationContactInput {
  @DisplayNameProperty() displayName: string;
  @EmailProperty() email: string;
  @NewPasswordProperty() password: string;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(100) title?: string;
  @LanguageProperty() language?: Language;
}

export class CreateApplicationDto implements CreateApplicationRequest {
  @ApiProperty({ type: OrganisationInputDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => OrganisationInputDto)
  organisation: OrganisationInputDto;
  @ApiProperty({ type: ApplicationContactDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => ApplicationContactDto)
  contact: ApplicationContactDto;
  @TextProperty(3000, 10) motivation: string;
  @ApiPropertyOptional({
    pattern: APPLY_INVITATION_TOKEN.source,
    description: 'the token of an invitation to apply (from its mail link): the application keeps its event as the source',
  })
  @IsOptional()
  @IsString()
  @Matches(APPLY_INVITATION_TOKEN, { message: 'invitation is not a valid invitation token' })
  invitation?: string;
}

export class ApplicationListQueryDto extends PageQueryDto implements ApplicationListQuery {
  @ApiPropertyOptional({ enum: ApplicationStatuses }) @IsOptional() @IsIn(ApplicationStatuses) status?: ApplicationStatus;
}

export class ApproveApplicationDto implements DecideApplicationRequest {
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(1000) reason?: string;
}

export class RejectApplicationDto implements DecideApplicationRequest {
  @TextProperty(1000, 3) reason: string;
}
