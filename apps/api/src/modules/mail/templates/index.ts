import type { MailKind } from '@klasteris/contracts';
import type { MailTemplate } from '../render/blocks';
import { emailChangedNoticeMail, emailChangeMail, passwordResetMail, verifyEmailMail } from './account';
import { applicationInvitationMail } from './application-invitation';
import { applicationApprovedMail, applicationRejectedMail } from './application-decided';
import { applicationSubmittedMail } from './application-submitted';
import { groupAnnouncementMail, groupJoinDecidedMail, groupJoinRequestedMail } from './groups';
import { chatDigestMail } from './chat-digest';
import { eventAnnouncementMail } from './event-announcement';
import { eventCancelledMail } from './event-cancelled';
import { eventOfferMail } from './event-offer';
import { eventRegistrationMail } from './event-registration';
import { invitationMail } from './invitation';
import {
  bookingApprovedMail,
  bookingCancelledMail,
  bookingRejectedMail,
  bookingReminderMail,
  bookingRequestedMail,
  bookingWaitlistOfferMail,
} from './bookings';
import { cardAssignedMail, cardDueTomorrowMail, cardOverdueMail } from './cards';

/**
 * The template of every mail kind (the keys are exactly `MailKinds` of libs/contracts/src/mail.ts,
 * checked by the compiler). To add a kind: see ../README.md.
 */
export const MAIL_TEMPLATES = {
  invitation: invitationMail,
  'application.invitation': applicationInvitationMail,
  'application.submitted': applicationSubmittedMail,
  'application.approved': applicationApprovedMail,
  'application.rejected': applicationRejectedMail,
  'account.password_reset': passwordResetMail,
  'account.email_change': emailChangeMail,
  'account.email_changed_notice': emailChangedNoticeMail,
  'account.verify_email': verifyEmailMail,
  'event.registration': eventRegistrationMail,
  'event.offer': eventOfferMail,
  'event.cancelled': eventCancelledMail,
  'event.announcement': eventAnnouncementMail,
  'group.join_requested': groupJoinRequestedMail,
  'group.join_decided': groupJoinDecidedMail,
  'group.announcement': groupAnnouncementMail,
  'booking.requested': bookingRequestedMail,
  'booking.approved': bookingApprovedMail,
  'booking.rejected': bookingRejectedMail,
  'booking.cancelled': bookingCancelledMail,
  'booking.waitlist_offer': bookingWaitlistOfferMail,
  'booking.reminder': bookingReminderMail,
  'card.assigned': cardAssignedMail,
  'card.due_tomorrow': cardDueTomorrowMail,
  'card.overdue': cardOverdueMail,
  'chat.digest': chatDigestMail,
} satisfies { [K in MailKind]: MailTemplate<never> };

type Templates = typeof MAIL_TEMPLATES;
/** The data a kind's template takes: `enqueue({ kind: 'invitation', data: { … } })` is checked against it. */
export type MailData<K extends MailKind> = Templates[K] extends MailTemplate<infer D> ? D : never;
