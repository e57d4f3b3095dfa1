import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import {
  PASSWORD_MAX_LENGTH,
  type EmailChangeRequest,
  type MailTokenRequest,
  type PasswordResetConfirmRequest,
  type PasswordResetRequest,
} from '@klasteris/contracts';
import { EmailProperty, NewPasswordProperty } from '../../../common/fields';

/** A mailed token: a plain string (an object such as `{ "$regex": "." }` is a 400 VALIDATION_FAILED). */
const TokenProperty = (): PropertyDecorator => (target, key) => {
  ApiProperty({ description: 'the token of the mailed link', minLength: 1, maxLength: 200 })(target, key);
  IsString()(target, key);
  MinLength(1)(target, key);
  MaxLength(200)(target, key);
};

export class PasswordResetDto implements PasswordResetRequest {
  @EmailProperty() email: string;
}

export class PasswordResetConfirmDto implements PasswordResetConfirmRequest {
  @TokenProperty() token: string;
  @NewPasswordProperty() password: string;
}

export class MailTokenDto implements MailTokenRequest {
  @TokenProperty() token: string;
}

export class EmailChangeDto implements EmailChangeRequest {
  @EmailProperty() email: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(PASSWORD_MAX_LENGTH) password: string;
}
