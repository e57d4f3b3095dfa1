import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import type { EventOrganiser, MyGroup, Organisation, Page, Project } from '@klasteris/contracts';
import { catchError, forkJoin, of } from 'rxjs';
import { AuthStore } from '../../core/auth/auth.store';
import { organiserKey } from './event-logic';

export interface OrganiserOption {
  /** an organiserKey */
  key: string;
  type: EventOrganiser['type'];
  /** a name, or null for the cluster (its label is translated) */
  name: string | null;
}

const empty = <T>(): Page<T> => ({ items: [], nextCursor: null });

/**
 * Names of organisers (working groups, projects, organisations) for cards and filters, and the
 * organisers I may create events for: the cluster (staff), groups I coordinate, projects I own,
 * my organisation (its admins). Loaded once per session of the app.
 */
@Injectable({ providedIn: 'root' })
export class OrganisersStore {
  private readonly http = inject(HttpClient);
  private readonly auth = inject(AuthStore);
  private readonly groups = signal<MyGroup[]>([]);
  private readonly projects = signal<Project[]>([]);
  private readonly organisations = signal<Organisation[]>([]);
  readonly loaded = signal(false);
  private loading = false;

  /** organiserKey → name */
  readonly names = computed(() => {
    const m = new Map<string, string>();
    for (const g of this.groups()) m.set(`group:${g.id}`, g.name);
    for (const p of this.projects()) m.set(`project:${p.id}`, p.name);
    for (const o of this.organisations()) m.set(`organisation:${o.id}`, o.name);
    return m;
  });

  /** What I may organise, cluster first. */
  readonly options = computed<OrganiserOption[]>(() => {
    const staff = this.auth.isStaff();
    const me = this.auth.user();
    const out: OrganiserOption[] = [];
    if (staff) out.push({ key: 'cluster', type: 'cluster', name: null });
    for (const g of this.groups()) if (g.canModerate && !g.archived) out.push({ key: `group:${g.id}`, type: 'group', name: g.name });
    for (const p of this.projects()) if (p.myRole === 'owner' || staff) out.push({ key: `project:${p.id}`, type: 'project', name: p.name });
    if (me?.organisationId && (staff || this.auth.isOrgAdmin())) {
      out.push({
        key: `organisation:${me.organisationId}`,
        type: 'organisation',
        name: this.names().get(`organisation:${me.organisationId}`) ?? me.organisationName ?? null,
      });
    }
    return out;
  });

  readonly canCreate = computed(() => this.options().length > 0);

  load(): void {
    if (this.loading || this.loaded()) return;
    this.loading = true;
    forkJoin({
      groups: this.http.get<Page<MyGroup>>('/api/groups', { params: { limit: 100 } }).pipe(catchError(() => of(empty<MyGroup>()))),
      projects: this.http.get<Page<Project>>('/api/projects', { params: { limit: 100 } }).pipe(catchError(() => of(empty<Project>()))),
      organisations: this.http
        .get<Page<Organisation>>('/api/organisations', { params: { limit: 100 } })
        .pipe(catchError(() => of(empty<Organisation>()))),
    }).subscribe(({ groups, projects, organisations }) => {
      this.groups.set(groups.items);
      this.projects.set(projects.items);
      this.organisations.set(organisations.items);
      this.loaded.set(true);
      this.loading = false;
    });
  }

  /** A name for an organiser, or null (the cluster, or one I cannot see). */
  nameOf(o: EventOrganiser): string | null {
    return this.names().get(organiserKey(o)) ?? null;
  }
}
