import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { MAIL_ADDRESS_PATTERN, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@klasteris/contracts';

export const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);
const trimLower = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim().toLowerCase() : value);

/** Shared field rules, so every form that takes an e-mail, a password or a name agrees. */
export const EmailProperty = (): PropertyDecorator =>
  applyDecorators(
    ApiProperty({ example: 'member@klasteris.demo', maxLength: 254 }),
    Transform(trimLower),
    IsString(),
    MaxLength(254),
    IsEmail({}, { message: 'email must be a valid e-mail address' }),
    // the outbox's own rule: one plain mailbox that no header can be smuggled through
    Matches(MAIL_ADDRESS_PATTERN, { message: 'email must be a valid e-mail address' }),
  );

export const NewPasswordProperty = (): PropertyDecorator =>
  applyDecorators(ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH }), IsString(), MinLength(PASSWORD_MIN_LENGTH), MaxLength(PASSWORD_MAX_LENGTH));

export const DisplayNameProperty = (): PropertyDecorator =>
  applyDecorators(ApiProperty({ minLength: 2, maxLength: 80 }), Transform(trim), IsString(), MinLength(2), MaxLength(80));

export const TextProperty = (max: number, min = 1): PropertyDecorator =>
  applyDecorators(ApiProperty({ minLength: min, maxLength: max }), Transform(trim), IsString(), MinLength(min), MaxLength(max));
