import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { NotificationPreferencesResponse } from '@klasteris/contracts';
import { Authenticated, CurrentUser } from '../../common/auth.decorators';
import type { AuthUser } from '../../common/auth-user';
import { NotificationPreferencesResponseView, UpdateNotificationPreferencesDto } from './dto/preferences.dto';
import { PreferencesService } from './preferences.service';

/** My notification preferences: per topic in-app / e-mail / both / off, digest delay, quiet hours, time zone. */
@ApiTags('notifications')
@Authenticated()
@Controller('users/me/notification-preferences')
export class PreferencesController {
  constructor(private readonly prefs: PreferencesService) {}

  @Get()
  @ApiOkResponse({ type: NotificationPreferencesResponseView })
  async get(@CurrentUser() me: AuthUser): Promise<NotificationPreferencesResponse> {
    return { preferences: await this.prefs.get(me.id) };
  }

  /** Changes what is sent; fields left out stay as they are (`quietHours: null` turns them off). */
  @Put()
  @ApiOkResponse({ type: NotificationPreferencesResponseView })
  @ApiBadRequestResponse({
    description:
      'VALIDATION_FAILED with details.fields (unknown topic or delivery, delay out of range, a time not HH:mm, an unknown time zone)',
  })
  async put(@CurrentUser() me: AuthUser, @Body() body: UpdateNotificationPreferencesDto): Promise<NotificationPreferencesResponse> {
    return { preferences: await this.prefs.update(me.id, body) };
  }
}
