import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsISO31661Alpha2,
  IsMongoId,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  MaxLength,
  Min,
  MinLength,
  registerDecorator,
  ValidateIf,
  ValidateNested,
  type ValidationArguments,
} from 'class-validator';
import { IANAZone } from 'luxon';
import {
  EVENT_CAPACITY_MAX,
  EVENT_DESCRIPTION_MAX,
  EVENT_MAX_DAYS,
  EVENT_TITLE_MAX,
  EventKinds,
  EventVisibilities,
  Languages,
  RecurrenceFreqs,
  RsvpChoices,
  type AttendeesQuery,
  type CancelEventRequest,
  type CheckInRequest,
  type CreateEventRequest,
  type CreateEventSeriesRequest,
  type EventRecurrence,
  type RecurrenceFreq,
  type EventKind,
  type EventListQuery,
  type EventVenueInput,
  type EventVisibility,
  type Language,
  type PublicRegistrationRequest,
  type RsvpChoice,
  type RsvpRequest,
  type UpdateEventRequest,
} from '@klasteris/contracts';
import { EmailProperty, NameProperty, trim } from '../../../common/fields';
import { PageQueryDto } from '../../../common/pagination';
import { IsoInstant } from '../../bookings/dto/resources.dto';
import { SERIES_MAX_OCCURRENCES } from '../series-plan';

const upper = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim().toUpperCase() : value);

/** An IANA zone that exists (luxon asks Intl), e.g. Europe/Vilnius; "Mars/Olympus" is refused. */
export function IsTimeZone(): PropertyDecorator {
  return (target: object, propertyName: string | symbol): void => {
    registerDecorator({
      name: 'isTimeZone',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '$property must be an IANA time zone such as Europe/Vilnius' },
      validator: { validate: (v: unknown) => typeof v === 'string' && v.length <= 64 && v.includes('/') && IANAZone.isValidZone(v) },
    });
  };
}

/**
 * `end` after `start` and at most EVENT_MAX_DAYS later. In a PATCH either may be missing: then the
 * check is left to the service, which knows the stored other half.
 */
export function EndsAfterStart(): PropertyDecorator {
  return (target: object, propertyName: string | symbol): void => {
    registerDecorator({
      name: 'endsAfterStart',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `$property must be after start and at most ${EVENT_MAX_DAYS} days later` },
      validator: {
        validate: (v: unknown, args: ValidationArguments) => {
          const start = (args.object as { start?: unknown }).start;
          if (typeof v !== 'string' || typeof start !== 'string') return true;
          const s = Date.parse(start);
          const e = Date.parse(v);
          if (Number.isNaN(s) || Number.isNaN(e)) return true;
          return e > s && e - s <= EVENT_MAX_DAYS * 86_400_000;
        },
      },
    });
  };
}

/** Exactly one form of venue: { resourceId } | { address, city, country } | { url }. */
function OneVenueForm(): PropertyDecorator {
  return (target: object, propertyName: string | symbol): void => {
    registerDecorator({
      name: 'oneVenueForm',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: 'venue must be one of { resourceId }, { address, city, country } or { url }' },
      validator: {
        validate: (v: unknown) => {
          if (typeof v !== 'object' || v === null) return true; // ValidateNested reports a non-object
          const o = v as EventVenueInput;
          const forms = [
            o.resourceId !== undefined,
            o.address !== undefined || o.city !== undefined || o.country !== undefined,
            o.url !== undefined,
          ];
          return forms.filter(Boolean).length === 1;
        },
      },
    });
  };
}

export class EventVenueDto implements EventVenueInput {
  @ApiPropertyOptional({ description: 'a bookable resource of the catalogue; booked when the event is published' })
  @ValidateIf((o: EventVenueInput) => o.resourceId !== undefined)
  @IsMongoId()
  resourceId?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @ValidateIf((o: EventVenueInput) => o.resourceId === undefined && o.url === undefined)
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  address?: string;

  @ApiPropertyOptional({ maxLength: 100 })
  @ValidateIf((o: EventVenueInput) => o.resourceId === undefined && o.url === undefined)
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  city?: string;

  @ApiPropertyOptional({ example: 'OM', description: 'ISO 3166-1 alpha-2' })
  @ValidateIf((o: EventVenueInput) => o.resourceId === undefined && o.url === undefined)
  @Transform(upper)
  @IsString()
  @IsISO31661Alpha2()
  country?: string;

  @ApiPropertyOptional({ example: 'https://meet.example.org/klasteris', maxLength: 500 })
  @ValidateIf((o: EventVenueInput) => o.url !== undefined)
  @IsString()
  @MaxLength(500)
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true }, { message: 'url must be an http(s) link' })
  url?: string;
}

export class CreateEventDto implements CreateEventRequest {
  @ApiProperty({ minLength: 3, maxLength: EVENT_TITLE_MAX })
  @Transform(trim)
  @IsString()
  @MinLength(3)
  @MaxLength(EVENT_TITLE_MAX)
  title: string;
  @ApiPropertyOptional({ maxLength: EVENT_DESCRIPTION_MAX, description: 'Markdown' })
  @IsOptional()
  @IsString()
  @MaxLength(EVENT_DESCRIPTION_MAX)
  description?: string;
  @ApiProperty({ enum: EventKinds }) @IsIn(EventKinds) kind: EventKind;
  @ApiProperty({ example: '2026-03-03T10:00:00+02:00' }) @IsoInstant() start: string;
  @ApiProperty({ example: '2026-03-03T12:00:00+02:00' }) @IsoInstant() @EndsAfterStart() end: string;
  @ApiProperty({ example: 'Europe/Vilnius' }) @IsString() @IsTimeZone() timeZone: string;
  @ApiPropertyOptional({ minimum: 1, maximum: EVENT_CAPACITY_MAX, description: 'places; none: no limit' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(EVENT_CAPACITY_MAX)
  capacity?: number;
  @ApiProperty({ enum: EventVisibilities }) @IsIn(EventVisibilities) visibility: EventVisibility;
  @ApiPropertyOptional({ description: 'organised by this working group (its coordinators)' }) @IsOptional() @IsMongoId() groupId?: string;
  @ApiPropertyOptional({ description: 'organised by this project (its owners)' }) @IsOptional() @IsMongoId() projectId?: string;
  @ApiPropertyOptional({ description: 'organised by this organisation (its admins)' }) @IsOptional() @IsMongoId() organisationId?: string;
  @ApiProperty({ type: EventVenueDto }) @IsObject() @OneVenueForm() @ValidateNested() @Type(() => EventVenueDto) venue: EventVenueDto;
  @ApiPropertyOptional({ default: false, description: 'publish at once (books a resource venue)' })
  @IsOptional()
  @IsBoolean()
  publish?: boolean;
}

export class UpdateEventDto implements UpdateEventRequest {
  @ApiPropertyOptional({ minLength: 3, maxLength: EVENT_TITLE_MAX })
  @ValidateIf((_o, v) => v !== undefined)
  @Transform(trim)
  @IsString()
  @MinLength(3)
  @MaxLength(EVENT_TITLE_MAX)
  title?: string;
  @ApiPropertyOptional({ maxLength: EVENT_DESCRIPTION_MAX, nullable: true })
  @ValidateIf((_o, v) => v !== undefined && v !== null)
  @IsString()
  @MaxLength(EVENT_DESCRIPTION_MAX)
  description?: string | null;
  @ApiPropertyOptional({ enum: EventKinds }) @ValidateIf((_o, v) => v !== undefined) @IsIn(EventKinds) kind?: EventKind;
  @ApiPropertyOptional() @ValidateIf((_o, v) => v !== undefined) @IsoInstant() start?: string;
  @ApiPropertyOptional() @ValidateIf((_o, v) => v !== undefined) @IsoInstant() @EndsAfterStart() end?: string;
  @ApiPropertyOptional() @ValidateIf((_o, v) => v !== undefined) @IsString() @IsTimeZone() timeZone?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: EVENT_CAPACITY_MAX, nullable: true })
  @ValidateIf((_o, v) => v !== undefined && v !== null)
  @IsInt()
  @Min(1)
  @Max(EVENT_CAPACITY_MAX)
  capacity?: number | null;
  @ApiPropertyOptional({ enum: EventVisibilities })
  @ValidateIf((_o, v) => v !== undefined)
  @IsIn(EventVisibilities)
  visibility?: EventVisibility;
  @ApiPropertyOptional({ type: EventVenueDto })
  @ValidateIf((_o, v) => v !== undefined)
  @IsObject()
  @OneVenueForm()
  @ValidateNested()
  @Type(() => EventVenueDto)
  venue?: EventVenueDto;
  @ApiPropertyOptional({ description: 'true publishes a draft' }) @ValidateIf((_o, v) => v !== undefined) @IsBoolean() publish?: boolean;
}

export class EventListQueryDto extends PageQueryDto implements EventListQuery {
  @ApiPropertyOptional({ description: 'events ending after this instant (default: now)' }) @IsOptional() @IsoInstant() from?: string;
  @ApiPropertyOptional({ description: 'events starting before this instant' }) @IsOptional() @IsoInstant() to?: string;
}

export class CancelEventDto implements CancelEventRequest {
  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @Transform(trim) @IsString() @MaxLength(500) reason?: string;
}

export class RsvpDto implements RsvpRequest {
  @ApiProperty({ enum: RsvpChoices }) @IsIn(RsvpChoices) status: RsvpChoice;
}

export class PublicRegistrationDto implements PublicRegistrationRequest {
  @NameProperty(80, 2) name: string;
  @EmailProperty() email: string;
  @NameProperty(120, 2) organisation: string;
  @ApiProperty({ example: 'OM', description: 'ISO 3166-1 alpha-2' }) @Transform(upper) @IsString() @IsISO31661Alpha2() country: string;
  @ApiPropertyOptional({ enum: Languages, default: 'en' }) @IsOptional() @IsIn(Languages) language?: Language;
}

/** Exactly one of count and until. */
function CountOrUntil(): PropertyDecorator {
  return (target: object, propertyName: string | symbol): void => {
    registerDecorator({
      name: 'countOrUntil',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: 'give exactly one of count and until' },
      validator: {
        validate: (_v: unknown, args: ValidationArguments) => {
          const o = args.object as { count?: unknown; until?: unknown };
          return (o.count !== undefined) !== (o.until !== undefined);
        },
      },
    });
  };
}

export class EventRecurrenceDto implements EventRecurrence {
  @ApiProperty({ enum: RecurrenceFreqs }) @IsIn(RecurrenceFreqs) @CountOrUntil() freq: RecurrenceFreq;
  @ApiPropertyOptional({ minimum: 1, maximum: 12, default: 1 }) @IsOptional() @IsInt() @Min(1) @Max(12) interval?: number;
  @ApiPropertyOptional({ minimum: 2, maximum: SERIES_MAX_OCCURRENCES, description: 'how many occurrences; give this or until' })
  @IsOptional()
  @IsInt()
  @Min(2)
  @Max(SERIES_MAX_OCCURRENCES)
  count?: number;
  @ApiPropertyOptional({
    example: '2027-06-30',
    description: 'the last day an occurrence may start (at most two years after the first); give this or count',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  @IsISO8601({ strict: true }, { message: 'until must be an ISO 8601 date' })
  until?: string;
}

export class CreateEventSeriesDto extends CreateEventDto implements CreateEventSeriesRequest {
  @ApiProperty({ type: EventRecurrenceDto }) @IsObject() @ValidateNested() @Type(() => EventRecurrenceDto) recurrence: EventRecurrenceDto;
}

export class AttendeesQueryDto implements AttendeesQuery {
  @ApiPropertyOptional({ maxLength: 100, description: 'names, organisations, countries or e-mails containing this (case-insensitive)' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class CheckInDto implements CheckInRequest {
  @ApiProperty({ description: 'true: present; false: absent' }) @IsBoolean() present: boolean;
}
