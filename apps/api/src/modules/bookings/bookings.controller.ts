import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Booking, CancelBookingResponse, CreateBookingResponse, Page } from '@klasteris/contracts';
import { Authenticated, CurrentUser } from '../../common/auth.decorators';
import type { AuthUser } from '../../common/auth-user';
import { ObjectIdPipe } from '../../common/object-id';
import { PageQueryDto, pageLimit } from '../../common/pagination';
import { BookingDecisionsService } from './booking-decisions.service';
import { BookingsService } from './bookings.service';
import { BookingListQueryDto, CancelBookingDto, CreateBookingDto, DecisionDto } from './dto/bookings.dto';

@ApiTags('bookings')
@Authenticated()
@Controller('bookings')
export class BookingsController {
  constructor(
    private readonly bookings: BookingsService,
    private readonly decisions: BookingDecisionsService,
  ) {}

  /** 201 with status confirmed or pending; 409 BOOKING_CONFLICT with details.conflicts; 422 BOOKING_RULE_VIOLATED with details.rule. */
  @Post()
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

  @Get(':id')
  async get(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string): Promise<{ booking: Booking }> {
    return { booking: await this.bookings.get(me, id) };
  }

  @Post(':id/approve')
  @HttpCode(200)
  async approve(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string, @Body() body: DecisionDto): Promise<{ booking: Booking }> {
    return { booking: await this.decisions.approve(me, id, body.note ?? null) };
  }

  @Post(':id/reject')
  @HttpCode(200)
  async reject(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string, @Body() body: DecisionDto): Promise<{ booking: Booking }> {
    return { booking: await this.decisions.reject(me, id, body.note ?? null) };
  }

  @Post(':id/cancel')
  @HttpCode(200)
  cancel(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string, @Body() body: CancelBookingDto): Promise<CancelBookingResponse> {
    return this.decisions.cancel(me, id, body.reason ?? null, body.scope);
  }
}
