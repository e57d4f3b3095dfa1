import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, effect, inject, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { UtilisationRow } from '@klasteris/contracts';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { DateTime } from 'luxon';
import { toApiError } from '../../../shared/api-error';
import { EmptyStateComponent } from '../../../shared/ui/empty-state.component';
import { InfraNavComponent } from '../components/infra-nav.component';
import { InfrastructureApi } from '../infrastructure.api';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

const COLORS = ['#1f7a72', '#f0a33a', '#2d5aa8', '#c2554b', '#7a5bb5', '#3f9b4b', '#b5862d', '#5b6b7a'];

/** Fair use across member organisations: booked vs open unit-hours per resource and organisation, with CSV export. */
@Component({
  selector: 'app-utilisation-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoPipe,
    EmptyStateComponent,
    InfraNavComponent,
  ],
  template: `
    <section class="page">
      <h1 class="page-title">{{ 'infrastructure.utilisation.title' | transloco }}</h1>
      <app-infra-nav />
      <div class="toolbar">
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'infrastructure.utilisation.month' | transloco }}</mat-label>
          <input matInput type="month" [ngModel]="month()" (ngModelChange)="setMonth($event)" data-testid="utilisation-month" />
        </mat-form-field>
        <button mat-stroked-button type="button" (click)="csv()" data-testid="utilisation-csv">
          {{ 'infrastructure.utilisation.csv' | transloco }}
        </button>
      </div>
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
      }
      @if (errorKey(); as key) {
        <app-empty-state icon="cloud_off" [title]="key | transloco" />
      } @else if (rows().length === 0 && !loading()) {
        <app-empty-state icon="insights" [title]="'infrastructure.utilisation.empty' | transloco" />
      }
      <div class="chart" [hidden]="rows().length === 0">
        <canvas #canvas role="img" [attr.aria-label]="'infrastructure.utilisation.chartLabel' | transloco"></canvas>
      </div>
      @if (rows().length) {
        <table class="table" data-testid="utilisation-table">
          <caption class="visually-hidden">
            {{
              'infrastructure.utilisation.title' | transloco
            }}
            {{
              month()
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ 'infrastructure.utilisation.resource' | transloco }}</th>
              <th scope="col">{{ 'infrastructure.utilisation.organisation' | transloco }}</th>
              <th scope="col" class="num">{{ 'infrastructure.utilisation.booked' | transloco }}</th>
              <th scope="col" class="num">{{ 'infrastructure.utilisation.available' | transloco }}</th>
              <th scope="col" class="num">{{ 'infrastructure.utilisation.share' | transloco }}</th>
              <th scope="col" class="num">{{ 'infrastructure.utilisation.bookings' | transloco }}</th>
              <th scope="col" class="num">{{ 'infrastructure.utilisation.approval' | transloco }}</th>
              <th scope="col" class="num">{{ 'infrastructure.utilisation.noShows' | transloco }}</th>
            </tr>
          </thead>
          <tbody>
            @for (r of rows(); track r.resourceId + (r.organisationId ?? '')) {
              <tr>
                <td>{{ r.resourceName }}</td>
                <td>{{ r.organisationName ?? '—' }}</td>
                <td class="num">{{ r.bookedHours }}</td>
                <td class="num">{{ r.availableHours }}</td>
                <td class="num">{{ r.availableHours ? ((100 * r.bookedHours) / r.availableHours).toFixed(1) + ' %' : '—' }}</td>
                <td class="num">{{ r.bookings }}</td>
                <td class="num">{{ r.meanApprovalHours ?? '—' }}</td>
                <td class="num">{{ r.noShows ?? '—' }}</td>
              </tr>
            }
          </tbody>
        </table>
      }
    </section>
  `,
  styles: `
    .toolbar {
      display: flex;
      gap: 12px;
      align-items: center;
      margin-bottom: 12px;
    }
    .chart {
      position: relative;
      height: 320px;
      margin-bottom: 16px;
      background: #fff;
      border: 1px solid #e0e6ea;
      border-radius: 8px;
      padding: 8px;
    }
    .table {
      width: 100%;
      border-collapse: collapse;
      background: #fff;
    }
    .table th,
    .table td {
      padding: 8px;
      border-bottom: 1px solid #e0e6ea;
      text-align: left;
    }
    .num {
      text-align: right !important;
      font-variant-numeric: tabular-nums;
    }
  `,
})
export default class UtilisationPage {
  private readonly api = inject(InfrastructureApi);
  private readonly i18n = inject(TranslocoService);
  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  protected readonly month = signal(DateTime.now().toFormat('yyyy-MM'));
  protected readonly rows = signal<UtilisationRow[]>([]);
  protected readonly loading = signal(false);
  protected readonly errorKey = signal<string | null>(null);
  private chart: Chart | null = null;

  constructor() {
    this.load();
    effect(() => this.draw(this.rows()));
    inject(DestroyRef).onDestroy(() => this.chart?.destroy());
  }

  protected setMonth(m: string): void {
    if (!/^\d{4}-\d{2}$/.test(m)) return;
    this.month.set(m);
    this.load();
  }

  protected csv(): void {
    this.api.utilisationCsv(this.month()).subscribe((text) => {
      const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `utilisation-${this.month()}.csv`;
      a.click();
      URL.revokeObjectURL(url);
    });
  }

  private load(): void {
    this.loading.set(true);
    this.errorKey.set(null);
    this.api.utilisation(this.month()).subscribe({
      next: (r) => {
        this.rows.set(r.rows);
        this.loading.set(false);
      },
      error: (e: unknown) => {
        this.errorKey.set(toApiError(e).messageKey);
        this.loading.set(false);
      },
    });
  }

  /** One bar per resource, stacked by organisation: each organisation's share of the open unit-hours. */
  private draw(rows: UtilisationRow[]): void {
    const resources = [...new Set(rows.map((r) => r.resourceName))];
    const orgs = [...new Set(rows.map((r) => r.organisationName ?? '—'))];
    const datasets = orgs.map((org, i) => ({
      label: org,
      backgroundColor: COLORS[i % COLORS.length],
      data: resources.map((name) => {
        const r = rows.find((x) => x.resourceName === name && (x.organisationName ?? '—') === org);
        return r && r.availableHours ? Math.round((1000 * r.bookedHours) / r.availableHours) / 10 : 0;
      }),
    }));
    this.chart?.destroy();
    if (resources.length === 0) return;
    this.chart = new Chart(this.canvas().nativeElement, {
      type: 'bar',
      data: { labels: resources, datasets },
      options: {
        indexAxis: 'y',
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: { stacked: true, title: { display: true, text: this.i18n.translate('infrastructure.utilisation.share') } },
          y: { stacked: true },
        },
      },
    });
  }
}
