import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiTags } from '@nestjs/swagger';
import type { Booking, CancelBookingResponse, CreateBookingResponse, Page, UtilisationResponse } from '@klasteris/contracts';
import { ApiErrors, ApiFileResponse } from '../../common/api-docs';
import { Authenticated, CurrentUser } from '../../common/auth.decorators';
import type { AuthUser } from '../../common/auth-user';
import { ObjectIdPipe } from '../../common/object-id';
import { PageQueryDto, pageLimit } from '../../common/pagination';
import { BookingDecisionsService } from './booking-decisions.service';
import { BookingsService } from './bookings.service';
import { BookingListQueryDto, CancelBookingDto, CreateBookingDto, DecisionDto, UtilisationQueryDto } from './dto/bookings.dto';
import { UtilisationService, utilisationCsv } from './utilisation.service';

@ApiTags('bookings')
@Authenticated()
@Controller('bookings')
export class BookingsController {
  constructor(
    private readonly bookings: BookingsService,
    private readonly decisions: BookingDecisionsService,
    private readonly utilisation: UtilisationService,
  ) {}

  /** 201 with status confirmed or pending; 409 BOOKING_CONFLICT with details.conflicts; 422 BOOKING_RULE_VIOLATED with details.rule. */
  @Post()
  @ApiErrors(422)
  create(@CurrentUser() me: AuthUser, @Body() body: CreateBookingDto): Promise<CreateBookingResponse> {
    return this.bookings.create(me, body);
  }

  /** The caller's own bookings, by start time. */
  @Get('mine')
  mine(@CurrentUser() me: AuthUser, @Query() q: BookingListQueryDto): Promise<Page<Booking>> {
    return this.bookings.listMine(me, { ...q, limit: pageLimit(q) });
  }

  /** Pending requests the caller may approve or reject now, oldest first. */
  @Get('approvals')
  approvals(@CurrentUser() me: AuthUser, @Query() q: PageQueryDto): Promise<Page<Booking>> {
    return this.bookings.approvalQueue(me, q.cursor, pageLimit(q));
  }

  /** Upcoming pending and confirmed bookings linked to a project (members only; 404 otherwise). */
  @Get('project/:projectId')
  async forProject(
    @CurrentUser() me: AuthUser,
    @Param('projectId', ObjectIdPipe) projectId: string,
  ): Promise<{ items: Booking[]; nextCursor: null }> {
    return { items: await this.bookings.forProject(me, projectId), nextCursor: null };
  }

  /** Every booking linked to a card, by start, with its status (members of the card's project only; 404 otherwise). */
  @Get('card/:cardId')
  card(@CurrentUser() me: AuthUser, @Param('cardId', ObjectIdPipe) cardId: string, @Query() q: PageQueryDto): Promise<Page<Booking>> {
    return this.bookings.forCard(me, cardId, { cursor: q.cursor, limit: pageLimit(q) });
  }

  /** Booked vs open unit-hours per resource, organisation and month; coordinators see all, org admins their own resources. */
  @Get('utilisation')
  report(@CurrentUser() me: AuthUser, @Query() q: UtilisationQueryDto): Promise<UtilisationResponse> {
    return this.utilisation.report(me, q.month, q.resourceId);
  }

  @Get('utilisation.csv')
  @ApiFileResponse(['text/csv'])
  async csv(@CurrentUser() me: AuthUser, @Query() q: UtilisationQueryDto, @Res() res: Response): Promise<void> {
    const report = await this.utilisation.report(me, q.month, q.resourceId);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="utilisation-${q.month}.csv"`);
    res.send(utilisationCsv(report));
  }

  @Get(':id')
  async get(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string): Promise<{ booking: Booking }> {
    return { booking: await this.bookings.get(me, id) };
  }

  @Post(':id/approve')
  @HttpCode(200)
  async approve(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
    @Body() body: DecisionDto,
  ): Promise<{ booking: Booking }> {
    return { booking: await this.decisions.approve(me, id, body.note ?? null) };
  }

  @Post(':id/reject')
  @HttpCode(200)
  async reject(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
    @Body() body: DecisionDto,
  ): Promise<{ booking: Booking }> {
    return { booking: await this.decisions.reject(me, id, body.note ?? null) };
  }

  @Post(':id/check-in')
  @HttpCode(200)
  async checkIn(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string): Promise<{ booking: Booking }> {
    return { booking: await this.decisions.checkIn(me, id) };
  }

  @Post(':id/cancel')
  @HttpCode(200)
  cancel(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
    @Body() body: CancelBookingDto,
  ): Promise<CancelBookingResponse> {
    return this.decisions.cancel(me, id, body.reason ?? null, body.scope);
  }
}
