import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Page, Project } from '@klasteris/contracts';
import { type Observable, map } from 'rxjs';

export interface ProjectName {
  id: string;
  name: string;
}

/**
 * Project names for features that point at a project without belonging to it (a resource
 * reserved for one project's members). The projects feature itself uses its own ProjectsApi;
 * this keeps the arrow between bookings and projects one way (projects → infrastructure).
 */
@Injectable({ providedIn: 'root' })
export class ProjectNamesApi {
  private readonly http = inject(HttpClient);

  /** The projects I am a member of (the first 100), by name. */
  mine(): Observable<ProjectName[]> {
    return this.http
      .get<Page<Project>>('/api/projects', { params: { limit: 100 } })
      .pipe(map((page) => page.items.map(({ id, name }) => ({ id, name }))));
  }

  /** One project's name (404 when I may not see it). */
  name(projectId: string): Observable<string> {
    return this.http.get<{ project: Project }>(`/api/projects/${encodeURIComponent(projectId)}`).pipe(map((r) => r.project.name));
  }
}
