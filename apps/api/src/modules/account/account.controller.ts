import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { Authenticated, CurrentUser, Public } from '../../common/auth.decorators';
import type { AuthUser } from '../../common/auth-user';
import { EmailChangeDto, MailTokenDto, PasswordResetConfirmDto, PasswordResetDto } from './dto/account.dto';
import { EmailChangeService } from './email-change.service';
import { EmailVerificationService } from './email-verification.service';
import { PasswordResetService } from './password-reset.service';

@ApiTags('account')
@Controller()
export class AccountController {
  constructor(
    private readonly reset: PasswordResetService,
    private readonly emailChange: EmailChangeService,
    private readonly verification: EmailVerificationService,
  ) {}

  @Public()
  @Post('auth/password-reset')
  @HttpCode(202)
  @ApiAcceptedResponse({ description: 'Always, known address or not; a known one gets a mail (at most 3 per 15 min)' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED' })
  @ApiTooManyRequestsResponse({ description: 'TOO_MANY_REQUESTS from one client address (Retry-After in seconds)' })
  async requestReset(@Body() body: PasswordResetDto, @Req() req: Request): Promise<void> {
    await this.reset.request(body.email, req.ip ?? 'unknown');
  }

  @Public()
  @Post('auth/password-reset/confirm')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Password set; every session and socket of the person ended' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED, RESET_TOKEN_INVALID, RESET_TOKEN_USED, RESET_TOKEN_EXPIRED' })
  confirmReset(@Body() body: PasswordResetConfirmDto): Promise<void> {
    return this.reset.confirm(body.token, body.password);
  }

  @Authenticated()
  @Post('users/me/email')
  @HttpCode(202)
  @ApiAcceptedResponse({ description: 'A confirmation link went to the new address' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED, WRONG_PASSWORD' })
  @ApiConflictResponse({ description: 'EMAIL_TAKEN' })
  async requestEmailChange(@CurrentUser() me: AuthUser, @Body() body: EmailChangeDto): Promise<void> {
    await this.emailChange.request(me, body.email, body.password);
  }

  @Public()
  @Post('auth/email-change/confirm')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The address is switched; the old address gets a notice' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED, MAIL_TOKEN_INVALID' })
  @ApiConflictResponse({ description: 'EMAIL_TAKEN (another account took the address meanwhile)' })
  confirmEmailChange(@Body() body: MailTokenDto): Promise<void> {
    return this.emailChange.confirm(body.token);
  }

  @Public()
  @Post('auth/verify-email')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The address is verified' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED, MAIL_TOKEN_INVALID (unknown, used or expired link)' })
  verifyEmail(@Body() body: MailTokenDto): Promise<void> {
    return this.verification.verify(body.token);
  }
}
