import type { EventScope } from './events.repository';
import { canManageEvent, canSeeEvent, type EventFacts } from './event-policy';

const nobody: EventScope = {
  staff: false,
  groupIds: [],
  projectIds: [],
  managedGroupIds: [],
  managedProjectIds: [],
  managedOrganisationId: null,
};
const G = 'a'.repeat(24);
const P = 'b'.repeat(24);
const O = 'c'.repeat(24);
const ev = (over: Partial<EventFacts>): EventFacts => ({
  organiserType: 'cluster',
  groupId: null,
  projectId: null,
  organisationId: null,
  visibility: 'members',
  state: 'published',
  ...over,
});

describe('event policy', () => {
  it('staff run and see everything, drafts included', () => {
    const staff = { ...nobody, staff: true };
    expect(canManageEvent(staff, ev({}))).toBe(true);
    expect(canSeeEvent(staff, ev({ visibility: 'group', groupId: G, organiserType: 'group', state: 'draft' }))).toBe(true);
  });

  it('members see published members/public events but run none of the cluster', () => {
    expect(canSeeEvent(nobody, ev({}))).toBe(true);
    expect(canSeeEvent(nobody, ev({ visibility: 'public' }))).toBe(true);
    expect(canSeeEvent(nobody, ev({ state: 'draft' }))).toBe(false);
    expect(canManageEvent(nobody, ev({}))).toBe(false);
  });

  it('group and project events: only their members see them; coordinators and owners run them', () => {
    const g = ev({ organiserType: 'group', groupId: G, visibility: 'group' });
    const p = ev({ organiserType: 'project', projectId: P, visibility: 'project' });
    expect(canSeeEvent(nobody, g)).toBe(false);
    expect(canSeeEvent(nobody, p)).toBe(false);
    expect(canSeeEvent({ ...nobody, groupIds: [G] }, g)).toBe(true);
    expect(canSeeEvent({ ...nobody, projectIds: [P] }, p)).toBe(true);
    expect(canManageEvent({ ...nobody, groupIds: [G] }, g)).toBe(false);
    expect(canManageEvent({ ...nobody, managedGroupIds: [G] }, g)).toBe(true);
    expect(canManageEvent({ ...nobody, projectIds: [P] }, p)).toBe(false);
    expect(canManageEvent({ ...nobody, managedProjectIds: [P], projectIds: [P] }, p)).toBe(true);
  });

  it("organisation events are run by that organisation's admins", () => {
    const o = ev({ organiserType: 'organisation', organisationId: O, state: 'draft' });
    expect(canManageEvent({ ...nobody, managedOrganisationId: O }, o)).toBe(true);
    expect(canSeeEvent({ ...nobody, managedOrganisationId: O }, o)).toBe(true);
    expect(canManageEvent({ ...nobody, managedOrganisationId: 'd'.repeat(24) }, o)).toBe(false);
  });
});
