import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Notification, Page } from '@klasteris/contracts';
import { Authenticated, CurrentUser } from '../../common/auth.decorators';
import type { AuthUser } from '../../common/auth-user';
import { ObjectIdPipe } from '../../common/object-id';
import { pageLimit } from '../../common/pagination';
import { NotificationListQueryDto } from './dto/notification-list.query';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@Authenticated()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  list(@CurrentUser() me: AuthUser, @Query() q: NotificationListQueryDto): Promise<Page<Notification> & { unread: number }> {
    return this.notifications.list(me.id, { unreadOnly: q.unreadOnly ?? false, cursor: q.cursor, limit: pageLimit(q) });
  }

  @Post('read-all')
  @HttpCode(204)
  readAll(@CurrentUser() me: AuthUser): Promise<void> {
    return this.notifications.markAllRead(me.id);
  }

  @Post(':id/read')
  @HttpCode(204)
  read(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string): Promise<void> {
    return this.notifications.markRead(me.id, id);
  }
}
