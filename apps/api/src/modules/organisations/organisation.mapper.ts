import type { Organisation } from '@klasteris/contracts';
import type { OrganisationRecord } from './organisation.schema';

export const toOrganisation = (o: OrganisationRecord, memberCount?: number): Organisation => ({
  id: o.id,
  name: o.name,
  type: o.type,
  country: o.country,
  city: o.city,
  website: o.website,
  sectors: o.sectors,
  description: o.description,
  membershipStatus: o.membershipStatus,
  joinedAt: o.joinedAt ? o.joinedAt.toISOString() : null,
  ...(memberCount !== undefined ? { memberCount } : {}),
});
