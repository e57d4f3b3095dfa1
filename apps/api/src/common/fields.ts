import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateBy, ValidateIf } from 'class-validator';
import { IANAZone } from 'luxon';
import { Languages, MAIL_ADDRESS_PATTERN, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@klasteris/contracts';

export const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);
const trimLower = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim().toLowerCase() : value);

/**
 * Text without control characters (NUL, line breaks, escapes) or bidirectional overrides
 * (U+202A–U+202E, U+2066–U+2069): what names and search terms may contain. A NUL cannot reach a
 * database regex (BSON refuses it), a line break cannot forge a log line, an override cannot
 * make a name read backwards.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const PLAIN_TEXT_PATTERN = /^[^\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]*$/u;
const plainText = (): PropertyDecorator =>
  Matches(PLAIN_TEXT_PATTERN, { message: '$property must not contain control characters or direction overrides' });

/** A search term in a query string (`?q=`): optional unless `required`, plain text, at most `max` characters. */
export const SearchQueryProperty = (max: number, required = false): PropertyDecorator =>
  applyDecorators(
    required
      ? ApiProperty({ minLength: 1, maxLength: max, description: 'search term (no control characters)' })
      : ApiPropertyOptional({ maxLength: max, description: 'search term (no control characters)' }),
    ...(required ? [MinLength(1)] : [IsOptional()]),
    IsString(),
    MaxLength(max),
    plainText(),
  );

/**
 * Optional, but never null: class-validator's IsOptional() lets null through to the service, which
 * would store it in a field the contract says is never null. Use this for such fields of updates.
 */
export const Omittable = (): PropertyDecorator => ValidateIf((_o, v: unknown) => v !== undefined);

/** A name people see (a person, a group): plain text, trimmed, within the lengths. */
export const NameProperty = (max: number, min: number, optional = false): PropertyDecorator =>
  applyDecorators(
    optional ? ApiPropertyOptional({ minLength: min, maxLength: max }) : ApiProperty({ minLength: min, maxLength: max }),
    ...(optional ? [Omittable()] : []),
    Transform(trim),
    IsString(),
    MinLength(min),
    MaxLength(max),
    plainText(),
  );

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
  applyDecorators(
    ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH }),
    IsString(),
    MinLength(PASSWORD_MIN_LENGTH),
    MaxLength(PASSWORD_MAX_LENGTH),
  );

export const DisplayNameProperty = (): PropertyDecorator => NameProperty(80, 2);

export const TextProperty = (max: number, min = 1): PropertyDecorator =>
  applyDecorators(ApiProperty({ minLength: min, maxLength: max }), Transform(trim), IsString(), MinLength(min), MaxLength(max));

/** An IANA time zone name (`Europe/Vilnius`, `Asia/Muscat`, `UTC`) that the time zone database knows. */
export const isIanaTimeZone = (v: unknown): v is string =>
  typeof v === 'string' && v.length <= 64 && /^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(v) && IANAZone.isValidZone(v);

/** An optional language of the portal (en, lt): the one a new account's notifications and mails are written in. */
export const LanguageProperty = (): PropertyDecorator =>
  applyDecorators(ApiPropertyOptional({ enum: Languages }), Omittable(), IsIn(Languages));

export const TimeZoneProperty = (optional = true): PropertyDecorator =>
  applyDecorators(
    optional
      ? ApiPropertyOptional({ example: 'Europe/Vilnius', maxLength: 64, description: 'IANA time zone' })
      : ApiProperty({ example: 'Europe/Vilnius', maxLength: 64, description: 'IANA time zone' }),
    ...(optional ? [Omittable()] : []),
    ValidateBy({
      name: 'isIanaTimeZone',
      validator: { validate: isIanaTimeZone, defaultMessage: () => '$property must be an IANA time zone such as Europe/Vilnius' },
    }),
  );
