/** Stable machine codes carried in every error body (`code`). Clients switch on these, never on `message`. */
export const ErrorCode = {
  ValidationFailed: 'VALIDATION_FAILED',
  BadRequest: 'BAD_REQUEST',
  Unauthenticated: 'UNAUTHENTICATED',
  InvalidCredentials: 'INVALID_CREDENTIALS',
  AccountPending: 'ACCOUNT_PENDING',
  AccountDisabled: 'ACCOUNT_DISABLED',
  SessionRevoked: 'SESSION_REVOKED',
  Forbidden: 'FORBIDDEN',
  OriginNotAllowed: 'ORIGIN_NOT_ALLOWED',
  NotFound: 'NOT_FOUND',
  Conflict: 'CONFLICT',
  EmailTaken: 'EMAIL_TAKEN',
  OrganisationNameTaken: 'ORGANISATION_NAME_TAKEN',
  ApplicationAlreadyDecided: 'APPLICATION_ALREADY_DECIDED',
  InvitationInvalid: 'INVITATION_INVALID',
  InvitationExpired: 'INVITATION_EXPIRED',
  InvitationUsed: 'INVITATION_USED',
  WrongPassword: 'WRONG_PASSWORD',
  LastAdmin: 'LAST_ADMIN',
  PayloadTooLarge: 'PAYLOAD_TOO_LARGE',
  UnsupportedMediaType: 'UNSUPPORTED_MEDIA_TYPE',
  TooManyRequests: 'TOO_MANY_REQUESTS',
  RateLimited: 'RATE_LIMITED',
  VersionConflict: 'VERSION_CONFLICT',
  BookingConflict: 'BOOKING_CONFLICT',
  BookingRuleViolated: 'BOOKING_RULE_VIOLATED',
  BookingStateConflict: 'BOOKING_STATE_CONFLICT',
  EventStateConflict: 'EVENT_STATE_CONFLICT',
  AlreadyRegistered: 'ALREADY_REGISTERED',
  AlreadyInvited: 'ALREADY_INVITED',
  AlreadyMember: 'ALREADY_MEMBER',
  FeedTokenInvalid: 'FEED_TOKEN_INVALID',
  LastProjectOwner: 'LAST_PROJECT_OWNER',
  RankConflict: 'RANK_CONFLICT',
  CardAlreadyLinked: 'CARD_ALREADY_LINKED',
  MessageAlreadyLinked: 'MESSAGE_ALREADY_LINKED',
  ImportInvalid: 'IMPORT_INVALID',
  Muted: 'MUTED',
  ChannelArchived: 'CHANNEL_ARCHIVED',
  ChannelNameTaken: 'CHANNEL_NAME_TAKEN',
  AttachmentRejected: 'ATTACHMENT_REJECTED',
  SlowMode: 'SLOW_MODE',
  MessageBlocked: 'MESSAGE_BLOCKED',
  GroupBanned: 'GROUP_BANNED',
  GroupArchived: 'GROUP_ARCHIVED',
  AlreadyRequested: 'ALREADY_REQUESTED',
  RequestAlreadyDecided: 'REQUEST_ALREADY_DECIDED',
  ResetTokenInvalid: 'RESET_TOKEN_INVALID',
  ResetTokenExpired: 'RESET_TOKEN_EXPIRED',
  ResetTokenUsed: 'RESET_TOKEN_USED',
  MailTokenInvalid: 'MAIL_TOKEN_INVALID',
  MailNotFailed: 'MAIL_NOT_FAILED',
  ServiceUnavailable: 'SERVICE_UNAVAILABLE',
  InternalError: 'INTERNAL_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface FieldError {
  field: string;
  message: string;
}

/** The one error shape of the API, over HTTP and in socket acks. */
export interface ErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown> & { fields?: FieldError[] };
}
