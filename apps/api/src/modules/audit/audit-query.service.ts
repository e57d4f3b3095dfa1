import { Injectable } from '@nestjs/common';
import type { AuditEntry, Page } from '@klasteris/contracts';
import { forbidden, notFound } from '../../common/api-exception';
import { AuthUser, hasRole, isStaff } from '../../common/auth-user';
import { toPage } from '../../common/pagination';
import { GroupsRepository } from '../groups/groups.repository';
import { ModerationPolicy } from '../moderation/moderation-policy';
import { AuditFilter, AuditRepository } from './audit.repository';
import { csvCell } from '../../common/csv';

export const CSV_MAX_ROWS = 10_000;

/** Who reads which audit entries: admins all; cluster coordinators and a group's coordinators that group's. */
@Injectable()
export class AuditQueryService {
  constructor(
    private readonly repo: AuditRepository,
    private readonly policy: ModerationPolicy,
    private readonly groups: GroupsRepository,
  ) {}

  async list(me: AuthUser, f: AuditFilter, cursor: string | undefined, limit: number): Promise<Page<AuditEntry>> {
    await this.authorise(me, f);
    return toPage(
      await this.repo.list(f, cursor, limit),
      limit,
      (e) => new Date(e.at).getTime(),
      (e) => e,
    );
  }

  async csv(me: AuthUser, f: AuditFilter): Promise<string> {
    await this.authorise(me, f);
    const lines = [['at', 'actorId', 'action', 'targetType', 'targetId', 'scopeId', 'reason', 'before', 'after'].join(',')];
    let cursor: string | undefined;
    let rows = 0;
    do {
      const page = toPage(
        await this.repo.list(f, cursor, 500),
        500,
        (e) => new Date(e.at).getTime(),
        (e) => e,
      );
      for (const e of page.items) {
        lines.push(
          [
            e.at,
            e.actorId ?? '',
            e.action,
            e.targetType,
            e.targetId,
            e.scopeId ?? '',
            e.reason ?? '',
            e.before ? JSON.stringify(e.before) : '',
            e.after ? JSON.stringify(e.after) : '',
          ]
            .map(csvCell)
            .join(','),
        );
      }
      rows += page.items.length;
      cursor = page.nextCursor ?? undefined;
    } while (cursor && rows < CSV_MAX_ROWS);
    return lines.join('\r\n') + '\r\n';
  }

  /**
   * Entries are scoped by group or by organisation (`scopeId`); only admins read beyond a group.
   * `groupId` must name a working group (404 otherwise), so an organisation's id does not open its
   * entries to a coordinator.
   */
  private async authorise(me: AuthUser, f: AuditFilter): Promise<void> {
    if (hasRole(me, 'admin')) return;
    if (!f.scopeId) throw forbidden('Choose a group: only admins read the whole audit log');
    if (!(await this.groups.findById(f.scopeId))) throw notFound('Group');
    if (!(isStaff(me) || (await this.policy.isModerator(f.scopeId, me.id))))
      throw forbidden("Only the group's coordinators read its audit log");
  }
}
