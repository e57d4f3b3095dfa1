/** A person was muted in a working group until `until`, or unmuted (`until` null); realtime tells them. */
export class MuteChangedEvent {
  static readonly event = 'moderation.mute.changed';
  constructor(
    readonly groupId: string,
    readonly userId: string,
    readonly until: string | null,
  ) {}
}
