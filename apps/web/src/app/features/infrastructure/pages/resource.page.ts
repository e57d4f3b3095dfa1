import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { Booking, Resource } from '@klasteris/contracts';
import { ResourceFormDialogComponent, type ResourceFormData } from '../components/resource-form-dialog.component';
import { DateTime } from 'luxon';
import { EmptyStateComponent } from '../../../shared/ui/empty-state.component';
import { BookingDialogComponent, type BookingDialogData } from '../components/booking-dialog.component';
import { CardTargetBannerComponent } from '../components/card-target-banner.component';
import { InfraNavComponent } from '../components/infra-nav.component';
import { PolicySummaryComponent } from '../components/policy-summary.component';
import { WeekCalendarComponent, type SlotSelection } from '../components/week-calendar.component';
import { InfrastructureApi } from '../infrastructure.api';
import { ResourceStore } from '../resource.store';
import { viewerZone } from '../time';
import { TYPE_ICONS } from './catalogue.page';

@Component({
  selector: 'app-resource-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [ResourceStore],
  imports: [
    RouterLink,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    TranslocoPipe,
    EmptyStateComponent,
    InfraNavComponent,
    PolicySummaryComponent,
    WeekCalendarComponent,
    CardTargetBannerComponent,
  ],
  template: `
    <section class="page">
      <app-infra-nav />
      <app-card-target-banner />
      @if (store.errorKey(); as key) {
        <app-empty-state icon="cloud_off" [title]="key | transloco"
          ><a mat-stroked-button routerLink="/infrastructure">{{ 'infrastructure.back' | transloco }}</a></app-empty-state
        >
      } @else if (store.resource(); as r) {
        <header class="head">
          <mat-icon aria-hidden="true" [fontIcon]="icons[r.type]" class="type-icon" />
          <div>
            <h1 class="page-title">{{ r.name }}</h1>
            <p class="page-subtitle">
              {{ 'infrastructure.types.' + r.type | transloco }} · {{ r.organisationName }}
              @if (r.location) {
                · {{ r.location }}
              }
            </p>
          </div>
          <span class="spacer"></span>
          @if (r.canManage) {
            <button mat-stroked-button type="button" (click)="edit()" data-testid="resource-edit">
              <mat-icon fontIcon="edit" aria-hidden="true" />{{ 'common.edit' | transloco }}
            </button>
          }
          @if (r.canBook) {
            <button mat-flat-button type="button" (click)="openNew()" data-testid="resource-book">
              <mat-icon fontIcon="add" aria-hidden="true" />{{ 'infrastructure.book.action' | transloco }}
            </button>
          }
        </header>
        @if (r.description) {
          <p class="desc">{{ r.description }}</p>
        }
        <div class="layout">
          <div class="calendar-card">
            <div class="week-bar">
              <button
                mat-icon-button
                type="button"
                (click)="store.shiftWeek(-1)"
                [attr.aria-label]="'infrastructure.calendar.prev' | transloco"
                data-testid="week-prev"
              >
                <mat-icon fontIcon="chevron_left" />
              </button>
              <button mat-stroked-button type="button" (click)="store.shiftWeek(0)">
                {{ 'infrastructure.calendar.today' | transloco }}
              </button>
              <button
                mat-icon-button
                type="button"
                (click)="store.shiftWeek(1)"
                [attr.aria-label]="'infrastructure.calendar.next' | transloco"
                data-testid="week-next"
              >
                <mat-icon fontIcon="chevron_right" />
              </button>
              <h2 class="week-title" aria-live="polite">{{ weekTitle() }}</h2>
            </div>
            <p class="zone-note" data-testid="zone-note">
              {{ 'infrastructure.calendar.zone' | transloco: { zone: r.timeZone, offset: offset() } }}
              @if (differentZone()) {
                {{ 'infrastructure.calendar.yourZone' | transloco: { zone: viewer } }}
              }
            </p>
            @if (store.loading()) {
              <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
            }
            @if (store.week(); as w) {
              <app-week-calendar
                [resource]="r"
                [weekStart]="w"
                [availability]="store.availability()"
                [locale]="lang()"
                (select)="open($event)"
              />
            }
            @if (r.canBook) {
              <p class="hint">{{ 'infrastructure.calendar.dragHint' | transloco }}</p>
            } @else {
              <p class="hint" data-testid="cannot-book">{{ 'infrastructure.calendar.cannotBook' | transloco }}</p>
            }
          </div>
          <aside class="side">
            <h2>{{ 'infrastructure.policy.title' | transloco }}</h2>
            <app-policy-summary [resource]="r" />
            @if (r.attributes.length) {
              <h2>{{ 'infrastructure.attributes' | transloco }}</h2>
              <dl class="attrs">
                @for (a of r.attributes; track a.key) {
                  <dt>{{ a.key }}</dt>
                  <dd>{{ a.value }}</dd>
                }
              </dl>
            }
            <p>
              <a [href]="'/api/resources/' + r.id + '/calendar.ics'" (click)="downloadIcs($event)">{{
                'infrastructure.ics' | transloco
              }}</a>
            </p>
          </aside>
        </div>
      } @else {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
      }
    </section>
  `,
  styles: `
    .head {
      display: flex;
      align-items: center;
      gap: 12px;
      flex-wrap: wrap;
    }
    .spacer {
      flex: 1;
    }
    .type-icon {
      width: 40px;
      height: 40px;
      font-size: 28px;
      display: grid;
      place-items: center;
      background: #e0f2ef;
      color: var(--k-teal);
      border-radius: 50%;
    }
    .desc {
      max-width: 80ch;
    }
    .layout {
      display: grid;
      grid-template-columns: minmax(0, 1fr) 300px;
      gap: 24px;
      align-items: start;
    }
    @media (max-width: 1000px) {
      .layout {
        grid-template-columns: 1fr;
      }
    }
    .week-bar {
      display: flex;
      align-items: center;
      gap: 8px;
    }
    .week-title {
      font: var(--mat-sys-title-medium);
      margin: 0 0 0 8px;
    }
    .zone-note,
    .hint {
      color: var(--k-text-muted);
      font: var(--mat-sys-body-small);
    }
    .side h2 {
      font: var(--mat-sys-title-small);
      margin: 16px 0 8px;
      color: var(--k-navy);
    }
    .attrs {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 4px 12px;
      margin: 0;
    }
    .attrs dt {
      font-weight: 600;
    }
    .attrs dd {
      margin: 0;
    }
  `,
})
export default class ResourcePage {
  readonly id = input.required<string>();
  protected readonly store = inject(ResourceStore);
  private readonly dialog = inject(MatDialog);
  private readonly api = inject(InfrastructureApi);
  private readonly snack = inject(MatSnackBar);
  private readonly i18n = inject(TranslocoService);
  protected readonly icons = TYPE_ICONS;
  protected readonly viewer = viewerZone();
  protected readonly lang = () => this.i18n.getActiveLang();
  protected readonly differentZone = computed(() => this.store.resource()?.timeZone !== this.viewer);
  protected readonly offset = computed(() => (this.store.week() ?? DateTime.now()).setZone(this.store.zone()).toFormat('ZZ'));
  protected readonly weekTitle = computed(() => {
    const w = this.store.week();
    if (!w) return '';
    const l = w.setLocale(this.lang());
    return `${l.toFormat('d LLL')} – ${l.plus({ days: 6 }).toFormat('d LLL yyyy')}`;
  });

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => this.store.load(id));
    });
  }

  protected edit(): void {
    const r = this.store.resource();
    if (!r) return;
    this.dialog
      .open<ResourceFormDialogComponent, ResourceFormData, Resource>(ResourceFormDialogComponent, {
        data: { resource: r, organisations: [] },
        width: '720px',
      })
      .afterClosed()
      .subscribe((updated) => updated && this.store.load(updated.id));
  }

  protected openNew(): void {
    const r = this.store.resource();
    if (!r) return;
    const zone = r.timeZone;
    const daily = r.policy.slotMinutes >= 1440;
    const base = DateTime.now().setZone(zone).plus({ days: 1 });
    const start = daily ? base.startOf('day') : base.set({ hour: 10, minute: 0, second: 0, millisecond: 0 });
    const end = daily ? start.plus({ days: 1 }) : start.plus({ minutes: Math.max(r.policy.minDurationMinutes, 60) });
    this.open({ start: start.toISO()!, end: end.toISO()! });
  }

  protected open(sel: SlotSelection): void {
    const r = this.store.resource();
    if (!r?.canBook) return;
    const data: BookingDialogData = { resource: r, start: sel.start, end: sel.end, availability: this.store.availability() };
    this.dialog
      .open<BookingDialogComponent, BookingDialogData, Booking>(BookingDialogComponent, {
        data,
        width: '640px',
        autoFocus: 'first-tabbable',
      })
      .afterClosed()
      .subscribe((b) => {
        if (!b) return;
        this.snack.open(
          this.i18n.translate(b.status === 'pending' ? 'infrastructure.book.requested' : 'infrastructure.book.confirmed'),
          undefined,
          { duration: 4000 },
        );
        this.store.loadWeek();
      });
  }

  /** The feed needs the bearer token: fetch it through the API client and save it as a file. */
  protected downloadIcs(ev: Event): void {
    ev.preventDefault();
    const r = this.store.resource();
    if (!r) return;
    this.api.resourceIcs(r.id).subscribe((text) => {
      const url = URL.createObjectURL(new Blob([text], { type: 'text/calendar' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `${r.name}.ics`;
      a.click();
      URL.revokeObjectURL(url);
    });
  }
}
