/** An invitation into an organisation was accepted: modules/notices tells the person who invited, in their language. */
export class InvitationAcceptedEvent {
  static readonly event = 'invitation.accepted';
  constructor(
    readonly inviterId: string,
    readonly person: { id: string; displayName: string },
    readonly organisation: { id: string; name: string },
  ) {}
}
