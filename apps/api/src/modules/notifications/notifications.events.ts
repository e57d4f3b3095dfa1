import type { Notification } from '@klasteris/contracts';

export class NotificationCreatedEvent {
  static readonly event = 'notification.created';
  constructor(
    readonly userId: string,
    readonly notification: Notification,
  ) {}
}
