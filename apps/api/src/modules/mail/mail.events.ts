import type { MailKind } from '@klasteris/contracts';

/**
 * A recipient used a one-click unsubscribe (RFC 8058) for a non-essential kind. By then it is
 * recorded: in the person's notification preferences (an account) or as a suppression of that
 * address (no account). For listeners that want to know (audit, metrics).
 */
export class MailUnsubscribedEvent {
  static readonly event = 'mail.unsubscribed';
  constructor(
    readonly email: string,
    readonly kind: MailKind,
    readonly userId: string | null,
  ) {}
}
