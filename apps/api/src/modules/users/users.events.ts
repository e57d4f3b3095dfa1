/** A person can now use the portal (registered in demo mode, invited, approved or re-enabled). */
export class UserActivatedEvent {
  static readonly event = 'users.activated';
  constructor(readonly userId: string) {}
}
