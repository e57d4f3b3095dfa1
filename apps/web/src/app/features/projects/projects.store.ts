import { Injectable, inject, signal } from '@angular/core';
import type { CreateProjectRequest, Project, ProjectStatus } from '@klasteris/contracts';
import { firstValueFrom } from 'rxjs';
import { toApiError } from '../../shared/api-error';
import { ProjectsApi } from './projects.api';

/** My projects: the list (paged, by status and text) and creating one. */
@Injectable()
export class ProjectsStore {
  private readonly api = inject(ProjectsApi);
  private readonly _items = signal<Project[]>([]);
  private readonly _next = signal<string | null>(null);
  private readonly _loading = signal(false);
  private readonly _loaded = signal(false);
  private readonly _errorKey = signal<string | null>(null);
  private readonly _status = signal<ProjectStatus | ''>('');
  private readonly _q = signal('');
  private request = 0;

  readonly items = this._items.asReadonly();
  readonly hasMore = () => this._next() !== null;
  readonly loading = this._loading.asReadonly();
  readonly loaded = this._loaded.asReadonly();
  readonly errorKey = this._errorKey.asReadonly();
  readonly status = this._status.asReadonly();
  readonly q = this._q.asReadonly();

  setStatus(status: ProjectStatus | ''): void {
    this._status.set(status);
    void this.load();
  }

  setQuery(q: string): void {
    this._q.set(q);
    void this.load();
  }

  async load(more = false): Promise<void> {
    const mine = ++this.request;
    this._loading.set(true);
    try {
      const page = await firstValueFrom(
        this.api.projects({
          status: this._status() || undefined,
          q: this._q().trim() || undefined,
          cursor: more ? (this._next() ?? undefined) : undefined,
          limit: 24,
        }),
      );
      if (mine !== this.request) return;
      this._items.update((list) => (more ? [...list, ...page.items] : page.items));
      this._next.set(page.nextCursor);
      this._errorKey.set(null);
      this._loaded.set(true);
    } catch (err) {
      if (mine === this.request) this._errorKey.set(toApiError(err).messageKey);
    } finally {
      if (mine === this.request) this._loading.set(false);
    }
  }

  async create(body: CreateProjectRequest): Promise<Project> {
    const { project } = await firstValueFrom(this.api.createProject(body));
    this._items.update((list) => [project, ...list]);
    return project;
  }
}
