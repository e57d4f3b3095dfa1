import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { ErrorCode, type ApplicationPage, type MembershipApplication } from '@klasteris/contracts';
import { ApiException, notFound } from '../../common/api-exception';
import type { AuthUser } from '../../common/auth-user';
import { toPage } from '../../common/pagination';
import { AuditService } from '../audit/audit.service';
import { AuthService } from '../auth/auth.service';
import { nameTaken } from '../organisations/organisations.service';
import { OrganisationsRepository } from '../organisations/organisations.repository';
import { UserActivatedEvent } from '../users/users.events';
import { UsersRepository } from '../users/users.repository';
import type { CreateApplicationDto } from './dto/applications.dto';
import { type ApplicationNews, ApplicationNewsEvent } from './applications.events';
import { ApplicationsRepository } from './applications.repository';
import { ApplyInvitationsService } from './apply-invitations.service';

const alreadyDecided = (): ApiException =>
  new ApiException(HttpStatus.CONFLICT, ErrorCode.ApplicationAlreadyDecided, 'This application has already been decided');

/**
 * Membership applications: an organisation applies with a contact person (who gets a pending
 * account); a coordinator approves (organisation → member, contact → active organisation admin)
 * or rejects with a reason (the applicant organisation is removed, the account disabled with it).
 */
@Injectable()
export class ApplicationsService {
  private readonly logger = new Logger('Applications');

  constructor(
    private readonly applications: ApplicationsRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly users: UsersRepository,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly events: EventEmitter2,
    private readonly invitations: ApplyInvitationsService,
  ) {}

  async submit(input: CreateApplicationDto): Promise<MembershipApplication> {
    // an invitation to apply is checked before anything else (404 / 410), and taken only at the last moment
    if (input.invitation) await this.invitations.open(input.invitation);
    if (await this.organisations.nameTaken(input.organisation.name)) throw nameTaken();
    if (await this.users.findByEmail(input.contact.email)) {
      throw new ApiException(HttpStatus.CONFLICT, ErrorCode.EmailTaken, 'An account with this e-mail already exists', {
        fields: [{ field: 'contact.email', message: 'is already registered' }],
      });
    }
    const invitation = input.invitation ? await this.invitations.claim(input.invitation) : null;
    const org = await this.organisations.create(input.organisation, 'applicant').catch(async (err: unknown) => {
      if (invitation) await this.invitations.release(invitation);
      throw err;
    });
    let application: MembershipApplication;
    try {
      const contact = await this.auth.createUser({
        email: input.contact.email,
        password: input.contact.password,
        displayName: input.contact.displayName,
        title: input.contact.title ?? null,
        language: input.contact.language,
        organisationId: org.id,
        organisationName: org.name,
        status: 'pending',
      });
      application = await this.applications.create({
        organisation: { ...input.organisation, country: org.country },
        organisationId: org.id,
        contact: { displayName: contact.displayName, email: contact.email, title: contact.title, userId: contact.id },
        motivation: input.motivation,
        source: invitation
          ? { eventId: invitation.eventId.toHexString(), eventTitle: invitation.eventTitle, invitationId: invitation._id.toHexString() }
          : null,
      });
    } catch (err) {
      // No partial write: without a contact account or an application, the applicant organisation goes too.
      await this.organisations.deleteApplicant(org.id);
      if (invitation) await this.invitations.release(invitation);
      throw err;
    }
    if (invitation) await this.invitations.settle(invitation, application.id);
    // the reviewers hear of it and get a mail (modules/notices)
    await this.tell(await this.users.idsWithRole(['coordinator', 'admin']), application, {
      what: 'submitted',
      organisation: { name: org.name, country: org.country },
    });
    this.logger.log(`Application ${application.id} from ${org.name} (${application.contact.email})`);
    return application;
  }

  async list(q: { status?: MembershipApplication['status']; cursor?: string; limit: number }): Promise<ApplicationPage> {
    const [rows, pending] = await Promise.all([this.applications.list(q), this.applications.countPending()]);
    return {
      ...toPage(
        rows,
        q.limit,
        (r) => new Date(r.createdAt).getTime(),
        (r) => r,
      ),
      pending,
    };
  }

  async get(id: string): Promise<MembershipApplication> {
    const a = await this.applications.findById(id);
    if (!a) throw notFound('Application');
    return a;
  }

  async approve(me: AuthUser, id: string, reason: string | null): Promise<MembershipApplication> {
    await this.get(id);
    const decided = await this.applications.decide(id, 'approved', me.id, reason);
    if (!decided) throw alreadyDecided();
    const org = await this.organisations.setMembership(decided.organisationId, 'applicant', 'member', new Date());
    await this.users.setRoles(decided.contact.userId, ['member', 'org_admin']);
    if (await this.users.setStatus(decided.contact.userId, 'active', null, ['pending'])) {
      this.events.emit(UserActivatedEvent.event, new UserActivatedEvent(decided.contact.userId));
    }
    await this.tell([decided.contact.userId], decided, { what: 'approved', reason });
    await this.audit.record({
      actorId: me.id,
      action: 'application.approved',
      targetType: 'organisation',
      targetId: decided.organisationId,
      scopeId: decided.organisationId,
      reason,
      before: { membershipStatus: 'applicant' },
      after: { membershipStatus: org?.membershipStatus ?? 'member' },
    });
    return decided;
  }

  async reject(me: AuthUser, id: string, reason: string): Promise<MembershipApplication> {
    await this.get(id);
    const decided = await this.applications.decide(id, 'rejected', me.id, reason);
    if (!decided) throw alreadyDecided();
    await this.organisations.deleteApplicant(decided.organisationId);
    await this.users.setStatus(decided.contact.userId, 'disabled', `Membership application rejected: ${reason}`, ['pending']);
    await this.tell([decided.contact.userId], decided, { what: 'rejected', reason });
    await this.audit.record({
      actorId: me.id,
      action: 'application.rejected',
      targetType: 'application',
      targetId: id,
      reason,
      before: { status: 'pending' },
      after: { status: 'rejected' },
    });
    return decided;
  }

  /** Tells the people concerned (awaited: the request answers once they are told, as before). */
  private async tell(userIds: string[], application: MembershipApplication, news: ApplicationNews): Promise<void> {
    await this.events.emitAsync(ApplicationNewsEvent.event, new ApplicationNewsEvent(userIds, application, news));
  }
}
