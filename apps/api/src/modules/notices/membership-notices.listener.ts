import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { ApplicationNewsEvent } from '../applications/applications.events';
import { RegistrationAwaitsApprovalEvent } from '../auth/auth.events';
import { InvitationAcceptedEvent } from '../invitations/invitations.events';
import { NotificationsService } from '../notifications/notifications.service';
import { NotificationTexts as T } from './notice-texts';

const organisationLink = (id: string): string => `/directory/organisations/${id}`;

/** Joining the cluster (applications, invitations, registrations) → notifications, awaited by the request that caused them. */
@Injectable()
export class MembershipNotices {
  constructor(private readonly notifications: NotificationsService) {}

  @OnEvent(ApplicationNewsEvent.event, { suppressErrors: false })
  async onApplication({ userIds, application: a, news: n }: ApplicationNewsEvent): Promise<void> {
    switch (n.what) {
      case 'submitted':
        return this.notifications.notify(userIds, {
          kind: 'application.submitted',
          title: T.applicationSubmitted({ organisation: n.organisation.name }),
          body: a.motivation.slice(0, 200),
          link: '/admin/applications',
        });
      case 'approved':
        return this.notifications.notify(userIds, {
          kind: 'application.approved',
          title: T.applicationApproved({ organisation: a.organisation.name }),
          body: n.reason,
          link: organisationLink(a.organisationId),
        });
      case 'rejected':
        return; // by mail only: the contact's account is disabled with the application
    }
  }

  @OnEvent(InvitationAcceptedEvent.event, { suppressErrors: false })
  async onInvitationAccepted(e: InvitationAcceptedEvent): Promise<void> {
    await this.notifications.notify([e.inviterId], {
      kind: 'invitation.accepted',
      title: T.invitationAccepted({ person: e.person.displayName, organisation: e.organisation.name }),
      link: organisationLink(e.organisation.id),
    });
  }

  @OnEvent(RegistrationAwaitsApprovalEvent.event, { suppressErrors: false })
  async onRegistration(e: RegistrationAwaitsApprovalEvent): Promise<void> {
    await this.notifications.notify(e.reviewerIds, {
      kind: 'system',
      title: T.registrationAwaitsApproval({ person: e.person.displayName }),
      link: '/admin/users?status=pending',
    });
  }
}
