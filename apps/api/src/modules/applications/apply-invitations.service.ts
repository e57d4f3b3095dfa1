import { HttpStatus, Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { createHash, randomBytes } from 'node:crypto';
import {
  APPLY_INVITATION_TOKEN,
  APPLY_INVITATION_TTL_DAYS,
  ErrorCode,
  type ApplicationStatus,
  type ApplyInvitationPreview,
  type Language,
} from '@klasteris/contracts';
import { ApiException } from '../../common/api-exception';
import { AuditService } from '../audit/audit.service';
import { UsersRepository } from '../users/users.repository';
import { ApplyInvitationSentEvent } from './applications.events';
import type { LeanApplyInvitation } from './apply-invitation.schema';
import { ApplyInvitationsRepository } from './apply-invitations.repository';
import { ApplicationsRepository } from './applications.repository';

const sha256 = (s: string): string => createHash('sha256').update(s).digest('base64url');

/** Who is invited, from which event and by whom (the caller has checked that they may). */
export interface ApplyInvitationRequest {
  email: string;
  name: string;
  organisationName: string;
  country: string;
  language: Language;
  eventId: string;
  eventTitle: string;
  registrationId: string;
  invitedBy: { id: string; name: string };
  message: string | null;
}

/** Where an address stands: its invitation to apply (if any), the application from it, whether it has an account. */
export interface ApplyStanding {
  invitation: LeanApplyInvitation | null;
  applicationStatus: ApplicationStatus | null;
  hasAccount: boolean;
}

const invalid = (): ApiException =>
  new ApiException(HttpStatus.NOT_FOUND, ErrorCode.InvitationInvalid, 'This invitation link is not valid');
const used = (): ApiException => new ApiException(HttpStatus.GONE, ErrorCode.InvitationUsed, 'This invitation has already been used');
const expired = (): ApiException =>
  new ApiException(HttpStatus.GONE, ErrorCode.InvitationExpired, 'This invitation has expired; ask the cluster for a new one');

/**
 * Invitations to apply for membership: an event's organisers turn a prospect into one (a mail with
 * a link to the apply page, prefilled with what the prospect registered with); the application
 * submitted through it keeps the event as its source. One per address, enforced by a unique index;
 * an expired, unused one may be sent again (a compare-and-set on its state).
 */
@Injectable()
export class ApplyInvitationsService {
  constructor(
    private readonly invitations: ApplyInvitationsRepository,
    private readonly applications: ApplicationsRepository,
    private readonly users: UsersRepository,
    private readonly events: EventEmitter2,
    private readonly audit: AuditService,
  ) {}

  async invite(req: ApplyInvitationRequest): Promise<LeanApplyInvitation> {
    const email = req.email.toLowerCase();
    if (await this.users.findByEmail(email)) {
      throw new ApiException(HttpStatus.CONFLICT, ErrorCode.AlreadyMember, 'This person already has an account (a member or an applicant)');
    }
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const fields = {
      email,
      tokenHash: sha256(token),
      name: req.name,
      organisationName: req.organisationName,
      country: req.country,
      language: req.language,
      eventId: req.eventId,
      eventTitle: req.eventTitle,
      registrationId: req.registrationId,
      message: req.message,
      invitedBy: req.invitedBy.id,
      invitedByName: req.invitedBy.name,
      invitedAt: now,
      expiresAt: new Date(now.getTime() + APPLY_INVITATION_TTL_DAYS * 86_400_000),
    };
    const doc = (await this.invitations.insert(fields)) ?? (await this.invitations.renew(fields, now));
    if (!doc) {
      const [current] = await this.invitations.findByEmails([email]);
      throw new ApiException(HttpStatus.CONFLICT, ErrorCode.AlreadyInvited, 'This person has already been invited to apply', {
        state: current?.applicationId || current?.usedAt ? 'applied' : 'invited',
        eventId: current?.eventId.toHexString() ?? null,
      });
    }
    await this.events.emitAsync(
      ApplyInvitationSentEvent.event,
      new ApplyInvitationSentEvent(
        {
          id: doc._id.toHexString(),
          sent: doc.sent,
          email,
          name: req.name,
          organisationName: req.organisationName,
          eventTitle: req.eventTitle,
          inviterName: req.invitedBy.name,
          message: req.message,
          language: req.language,
          expiresAt: doc.expiresAt,
        },
        `/apply?invitation=${token}`,
      ),
    );
    await this.audit.record({
      actorId: req.invitedBy.id,
      action: 'application.invited',
      targetType: 'event',
      targetId: req.eventId,
      after: { registrationId: req.registrationId, organisation: req.organisationName, country: req.country },
    });
    return doc;
  }

  /** The standing of each (lower-case) address. */
  async standings(emails: string[]): Promise<Map<string, ApplyStanding>> {
    const [invitations, accounts] = await Promise.all([this.invitations.findByEmails(emails), this.users.existingEmails(emails)]);
    const apps = await this.applications.findByIds(invitations.flatMap((i) => (i.applicationId ? [i.applicationId] : [])));
    const statusOf = new Map(apps.map((a) => [a.id, a.status]));
    const byEmail = new Map(invitations.map((i) => [i.email, i]));
    return new Map(
      emails.map((e) => {
        const inv = byEmail.get(e) ?? null;
        const applicationStatus = inv?.applicationId ? (statusOf.get(inv.applicationId.toHexString()) ?? null) : null;
        return [e, { invitation: inv, applicationStatus, hasAccount: accounts.has(e) }];
      }),
    );
  }

  async preview(token: string): Promise<ApplyInvitationPreview> {
    const inv = await this.open(token);
    return {
      name: inv.name,
      email: inv.email,
      organisation: inv.organisationName,
      country: inv.country,
      source: { eventId: inv.eventId.toHexString(), eventTitle: inv.eventTitle },
      invitedByName: inv.invitedByName,
      message: inv.message,
      expiresAt: inv.expiresAt.toISOString(),
    };
  }

  /** Takes the invitation for one submission, or says precisely why it cannot be used. */
  async claim(token: string): Promise<LeanApplyInvitation> {
    await this.open(token);
    const claimed = await this.invitations.claim(sha256(token), new Date());
    if (claimed) return claimed;
    await this.open(token); // the precise reason (expired meanwhile) ...
    throw used(); // ... or another submission took it a moment ago
  }

  release(inv: LeanApplyInvitation): Promise<void> {
    return this.invitations.release(inv._id);
  }

  settle(inv: LeanApplyInvitation, applicationId: string): Promise<void> {
    return this.invitations.settle(inv._id, applicationId);
  }

  /** The invitation behind a token if it can still be used; otherwise 404 (unknown) or 410 (used, expired). */
  async open(token: string): Promise<LeanApplyInvitation> {
    if (!APPLY_INVITATION_TOKEN.test(token)) throw invalid();
    const inv = await this.invitations.findByTokenHash(sha256(token));
    if (!inv) throw invalid();
    if (inv.usedAt || inv.applicationId) throw used();
    if (inv.expiresAt <= new Date()) throw expired();
    return inv;
  }
}
