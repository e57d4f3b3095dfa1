import type { EventEmitter2 } from '@nestjs/event-emitter';
import type { ResolveReportRequest } from '@klasteris/contracts';

/** What happened in a working group, as the people told about it need to know it. */
export type GroupNews =
  | { what: 'join-requested'; requestId: string; requester: { id: string; displayName: string }; message: string | null }
  | { what: 'join-decided'; requestId: string; approved: boolean; reason: string | null }
  | { what: 'invited'; actor: string }
  | { what: 'removed'; banned: boolean; reason: string }
  | { what: 'muted'; until: string; reason: string }
  | { what: 'reported'; reason: string }
  | { what: 'report-resolved'; action: ResolveReportRequest['action']; note: string | null }
  | { what: 'announcement'; announcementId: string; author: string; body: string };

/**
 * Someone should hear of something in a group (its coordinators, the person concerned, its
 * members); modules/notices writes the notification in each reader's language and queues the mails
 * the same step causes (join requests and decisions, announcements to acknowledge). Emitted with
 * `emitAsync` and awaited, so the request answers once they are told, as before.
 */
export class GroupNewsEvent {
  static readonly event = 'group.news';
  constructor(
    readonly userIds: string[],
    readonly group: { id: string; name: string },
    readonly news: GroupNews,
  ) {}
}

/** Tells `userIds` (if any) the news of `group`, awaited — the one way the group services emit it. */
export async function tellGroup(
  events: EventEmitter2,
  userIds: string[],
  group: { id: string; name: string },
  news: GroupNews,
): Promise<void> {
  if (userIds.length === 0) return;
  await events.emitAsync(GroupNewsEvent.event, new GroupNewsEvent(userIds, { id: group.id, name: group.name }, news));
}
