import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsMongoId, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import {
  AVATAR_COLORS,
  Languages,
  PASSWORD_MAX_LENGTH,
  type ChangePasswordRequest,
  type Language,
  type LoginRequest,
  type RegisterRequest,
  type UpdateProfileRequest,
} from '@klasteris/contracts';
import {
  DisplayNameProperty,
  EmailProperty,
  LanguageProperty,
  NameProperty,
  NewPasswordProperty,
  Omittable,
  TimeZoneProperty,
  trim,
} from '../../../common/fields';

export class RegisterDto implements RegisterRequest {
  @EmailProperty() email: string;
  @NewPasswordProperty() password: string;
  @DisplayNameProperty() displayName: string;
  @ApiPropertyOptional() @IsOptional() @IsMongoId() organisationId?: string;
  @TimeZoneProperty() timeZone?: string;
  @LanguageProperty() language?: Language;
}

export class LoginDto implements LoginRequest {
  @ApiProperty()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsString()
  @MinLength(3)
  @MaxLength(254)
  email: string;

  @ApiProperty() @IsString() @MinLength(1) @MaxLength(PASSWORD_MAX_LENGTH) password: string;
}

export class UpdateProfileDto implements UpdateProfileRequest {
  @NameProperty(80, 2, true) displayName?: string;
  @ApiPropertyOptional({ enum: Languages }) @Omittable() @IsIn(Languages) language?: Language;
  @TimeZoneProperty() timeZone?: string;
  @ApiPropertyOptional({ enum: AVATAR_COLORS }) @Omittable() @IsIn(AVATAR_COLORS) avatarColor?: string;
  @ApiPropertyOptional()
  @Omittable()
  @Transform(trim)
  @IsString()
  @Matches(/^\p{L}{1,3}$/u, { message: 'initials must be 1 to 3 letters' })
  initials?: string;
  @ApiPropertyOptional() @Omittable() @Transform(trim) @IsString() @MaxLength(100) title?: string;
  @ApiPropertyOptional({ type: [String] })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(40, { each: true })
  expertise?: string[];
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(PASSWORD_MAX_LENGTH) currentPassword: string;
  @NewPasswordProperty() newPassword: string;
}
