import type { Language, MembershipApplication } from '@klasteris/contracts';

/** What became of a membership application, as the people told about it need to know it. */
export type ApplicationNews =
  | { what: 'submitted'; organisation: { name: string; country: string } }
  | { what: 'approved'; reason: string | null }
  | { what: 'rejected'; reason: string };

/**
 * Someone should hear of an application: the reviewers of a new one, its contact person of the
 * decision. modules/notices writes the notification in each reader's language (none for a
 * rejection: the contact's account is disabled with it) and queues the mails. Emitted with
 * `emitAsync` and awaited, so the request answers once they are told.
 */
export class ApplicationNewsEvent {
  static readonly event = 'application.news';
  constructor(
    readonly userIds: string[],
    readonly application: MembershipApplication,
    readonly news: ApplicationNews,
  ) {}
}

/**
 * An event's prospect was invited to apply (or an expired invitation sent again, `sent` > 1):
 * modules/notices queues the mail with the link to the apply page (the token exists only here and
 * in the mail). Emitted with `emitAsync` and awaited.
 */
export class ApplyInvitationSentEvent {
  static readonly event = 'application.invitation_sent';
  constructor(
    readonly invitation: {
      id: string;
      sent: number;
      email: string;
      name: string;
      organisationName: string;
      eventTitle: string;
      inviterName: string;
      message: string | null;
      language: Language;
      expiresAt: Date;
    },
    /** the app path of the apply page with the token */
    readonly path: string,
  ) {}
}
