/** Emitted when sessions end (logout, password change, disabling, reuse): realtime drops their sockets. */
export class SessionsRevokedEvent {
  static readonly event = 'sessions.revoked';
  constructor(
    readonly userId: string,
    readonly sessionIds: string[],
    readonly reason: string,
  ) {}
}
