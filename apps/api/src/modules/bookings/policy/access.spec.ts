import type { Role } from '@klasteris/contracts';
import { canApproveStep, canBookResource, canManageResource } from './access';

const user = (roles: Role[], organisationId: string | null, id = 'u1') => ({ id, roles, organisationId });
const OWNER = 'org-owner';

describe('resource permissions', () => {
  it('staff and the owner organisation admins manage; plain members and other org admins do not', () => {
    expect(canManageResource(user(['member', 'coordinator'], 'x'), OWNER)).toBe(true);
    expect(canManageResource(user(['member', 'admin'], 'x'), OWNER)).toBe(true);
    expect(canManageResource(user(['member', 'org_admin'], OWNER), OWNER)).toBe(true);
    expect(canManageResource(user(['member', 'org_admin'], 'other'), OWNER)).toBe(false);
    expect(canManageResource(user(['member'], OWNER), OWNER)).toBe(false);
  });

  it('restricted resources are bookable by listed organisations and the owner only', () => {
    const r = { organisationId: OWNER, policy: { access: { mode: 'organisations' as const, organisationIds: ['listed'] } } };
    expect(canBookResource(user(['member'], 'listed'), r)).toBe(true);
    expect(canBookResource(user(['member'], OWNER), r)).toBe(true);
    expect(canBookResource(user(['member'], 'other'), r)).toBe(false);
    expect(canBookResource(user(['member'], null), r)).toBe(false);
    expect(canBookResource(user(['member'], 'other'), { ...r, policy: { access: { mode: 'all', organisationIds: [] } } })).toBe(true);
    const p = { organisationId: OWNER, policy: { access: { mode: 'project' as const, organisationIds: [], projectId: 'p1' } } };
    expect(canBookResource(user(['member'], OWNER), p)).toBe(false);
    expect(canBookResource(user(['member'], 'other'), p, true)).toBe(true);
    expect(canBookResource(user(['member', 'coordinator'], 'other'), p)).toBe(true);
    const g = { organisationId: OWNER, policy: { access: { mode: 'group' as const, organisationIds: [], groupId: 'g1' } } };
    expect(canBookResource(user(['member'], OWNER), g)).toBe(false);
    expect(canBookResource(user(['member'], 'other'), g, true)).toBe(true);
    expect(canBookResource(user(['member', 'org_admin'], OWNER), g)).toBe(true);
    expect(canBookResource(user(['member', 'admin'], 'other'), g)).toBe(true);
  });
});

describe('approvals', () => {
  const ownerAdmin = user(['member', 'org_admin'], OWNER, 'oa');
  const coordinator = user(['member', 'coordinator'], 'infobalt', 'co');
  const member = user(['member'], OWNER, 'm');

  it.each([
    ['owner', 0, [true, false, false]],
    ['coordinator', 0, [false, true, false]],
    ['owner_or_coordinator', 0, [true, true, false]],
    ['owner_then_coordinator', 0, [true, false, false]],
    ['owner_then_coordinator', 1, [false, true, false]],
  ] as const)('%s step %i', (mode, step, expected) => {
    expect([ownerAdmin, coordinator, member].map((u) => canApproveStep(u, mode, step, OWNER, 'requester'))).toEqual(expected);
  });

  it('nobody approves their own request', () => {
    expect(canApproveStep(coordinator, 'coordinator', 0, OWNER, 'co')).toBe(false);
  });
});
