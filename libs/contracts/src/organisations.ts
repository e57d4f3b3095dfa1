import type { IsoDateTime, Language, Page, PageQuery } from './common';

export const OrganisationTypes = ['company', 'university', 'association', 'public_body', 'social_partner'] as const;
export type OrganisationType = (typeof OrganisationTypes)[number];

export const MembershipStatuses = ['applicant', 'member', 'partner', 'former'] as const;
export type MembershipStatus = (typeof MembershipStatuses)[number];

export interface Organisation {
  id: string;
  name: string;
  type: OrganisationType;
  /** ISO 3166-1 alpha-2, upper case */
  country: string;
  city: string | null;
  website: string | null;
  sectors: string[];
  description: string | null;
  membershipStatus: MembershipStatus;
  joinedAt: IsoDateTime | null;
  memberCount?: number;
}

/** One organisation on the cluster's front page. */
export interface ClusterOrganisation {
  id: string;
  name: string;
  type: OrganisationType;
  country: string;
  membershipStatus: 'member' | 'partner';
}

/** `GET /api/organisations/summary` (public): the cluster at a glance, for the visitor's front page. */
export interface ClusterSummary {
  /** organisations with membership status `member` */
  members: number;
  /** social partners (membership status `partner`) */
  partners: number;
  /** ISO 3166-1 alpha-2 codes of the members' and partners' countries, most organisations first */
  countries: string[];
  /** up to 12 of them, the longest-standing members first, then partners */
  organisations: ClusterOrganisation[];
}

export interface OrganisationListQuery extends PageQuery {
  q?: string;
  country?: string;
  type?: OrganisationType;
  sector?: string;
  membershipStatus?: MembershipStatus;
}

export interface OrganisationInput {
  name: string;
  type: OrganisationType;
  country: string;
  city?: string;
  website?: string;
  sectors?: string[];
  description?: string;
}

/** `website: null` (or "") clears the website. */
export type UpdateOrganisationRequest = Partial<Omit<OrganisationInput, 'website'>> & {
  website?: string | null;
  membershipStatus?: MembershipStatus;
};

// ---- Membership applications ----

export const ApplicationStatuses = ['pending', 'approved', 'rejected'] as const;
export type ApplicationStatus = (typeof ApplicationStatuses)[number];

export interface ApplicationContactInput {
  displayName: string;
  email: string;
  password: string;
  title?: string;
  /** the language the person used (the web app sends its current one; default en): their notifications and mails are written in it */
  language?: Language;
}

export interface CreateApplicationRequest {
  organisation: OrganisationInput;
  contact: ApplicationContactInput;
  motivation: string;
  /** the token of an invitation to apply (its mail's link, /apply?invitation=…): the application keeps the invitation's event as its source */
  invitation?: string;
}

/** Where an application came from: the event whose prospect was invited to apply. */
export interface ApplicationSource {
  eventId: string;
  eventTitle: string;
}

export interface MembershipApplication {
  id: string;
  organisation: OrganisationInput;
  organisationId: string;
  contact: { displayName: string; email: string; title?: string | null; userId: string };
  motivation: string;
  status: ApplicationStatus;
  decidedBy: string | null;
  decidedAt: IsoDateTime | null;
  reason: string | null;
  createdAt: IsoDateTime;
  /** null: applied without an invitation to apply */
  source: ApplicationSource | null;
}

/** A page of applications plus how many are waiting overall (for badges). */
export interface ApplicationPage extends Page<MembershipApplication> {
  pending: number;
}

export interface ApplicationListQuery extends PageQuery {
  status?: ApplicationStatus;
}

export interface DecideApplicationRequest {
  reason?: string;
}

// ---- Invitations ----

export interface CreateInvitationRequest {
  email: string;
  /** optional personal note shown on the invitation page */
  message?: string;
}

export interface Invitation {
  id: string;
  organisationId: string;
  organisationName: string;
  email: string;
  invitedBy: string;
  expiresAt: IsoDateTime;
  acceptedAt: IsoDateTime | null;
  revokedAt: IsoDateTime | null;
  createdAt: IsoDateTime;
}

export interface CreateInvitationResponse {
  invitation: Invitation;
  /** Relative link with the single-use token: shown once to the inviter, never stored in clear. */
  link: string;
}

export interface InvitationPreview {
  email: string;
  organisationName: string;
  invitedByName: string;
  message: string | null;
  expiresAt: IsoDateTime;
}

export interface AcceptInvitationRequest {
  displayName: string;
  password: string;
  /** the language the person used (the web app sends its current one; default en): their notifications and mails are written in it */
  language?: Language;
}

export const INVITATION_TTL_HOURS = 168;

// ---- Invitations to apply for membership (a coordinator invites an event's prospect) ----

/** An invitation to apply stays valid this long; an expired one may be sent again. */
export const APPLY_INVITATION_TTL_DAYS = 30;
/** The token of an invitation to apply (43 base64url characters). */
export const APPLY_INVITATION_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** `GET /api/applications/invitations/:token` (public): what the apply page prefills. */
export interface ApplyInvitationPreview {
  name: string;
  email: string;
  organisation: string;
  /** ISO 3166-1 alpha-2 */
  country: string;
  /** the event the invitation came from */
  source: ApplicationSource;
  invitedByName: string;
  message: string | null;
  expiresAt: IsoDateTime;
}

export interface ApplyInvitationPreviewResponse {
  invitation: ApplyInvitationPreview;
}

// ---- The report of applications by source event and by country ----

export interface ApplicationTally {
  applications: number;
  pending: number;
  approved: number;
  rejected: number;
}

export interface ApplicationSourceRow extends ApplicationTally {
  /** null: applications without an invitation to apply (the public form) */
  eventId: string | null;
  eventTitle: string | null;
  /** invitations to apply sent from this event (for the direct row: 0) */
  invited: number;
}

export interface ApplicationCountryRow extends ApplicationTally {
  /** ISO 3166-1 alpha-2 of the applicant organisation */
  country: string;
}

/** `GET /api/applications/report` (coordinators and admins): applications by source event (most first) and by country. */
export interface ApplicationReport {
  bySource: ApplicationSourceRow[];
  byCountry: ApplicationCountryRow[];
  totals: ApplicationTally & { invited: number };
}
