import type { MailRecipient } from '../mail/outbox.service';
import type { UserRecord } from '../users/user.schema';

/** An account as the outbox addresses it (its id lets it unsubscribe and shows in the admin view). */
export const recipientOf = (u: Pick<UserRecord, 'id' | 'email' | 'displayName'>): MailRecipient => ({
  email: u.email,
  name: u.displayName,
  userId: u.id,
});
