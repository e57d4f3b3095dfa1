import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Booking, WaitlistEntry } from '@klasteris/contracts';
import { ApiErrors } from '../../common/api-docs';
import { Authenticated, CurrentUser } from '../../common/auth.decorators';
import type { AuthUser } from '../../common/auth-user';
import { ObjectIdPipe } from '../../common/object-id';
import { JoinWaitlistDto } from './dto/bookings.dto';
import { WaitlistService } from './waitlist.service';

@ApiTags('bookings')
@Authenticated()
@Controller('waitlist')
export class WaitlistController {
  constructor(private readonly waitlist: WaitlistService) {}

  /** Joins the waitlist of a taken time; if it is free right now, the entry is offered at once. */
  @Post()
  @ApiErrors(422)
  async join(@CurrentUser() me: AuthUser, @Body() body: JoinWaitlistDto): Promise<{ entry: WaitlistEntry }> {
    return { entry: await this.waitlist.join(me, body) };
  }

  @Get('mine')
  async mine(@CurrentUser() me: AuthUser): Promise<{ items: WaitlistEntry[]; nextCursor: null }> {
    return { items: await this.waitlist.mine(me), nextCursor: null };
  }

  @Post(':id/accept')
  @ApiErrors(422)
  @HttpCode(200)
  async accept(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string): Promise<{ booking: Booking }> {
    return { booking: await this.waitlist.accept(me, id) };
  }

  @Delete(':id')
  @HttpCode(204)
  leave(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string): Promise<void> {
    return this.waitlist.leave(me, id);
  }
}
