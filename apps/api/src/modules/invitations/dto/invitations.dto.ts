import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { AcceptInvitationRequest, CreateInvitationRequest, Language } from '@klasteris/contracts';
import { DisplayNameProperty, EmailProperty, LanguageProperty, NewPasswordProperty, trim } from '../../../common/fields';

export class CreateInvitationDto implements CreateInvitationRequest {
  @EmailProperty() email: string;
  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @Transform(trim) @IsString() @MaxLength(500) message?: string;
}

export class AcceptInvitationDto implements AcceptInvitationRequest {
  @DisplayNameProperty() displayName: string;
  @NewPasswordProperty() password: string;
  @LanguageProperty() language?: Language;
}
