/** A self-registered account waits for approval (production mode): modules/notices tells the reviewers, each in their language. */
export class RegistrationAwaitsApprovalEvent {
  static readonly event = 'auth.registration-awaits-approval';
  constructor(
    /** the cluster's coordinators and admins, and the admins of the organisation chosen */
    readonly reviewerIds: string[],
    readonly person: { id: string; displayName: string },
  ) {}
}
