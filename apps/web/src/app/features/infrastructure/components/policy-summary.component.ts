import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { Resource } from '@klasteris/contracts';
import { map, of, catchError, type Observable } from 'rxjs';
import { GroupsApi } from '../../groups/groups.api';
import { ProjectNamesApi } from '../../../shared/project-names.api';
import { durationLabel, openingFor, rangeLabel } from '../time';

/** The booking rules of a resource in plain words. */
@Component({
  selector: 'app-policy-summary',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatIconModule, TranslocoPipe],
  template: `
    <dl class="policy" [class.compact]="compact()" data-testid="policy-summary">
      <dt>{{ 'infrastructure.policy.slots' | transloco }}</dt>
      <dd>{{ slot() }}</dd>
      <dt>{{ 'infrastructure.policy.duration' | transloco }}</dt>
      <dd>{{ duration() }}</dd>
      <dt>{{ 'infrastructure.policy.notice' | transloco }}</dt>
      <dd>{{ notice() }}</dd>
      @if (!compact()) {
        <dt>{{ 'infrastructure.policy.opening' | transloco }}</dt>
        <dd>
          @if (resource().policy.openingHours.length === 0) {
            {{ 'infrastructure.policy.alwaysOpen' | transloco }}
          } @else {
            <ul class="hours">
              @for (d of weekdays; track d) {
                <li>
                  <span class="wd">{{ 'infrastructure.weekdays.' + d | transloco }}</span>
                  {{ opening(d) ?? ('infrastructure.policy.closed' | transloco) }}
                </li>
              }
            </ul>
          }
        </dd>
        <dt>{{ 'infrastructure.policy.who' | transloco }}</dt>
        <dd data-testid="policy-who">
          {{ who() | transloco }}
          @if (audience(); as a) {
            <span class="audience">: {{ a }}</span>
          }
        </dd>
        <dt>{{ 'infrastructure.policy.approval' | transloco }}</dt>
        <dd>
          {{
            (resource().policy.approval.required
              ? 'infrastructure.approvers.' + resource().policy.approval.approvers
              : 'infrastructure.policy.noApproval'
            ) | transloco
          }}
        </dd>
      }
      @if (resource().policy.quotaHoursPerMonth !== null) {
        <dt>{{ 'infrastructure.policy.quota' | transloco }}</dt>
        <dd>{{ 'infrastructure.policy.quotaValue' | transloco: { hours: resource().policy.quotaHoursPerMonth } }}</dd>
      }
      @if (resource().policy.checkIn) {
        <dt>{{ 'infrastructure.policy.checkIn' | transloco }}</dt>
        <dd>{{ 'infrastructure.policy.checkInValue' | transloco }}</dd>
      }
      @if (!compact() && resource().policy.blackouts.length) {
        <dt>{{ 'infrastructure.policy.blackouts' | transloco }}</dt>
        <dd>
          <ul class="hours">
            @for (b of resource().policy.blackouts; track $index) {
              <li>
                @if (b.kind === 'weekly') {
                  {{ 'infrastructure.weekdays.' + b.weekday | transloco }} {{ b.from }}–{{ b.to }}
                } @else if (b.start && b.end) {
                  {{ range(b.start, b.end) }}
                }
                @if (b.reason) {
                  ({{ b.reason }})
                }
              </li>
            }
          </ul>
        </dd>
      }
    </dl>
  `,
  styles: `
    .policy {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 4px 16px;
      margin: 0;
    }
    .policy.compact {
      font: var(--mat-sys-body-small);
      color: var(--k-text-muted);
    }
    dt {
      font-weight: 600;
    }
    dd {
      margin: 0;
    }
    .hours {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .wd {
      display: inline-block;
      min-width: 3.5em;
    }
  `,
})
export class PolicySummaryComponent {
  readonly resource = input.required<Resource>();
  readonly compact = input(false);
  private readonly i18n = inject(TranslocoService);
  private readonly groups = inject(GroupsApi);
  private readonly projectNames = inject(ProjectNamesApi);
  /** The name of the working group or project a resource is reserved for, when the viewer may see it. */
  protected readonly audience = signal<string | null>(null);
  protected readonly weekdays = [1, 2, 3, 4, 5, 6, 7];

  private readonly t = (k: string, p?: Record<string, unknown>): string => this.i18n.translate(k, p);
  protected readonly slot = computed(() => {
    const s = this.resource().policy.slotMinutes;
    return s >= 1440 ? this.t('infrastructure.policy.wholeDays') : durationLabel(s, this.t);
  });
  protected readonly duration = computed(() => {
    const p = this.resource().policy;
    return `${durationLabel(p.minDurationMinutes, this.t)} – ${durationLabel(p.maxDurationMinutes, this.t)}`;
  });
  protected readonly notice = computed(() => {
    const p = this.resource().policy;
    if (!p.minNoticeMinutes) return this.t('infrastructure.policy.noticeNone', { days: p.maxAdvanceDays });
    return this.t('infrastructure.policy.noticeValue', { notice: durationLabel(p.minNoticeMinutes, this.t), days: p.maxAdvanceDays });
  });

  protected readonly who = computed(() => {
    switch (this.resource().policy.access.mode) {
      case 'all':
        return 'infrastructure.policy.whoAll';
      case 'organisations':
        return 'infrastructure.policy.whoListed';
      case 'project':
        return 'infrastructure.policy.whoProject';
      case 'group':
        return 'infrastructure.policy.whoGroup';
    }
  });

  constructor() {
    effect(() => {
      const { mode, groupId, projectId } = this.resource().policy.access;
      const full = !this.compact();
      untracked(() => {
        this.audience.set(null);
        let name: Observable<string> | null = null;
        if (full && mode === 'group' && groupId) name = this.groups.get(groupId).pipe(map((r) => r.group.name));
        if (full && mode === 'project' && projectId) name = this.projectNames.name(projectId);
        name?.pipe(catchError(() => of(null))).subscribe((n) => this.audience.set(n));
      });
    });
  }

  /** A one-off window in the resource's zone. */
  protected range(start: string, end: string): string {
    return rangeLabel(start, end, this.resource().timeZone, this.i18n.getActiveLang());
  }

  protected opening(weekday: number): string | null {
    return openingFor(this.resource().policy.openingHours, weekday);
  }
}
