import type { IsoDateTime, Language, PageQuery } from './common';

/** Cluster-wide roles; `org_admin` is scoped to the user's own organisation. */
export const Roles = ['admin', 'coordinator', 'member', 'org_admin'] as const;
export type Role = (typeof Roles)[number];

export const UserStatuses = ['pending', 'active', 'disabled'] as const;
export type UserStatus = (typeof UserStatuses)[number];

export interface User {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  organisationId: string | null;
  organisationName?: string | null;
  status: UserStatus;
  language: Language;
  /** IANA time zone of the person (quiet hours, mail times) */
  timeZone: string;
  avatarColor: string;
  initials: string;
  title?: string | null;
  expertise: string[];
  createdAt: IsoDateTime;
  /** the person followed the verification link (or confirmed an address change); production registrations start unverified */
  emailVerified?: boolean;
}

/** What other members see of a person (directory, member lists). */
export interface PersonSummary {
  id: string;
  displayName: string;
  initials: string;
  avatarColor: string;
  organisationId: string | null;
  organisationName: string | null;
  title?: string | null;
  expertise: string[];
  country?: string | null;
}

export interface UpdateProfileRequest {
  displayName?: string;
  language?: Language;
  /** IANA time zone, e.g. Europe/Vilnius */
  timeZone?: string;
  avatarColor?: string;
  initials?: string;
  title?: string;
  expertise?: string[];
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

export interface UserListQuery extends PageQuery {
  q?: string;
  role?: Role;
  status?: UserStatus;
  organisationId?: string;
}

export interface UpdateRolesRequest {
  roles: Role[];
}

export interface UpdateStatusRequest {
  status: UserStatus;
  reason?: string;
}

export interface PeopleQuery extends PageQuery {
  q?: string;
  country?: string;
  expertise?: string;
  organisationId?: string;
}

/** `GET /api/people/lookup?ids=a,b,c`: names of up to 100 people by id (authors of old messages, assignees); ids not found are left out. */
export interface PeopleLookupQuery {
  ids: string[];
}
export const PEOPLE_LOOKUP_MAX = 100;

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

/** Avatar colours offered in the profile (all pass WCAG AA with white initials). */
export const AVATAR_COLORS = ['#1f5f8b', '#00695c', '#6a1b9a', '#ad1457', '#c62828', '#b34700', '#2e7d32', '#37474f'] as const;
export type AvatarColor = (typeof AVATAR_COLORS)[number];
