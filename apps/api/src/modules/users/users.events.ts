/** A person can now use the portal (registered in demo mode, invited, approved or re-enabled). */
export class UserActivatedEvent {
  static readonly event = 'users.activated';
  constructor(readonly userId: string) {}
}

/** A person registered themselves (not through an invitation or application): production mode verifies the address. */
export class UserRegisteredEvent {
  static readonly event = 'users.registered';
  constructor(readonly userId: string) {}
}

/**
 * What a signed-in person is allowed to be changed (roles, status, organisation, display name):
 * realtime re-reads the identity of every open socket of that person before their next event.
 */
export class UserIdentityChangedEvent {
  static readonly event = 'users.identity-changed';
  constructor(
    readonly userId: string,
    readonly reason: string,
  ) {}
}
