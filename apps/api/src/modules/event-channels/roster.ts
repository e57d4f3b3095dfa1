import type { ChannelRole, Role } from '@klasteris/contracts';
import { hasRole, isStaff } from '../../common/auth-user';
import { canManageEvent, canSeeEvent, type EventFacts } from '../events/event-policy';
import type { EventScope } from '../events/events.repository';

/**
 * WHO IS IN AN EVENT'S CHANNEL — decided here, from plain facts, for every reconciliation.
 *
 * - Members whose answer is `going` are in it, as long as they may still see the event (its
 *   visibility decides: a members' event is everyone's, a group or project event only its people's),
 *   so the channel follows the event's visibility.
 * - The organisers are in it as owners: the person who created the event, and anyone else who runs
 *   it and opened its chat or posted to its attendees — for as long as they run it. (A coordinator
 *   who merely answered `going` is an attendee like any other and leaves when they stop going.)
 * - Not in it: `waitlisted` (no place yet: like Discourse's and Slack's event channels, which hold
 *   the people going, a long line would otherwise outnumber the room and hear the logistics of an
 *   event they may not attend), a place `offered` but not confirmed yet (it may lapse), `maybe`
 *   (Discourse's "interested": they follow the event page, not its chat) and `declined`. Whoever
 *   leaves `going` leaves the channel; prospects have no account and are reached by mail.
 * - Inactive accounts are never added (and are taken out).
 */

/** One person as the roster needs them; `inGroup` etc. refer to the event's own group and project. */
export interface RosterPerson {
  id: string;
  active: boolean;
  roles: readonly Role[];
  organisationId: string | null;
  inGroup: boolean;
  moderatesGroup: boolean;
  inProject: boolean;
  ownsProject: boolean;
}

export interface RosterInput {
  event: EventFacts;
  createdBy: string;
  /** members whose answer is `going` */
  going: ReadonlySet<string>;
  /** the channel's members now */
  current: ReadonlyMap<string, ChannelRole>;
  /** everyone of `going`, `current` and `createdBy` (missing: the account is gone) */
  people: ReadonlyMap<string, RosterPerson>;
}

export interface RosterChanges {
  add: { userId: string; role: ChannelRole }[];
  remove: string[];
}

/** The same scope EventAccessService builds for a caller, from the facts about the event's own group and project. */
export function scopeOf(p: RosterPerson, e: EventFacts): EventScope {
  const staff = isStaff({ roles: [...p.roles] });
  return {
    staff,
    groupIds: p.inGroup && e.groupId ? [e.groupId] : [],
    managedGroupIds: p.moderatesGroup && e.groupId ? [e.groupId] : [],
    projectIds: p.inProject && e.projectId ? [e.projectId] : [],
    managedProjectIds: p.ownsProject && e.projectId ? [e.projectId] : [],
    managedOrganisationId: hasRole({ roles: [...p.roles] }, 'org_admin') ? p.organisationId : null,
  };
}

/** Who should be added (with which role) and who removed; nothing while the event is a draft or cancelled (its channel is then frozen). */
export function rosterChanges(i: RosterInput): RosterChanges {
  const out: RosterChanges = { add: [], remove: [] };
  if (i.event.state !== 'published') return out;
  const wanted = new Map<string, ChannelRole>();
  for (const id of new Set([...i.going, ...i.current.keys(), i.createdBy])) {
    const p = i.people.get(id);
    if (!p?.active) continue;
    const scope = scopeOf(p, i.event);
    if (!canSeeEvent(scope, i.event)) continue;
    // an organiser is in as one (its creator, or an owner of the channel), not by running events in general
    const organiser = (id === i.createdBy || i.current.get(id) === 'owner') && canManageEvent(scope, i.event);
    if (organiser) wanted.set(id, 'owner');
    else if (i.going.has(id)) wanted.set(id, 'member');
  }
  for (const [userId, role] of wanted) if (!i.current.has(userId)) out.add.push({ userId, role });
  for (const userId of i.current.keys()) if (!wanted.has(userId)) out.remove.push(userId);
  return out;
}

export const isEmpty = (c: RosterChanges): boolean => c.add.length === 0 && c.remove.length === 0;
