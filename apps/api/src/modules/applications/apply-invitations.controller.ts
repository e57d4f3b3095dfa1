import { Controller, Get, Param, UseGuards } from '@nestjs/common';
import { ApiGoneResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { ApplicationReport, ApplyInvitationPreviewResponse } from '@klasteris/contracts';
import { Authenticated, Public } from '../../common/auth.decorators';
import { ApplicationReportService } from './application-report.service';
import { ApplyInvitationsService } from './apply-invitations.service';

/** Invitations to apply (their public preview, which the apply page prefills from) and the report of applications by source. */
@ApiTags('applications')
@Controller('applications')
export class ApplyInvitationsController {
  constructor(
    private readonly invitations: ApplyInvitationsService,
    private readonly reports: ApplicationReportService,
  ) {}

  /** Applications by source event (with the invitations to apply sent from each) and by country. */
  @Authenticated({ roles: ['admin', 'coordinator'] })
  @Get('report')
  @ApiOkResponse({ description: '{ bySource, byCountry, totals }: the direct applications (no source) come last in bySource' })
  report(): Promise<ApplicationReport> {
    return this.reports.report();
  }

  /** What the apply page prefills from an invitation's link: the prospect's name, e-mail, organisation, country and the event. */
  @Public()
  @UseGuards(ThrottlerGuard)
  @Get('invitations/:token')
  @ApiOkResponse({ description: '{ invitation: { name, email, organisation, country, source, invitedByName, message, expiresAt } }' })
  @ApiNotFoundResponse({ description: 'INVITATION_INVALID: no such invitation (or a malformed token)' })
  @ApiGoneResponse({ description: 'INVITATION_USED (an application came from it) or INVITATION_EXPIRED' })
  @ApiTooManyRequestsResponse({ description: 'TOO_MANY_REQUESTS' })
  async preview(@Param('token') token: string): Promise<ApplyInvitationPreviewResponse> {
    return { invitation: await this.invitations.preview(token) };
  }
}
