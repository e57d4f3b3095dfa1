/** Working groups, joining, moderation, reports and the audit log (issue 4). */
export const GroupVisibilities = ['open', 'request', 'invite'] as const;
export type GroupVisibility = (typeof GroupVisibilities)[number];

export type GroupRole = 'coordinator' | 'member';

export interface Group {
  id: string;
  slug: string;
  name: string;
  description: string;
  tags: string[];
  visibility: GroupVisibility;
  memberCount: number;
  channelIds: { general: string; announcements: string };
  createdAt: string;
  /** an archived group is read-only: nobody joins, its channels take no new messages */
  archived: boolean;
  archivedAt: string | null;
}

/** A group as seen by the caller. */
export interface MyGroup extends Group {
  myRole: GroupRole | null;
  /** open join request of mine */
  requested: boolean;
  invited: boolean;
  canModerate: boolean;
}

export interface CreateGroupRequest {
  name: string;
  description?: string;
  tags?: string[];
  visibility: GroupVisibility;
  coordinatorIds?: string[];
}

export interface UpdateGroupRequest {
  /** 3–120 characters; the group keeps its address (slug) and channel names */
  name?: string;
  description?: string;
  tags?: string[];
  visibility?: GroupVisibility;
  /** why, for the audit log */
  reason?: string;
}

/** `POST /api/groups/:id/archive` (cluster staff): the group becomes read-only and its channels are archived. */
export interface ArchiveGroupRequest {
  reason: string;
}

/** `POST /api/groups/:id/restore` (cluster staff). */
export interface RestoreGroupRequest {
  reason?: string;
}

/** An optional reason for actions that carry no other body (appoint, slow mode); DELETE routes take `?reason=`. */
export interface OptionalReasonRequest {
  reason?: string;
}

/** `GET /api/groups/:id/bans` (the group's coordinators and cluster staff). */
export interface GroupBan {
  userId: string;
  displayName: string;
  organisationName: string | null;
  reason: string;
  bannedBy: string;
  bannedByName: string | null;
  at: string;
}

/** `GET /api/groups/:id/channels` (the group's coordinators and cluster staff): its channels with their settings. */
export interface GroupChannel {
  id: string;
  name: string;
  type: 'public' | 'private' | 'announcement';
  slowModeSeconds: number;
  archived: boolean;
}

/** `POST /api/groups/:id/organisation-invitations`: invites every active person of an organisation; each accepts by joining. */
export interface InviteOrganisationRequest {
  organisationId: string;
  reason?: string;
}

export interface InviteOrganisationResponse {
  /** people newly invited */
  invited: number;
  /** already members, already invited, or banned (not invited) */
  skipped: number;
}

export interface GroupMember {
  userId: string;
  displayName: string;
  organisationId: string | null;
  organisationName: string | null;
  role: GroupRole;
  joinedAt: string;
  mutedUntil: string | null;
}

export type JoinRequestStatus = 'pending' | 'approved' | 'rejected';

export interface JoinRequest {
  id: string;
  groupId: string;
  userId: string;
  displayName: string;
  organisationName: string | null;
  message: string | null;
  status: JoinRequestStatus;
  reason: string | null;
  createdAt: string;
}

export interface JoinGroupRequest {
  message?: string;
}

export interface DecideJoinRequest {
  approve: boolean;
  reason?: string;
}

export interface GroupPersonRequest {
  userId: string;
  reason?: string;
}

export interface MuteRequest {
  userId: string;
  /** seconds; 1 s to 30 days */
  durationSeconds: number;
  reason: string;
}

export interface SlowModeRequest {
  channelId: string;
  /** 0 turns slow mode off */
  seconds: number;
  reason?: string;
}

export type WordFilterAction = 'block' | 'flag';

export interface WordFilterRule {
  /** a word or phrase; `*` at the end matches any word ending; everything else is literal */
  pattern: string;
  action: WordFilterAction;
}

export interface WordFilterRequest {
  rules: WordFilterRule[];
  reason?: string;
}

export interface Mute {
  groupId: string;
  userId: string;
  until: string;
  reason: string;
}

/** `moderation:mute` to the muted person (room user:<id>): muted until `until`, or unmuted (null). */
export interface MuteChangedEvent {
  groupId: string;
  until: string | null;
}

export type ReportStatus = 'open' | 'dismissed' | 'deleted' | 'muted';

export interface Report {
  id: string;
  groupId: string;
  channelId: string;
  messageId: string;
  messageBody: string;
  /** the message's seq in its channel, to open it in context (`/chat/<channelId>?seq=`); null for reports filed before it was kept */
  messageSeq: number | null;
  authorId: string | null;
  /** null: flagged by the word filter */
  reporterId: string | null;
  reason: string;
  status: ReportStatus;
  resolvedBy: string | null;
  resolutionNote: string | null;
  createdAt: string;
}

export const REPORT_REASON_MAX_LENGTH = 1000;

export interface ReportMessageRequest {
  /** 1 to REPORT_REASON_MAX_LENGTH characters (trimmed) */
  reason: string;
}

/** POST /api/messages/:id/report; the same person reporting the same message again gets their first report back (created: false). */
export interface ReportMessageResponse {
  report: Report;
  created: boolean;
}

export interface ResolveReportRequest {
  action: 'dismiss' | 'delete' | 'mute';
  note?: string;
  /** for `mute` */
  durationSeconds?: number;
}

export interface AuditEntry {
  id: string;
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  scopeId: string | null;
  reason: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  at: string;
}

export interface AuditQuery {
  actor?: string;
  action?: string;
  target?: string;
  groupId?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
}

export interface PostAnnouncementRequest {
  body: string;
  /** ask members to acknowledge */
  requireAck: boolean;
  /** idempotency key, as for chat messages */
  clientMsgId: string;
}

export interface Announcement {
  id: string;
  groupId: string;
  messageId: string;
  body: string;
  requireAck: boolean;
  createdAt: string;
  ackCount: number;
  /** when I acknowledged it, or null */
  myAckAt: string | null;
}

export interface AcknowledgementReport {
  announcementId: string;
  total: number;
  acknowledged: number;
  people: { userId: string; displayName: string; organisationName: string | null; acknowledgedAt: string | null }[];
  organisations: { organisationId: string | null; organisationName: string | null; total: number; acknowledged: number }[];
}

/** Adds every active person of an organisation to a group. */
export interface AddOrganisationRequest {
  organisationId: string;
}
