import type { PersonSummary, User } from '@klasteris/contracts';
import type { UserRecord } from './user.schema';

export const toUser = (u: UserRecord): User => ({
  id: u.id,
  email: u.email,
  displayName: u.displayName,
  roles: u.roles,
  organisationId: u.organisationId,
  organisationName: u.organisationName,
  status: u.status,
  language: u.language,
  timeZone: u.timeZone,
  avatarColor: u.avatarColor,
  initials: u.initials,
  title: u.title,
  expertise: u.expertise,
  createdAt: u.createdAt.toISOString(),
  emailVerified: u.emailVerifiedAt !== null,
});

export const toPerson = (u: UserRecord, country: string | null = null): PersonSummary => ({
  id: u.id,
  displayName: u.displayName,
  initials: u.initials,
  avatarColor: u.avatarColor,
  organisationId: u.organisationId,
  organisationName: u.organisationName,
  title: u.title,
  expertise: u.expertise,
  country,
});
