import { Injectable } from '@nestjs/common';
import type { EventProspect, EventProspectsResponse, ProspectState } from '@klasteris/contracts';
import { forbidden, notFound } from '../../../common/api-exception';
import type { AuthUser } from '../../../common/auth-user';
import { ApplyInvitationsService, type ApplyStanding } from '../../applications/apply-invitations.service';
import { UsersRepository } from '../../users/users.repository';
import { EventAccessService } from '../event-access.service';
import type { LeanAttendance } from '../event.schema';
import { ProspectsRepository } from './prospects.repository';

const stateOf = (s: ApplyStanding, now: number): ProspectState => {
  const inv = s.invitation;
  if (inv && (inv.applicationId || inv.usedAt)) return 'applied';
  if (s.hasAccount) return 'member';
  if (!inv) return 'new';
  return inv.expiresAt.getTime() > now ? 'invited' : 'expired';
};

function toProspect(a: LeanAttendance, s: ApplyStanding, now = Date.now()): EventProspect {
  const inv = s.invitation;
  return {
    id: a._id.toHexString(),
    name: a.name,
    organisationName: a.organisationName,
    country: a.country,
    status: a.status === 'none' ? 'declined' : a.status === 'offered' ? 'waitlisted' : a.status,
    registeredAt: a.createdAt.toISOString(),
    state: stateOf(s, now),
    invitation: inv
      ? {
          invitedAt: inv.invitedAt.toISOString(),
          expiresAt: inv.expiresAt.toISOString(),
          invitedByName: inv.invitedByName,
          eventId: inv.eventId.toHexString(),
          eventTitle: inv.eventTitle,
          applicationStatus: s.applicationStatus,
        }
      : null,
  };
}

const NOBODY: ApplyStanding = { invitation: null, applicationStatus: null, hasAccount: false };

/**
 * An event's prospects on their way to membership: the organisers see where each stands and turn
 * one into an invitation to apply (ApplyInvitationsService sends it and keeps the event as the
 * source). Organisers only: a member who sees the event gets 403, anyone else 404.
 */
@Injectable()
export class ProspectsService {
  constructor(
    private readonly access: EventAccessService,
    private readonly prospects: ProspectsRepository,
    private readonly invitations: ApplyInvitationsService,
    private readonly users: UsersRepository,
  ) {}

  async list(me: AuthUser, eventId: string): Promise<EventProspectsResponse> {
    const { canManage } = await this.access.visible(me, eventId);
    if (!canManage) throw forbidden('Only the organisers see the prospects');
    const rows = await this.prospects.list(eventId);
    const standings = await this.invitations.standings([...new Set(rows.flatMap((r) => (r.email ? [r.email] : [])))]);
    return { items: rows.map((r) => toProspect(r, (r.email && standings.get(r.email)) || NOBODY)) };
  }

  async invite(me: AuthUser, eventId: string, registrationId: string, message: string | null): Promise<EventProspect> {
    const { event, canManage } = await this.access.visible(me, eventId);
    if (!canManage) throw forbidden('Only the organisers invite prospects to apply');
    const row = await this.prospects.find(eventId, registrationId);
    if (!row || !row.email) throw notFound('Registration');
    const inviter = await this.users.findById(me.id);
    await this.invitations.invite({
      email: row.email,
      name: row.name,
      // the visitor-site form requires both; the fallbacks only keep a hand-made record invitable
      organisationName: row.organisationName ?? row.name,
      country: row.country ?? 'LT',
      language: row.language,
      eventId,
      eventTitle: event.title,
      registrationId,
      invitedBy: { id: me.id, name: inviter?.displayName ?? me.displayName },
      message,
    });
    const standing = (await this.invitations.standings([row.email])).get(row.email) ?? NOBODY;
    return toProspect(row, standing);
  }
}
