import { Injectable, computed, inject, signal } from '@angular/core';
import type { Announcement, GroupMember, MyGroup } from '@klasteris/contracts';
import { type Observable, tap } from 'rxjs';
import { type Coordinator, GroupsApi } from './groups.api';

/** One group: about, coordinators, members, announcements. */
@Injectable()
export class GroupStore {
  private readonly api = inject(GroupsApi);
  readonly group = signal<MyGroup | null>(null);
  readonly coordinators = signal<Coordinator[]>([]);
  readonly members = signal<GroupMember[]>([]);
  readonly announcements = signal<Announcement[]>([]);
  readonly notFound = signal(false);
  readonly isMember = computed(() => this.group()?.myRole != null);

  load(groupId: string): void {
    this.api.get(groupId).subscribe({
      next: ({ group, coordinators }) => {
        this.group.set(group);
        this.coordinators.set(coordinators);
        this.notFound.set(false);
      },
      error: () => this.notFound.set(true),
    });
    this.api.members(groupId).subscribe((p) => this.members.set(p.items));
    this.api.announcements(groupId).subscribe((p) => this.announcements.set(p.items));
  }

  join(message?: string): Observable<{ group: MyGroup }> {
    const g = this.group();
    if (!g) throw new Error('no group');
    return this.api.join(g.id, message).pipe(tap(() => this.load(g.id)));
  }

  leave(): Observable<void> {
    const g = this.group();
    if (!g) throw new Error('no group');
    return this.api.leave(g.id).pipe(tap(() => this.load(g.id)));
  }

  acknowledge(a: Announcement): Observable<{ announcement: Announcement }> {
    return this.api
      .acknowledge(a.groupId, a.id)
      .pipe(tap(({ announcement }) => this.announcements.update((list) => list.map((x) => (x.id === announcement.id ? announcement : x)))));
  }

  announce(body: string, requireAck: boolean): Observable<{ announcement: Announcement }> {
    const g = this.group();
    if (!g) throw new Error('no group');
    return this.api
      .announce(g.id, body, requireAck)
      .pipe(tap(({ announcement }) => this.announcements.update((list) => [announcement, ...list])));
  }
}
