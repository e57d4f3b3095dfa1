import type { MailKind } from '@klasteris/contracts';

/**
 * A recipient used a one-click unsubscribe (RFC 8058) for a non-essential kind. The outbox itself
 * suppresses further mails of that kind to that address; notification preferences listen to this
 * to show the kind's e-mail channel as off.
 */
export class MailUnsubscribedEvent {
  static readonly event = 'mail.unsubscribed';
  constructor(
    readonly email: string,
    readonly kind: MailKind,
    readonly userId: string | null,
  ) {}
}
