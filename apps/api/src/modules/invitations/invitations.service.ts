import { HttpStatus, Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { createHash, randomBytes } from 'node:crypto';
import {
  ErrorCode,
  INVITATION_TTL_HOURS,
  type CreateInvitationResponse,
  type Invitation,
  type InvitationPreview,
  type Language,
  type Page,
} from '@klasteris/contracts';
import { ApiException, forbidden, notFound } from '../../common/api-exception';
import { AuthUser, canAdministerOrganisation, isStaff } from '../../common/auth-user';
import { toPage } from '../../common/pagination';
import { AppConfig } from '../../config/app-config';
import { AuditService } from '../audit/audit.service';
import { AuthService, ClientMeta, SignedIn } from '../auth/auth.service';
import { OutboxService } from '../mail/outbox.service';
import { OrganisationsRepository } from '../organisations/organisations.repository';
import { UsersRepository } from '../users/users.repository';
import { InvitationAcceptedEvent } from './invitations.events';
import { InvitationsRepository, LeanInvitation, toInvitation } from './invitations.repository';

const sha256 = (s: string): string => createHash('sha256').update(s).digest('base64url');
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{20,100}$/;

@Injectable()
export class InvitationsService {
  constructor(
    private readonly invitations: InvitationsRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly users: UsersRepository,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly outbox: OutboxService,
    private readonly events: EventEmitter2,
  ) {}

  /** Organisation admins invite colleagues into their own organisation (cluster admins into any). */
  async create(me: AuthUser, organisationId: string, email: string, message: string | null): Promise<CreateInvitationResponse> {
    const org = await this.organisations.findById(organisationId);
    if (!org) throw notFound('Organisation');
    if (!canAdministerOrganisation(me, organisationId)) throw forbidden('Only admins of this organisation can invite into it');
    if (org.membershipStatus !== 'member' && org.membershipStatus !== 'partner') {
      throw new ApiException(HttpStatus.CONFLICT, ErrorCode.Conflict, 'Only member and partner organisations can invite people');
    }
    if (await this.users.findByEmail(email)) {
      throw new ApiException(HttpStatus.CONFLICT, ErrorCode.EmailTaken, 'This person already has an account', {
        fields: [{ field: 'email', message: 'is already registered' }],
      });
    }
    await this.invitations.revoke(organisationId, { email });
    const token = randomBytes(32).toString('base64url');
    const inviter = await this.users.findById(me.id);
    const doc = await this.invitations.create({
      tokenHash: sha256(token),
      organisationId,
      organisationName: org.name,
      email,
      message,
      invitedBy: me.id,
      invitedByName: inviter?.displayName ?? me.displayName,
      expiresAt: new Date(Date.now() + INVITATION_TTL_HOURS * 3_600_000),
    });
    const link = `${this.config.publicUrl}/invite/${token}`;
    const inviterName = inviter?.displayName ?? me.displayName;
    await this.outbox.enqueue({
      kind: 'invitation',
      key: doc._id.toHexString(),
      to: { email },
      // the invitee has no account (and no language) yet: the inviter's language is the best guess
      language: inviter?.language ?? 'en',
      data: { inviterName, organisationName: org.name, message, path: `/invite/${token}`, expiresAt: doc.expiresAt },
    });
    await this.audit.record({
      actorId: me.id,
      action: 'invitation.created',
      targetType: 'invitation',
      targetId: doc._id.toHexString(),
      scopeId: organisationId,
      after: { email },
    });
    return { invitation: toInvitation(doc), link };
  }

  async list(me: AuthUser, organisationId: string, cursor: string | undefined, limit: number): Promise<Page<Invitation>> {
    if (!(await this.organisations.findById(organisationId))) throw notFound('Organisation');
    if (!canAdministerOrganisation(me, organisationId) && !isStaff(me)) throw forbidden();
    const rows = await this.invitations.listForOrganisation(organisationId, cursor, limit);
    return toPage(
      rows,
      limit,
      (r) => new Date(r.createdAt).getTime(),
      (r) => r,
    );
  }

  async revoke(me: AuthUser, organisationId: string, id: string): Promise<void> {
    if (!canAdministerOrganisation(me, organisationId)) throw forbidden();
    if (!(await this.invitations.existsInOrganisation(organisationId, id))) throw notFound('Invitation');
    await this.invitations.revoke(organisationId, { id });
    await this.audit.record({
      actorId: me.id,
      action: 'invitation.revoked',
      targetType: 'invitation',
      targetId: id,
      scopeId: organisationId,
    });
  }

  async preview(token: string): Promise<InvitationPreview> {
    const inv = await this.open(token);
    return {
      email: inv.email,
      organisationName: inv.organisationName,
      invitedByName: inv.invitedByName,
      message: inv.message,
      expiresAt: inv.expiresAt.toISOString(),
    };
  }

  /** Claims the invitation once, creates the active account in the organisation and signs it in. */
  async accept(token: string, displayName: string, password: string, meta: ClientMeta, language?: Language): Promise<SignedIn> {
    await this.open(token);
    const claimed = await this.invitations.claim(sha256(token), new Date());
    if (!claimed) {
      await this.open(token); // throws the precise reason (expired, revoked) ...
      throw used(); // ... or someone accepted it a moment ago
    }
    const inv = claimed;
    const organisationId = inv.organisationId.toHexString();
    const org = await this.organisations.findById(organisationId);
    let user;
    try {
      user = await this.auth.createUser({
        email: inv.email,
        password,
        displayName,
        organisationId,
        organisationName: org?.name ?? inv.organisationName,
        status: 'active',
        language,
      });
    } catch (err) {
      await this.invitations.unclaim(inv._id);
      throw err;
    }
    await this.invitations.setAcceptedUser(inv._id, user.id);
    await this.events.emitAsync(
      InvitationAcceptedEvent.event,
      new InvitationAcceptedEvent(
        inv.invitedBy.toHexString(),
        { id: user.id, displayName: user.displayName },
        { id: organisationId, name: inv.organisationName },
      ),
    );
    await this.audit.record({
      actorId: user.id,
      action: 'invitation.accepted',
      targetType: 'invitation',
      targetId: inv._id.toHexString(),
      scopeId: organisationId,
    });
    return this.auth.signIn(user, meta);
  }

  /** The invitation behind a token if it can still be used; otherwise the precise reason. */
  private async open(token: string): Promise<LeanInvitation> {
    if (!TOKEN_PATTERN.test(token)) throw invalid();
    const inv = await this.invitations.findByTokenHash(sha256(token));
    if (!inv || inv.revokedAt) throw invalid();
    if (inv.acceptedAt) throw used();
    if (inv.expiresAt <= new Date()) {
      throw new ApiException(HttpStatus.GONE, ErrorCode.InvitationExpired, 'This invitation has expired; ask for a new one');
    }
    return inv;
  }
}

const invalid = (): ApiException =>
  new ApiException(HttpStatus.NOT_FOUND, ErrorCode.InvitationInvalid, 'This invitation link is not valid');
const used = (): ApiException => new ApiException(HttpStatus.GONE, ErrorCode.InvitationUsed, 'This invitation has already been used');
