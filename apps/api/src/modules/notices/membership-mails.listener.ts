import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { ApplicationNewsEvent, ApplyInvitationSentEvent } from '../applications/applications.events';
import { OutboxService } from '../mail/outbox.service';
import { UsersRepository } from '../users/users.repository';
import { recipientOf } from './mail-recipient';

/**
 * Membership applications → mails, queued in the outbox by the step that causes them (awaited
 * with the event): a new application to the reviewers, the decision to its contact person. The
 * key is the application, so the same cause never queues a second mail.
 */
@Injectable()
export class MembershipMails {
  constructor(
    private readonly outbox: OutboxService,
    private readonly users: UsersRepository,
  ) {}

  @OnEvent(ApplicationNewsEvent.event, { suppressErrors: false })
  async onApplication({ userIds, application: a, news: n }: ApplicationNewsEvent): Promise<void> {
    if (n.what === 'submitted') {
      for (const reviewer of await this.users.findByIds(userIds)) {
        await this.outbox.enqueue({
          kind: 'application.submitted',
          key: a.id,
          to: recipientOf(reviewer),
          language: reviewer.language,
          data: {
            organisationName: n.organisation.name,
            country: n.organisation.country,
            contactName: a.contact.displayName,
            contactEmail: a.contact.email,
            motivation: a.motivation,
          },
        });
      }
      return;
    }
    // the decision, to the address the application gave (the account may be disabled with a rejection)
    const contact = await this.users.findById(a.contact.userId);
    await this.outbox.enqueue({
      kind: n.what === 'approved' ? 'application.approved' : 'application.rejected',
      key: a.id,
      to: { email: a.contact.email, name: a.contact.displayName, userId: a.contact.userId },
      language: contact?.language ?? 'en',
      data: { organisationName: a.organisation.name, reason: n.reason, organisationPath: `/directory/organisations/${a.organisationId}` },
    });
  }

  /** An event's prospect invited to apply: to the address they registered with, in the language they registered in (no account yet). */
  @OnEvent(ApplyInvitationSentEvent.event, { suppressErrors: false })
  async onApplyInvitation({ invitation: i, path }: ApplyInvitationSentEvent): Promise<void> {
    await this.outbox.enqueue({
      kind: 'application.invitation',
      key: `${i.id}:${i.sent}`,
      to: { email: i.email, name: i.name },
      language: i.language,
      data: {
        name: i.name,
        organisationName: i.organisationName,
        eventTitle: i.eventTitle,
        inviterName: i.inviterName,
        message: i.message,
        path,
        expiresAt: i.expiresAt,
      },
    });
  }
}
