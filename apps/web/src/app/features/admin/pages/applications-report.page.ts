import { ChangeDetectionStrategy, Component, type OnInit, inject, signal } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ApplicationReport } from '@klasteris/contracts';
import { CountryPipe } from '../../../shared/ui/country.pipe';
import { EmptyStateComponent } from '../../../shared/ui/empty-state.component';
import { AdminApi } from '../admin.api';

/** What the cluster's events brought in: invitations to apply and applications by source event, and applications by country. */
@Component({
  selector: 'app-applications-report-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatIconModule, MatProgressBarModule, TranslocoPipe, CountryPipe, EmptyStateComponent],
  template: `
    <p class="muted lead">{{ 'applicationsReport.lead' | transloco }}</p>
    @if (failed()) {
      <app-empty-state icon="cloud_off" [title]="'applicationsReport.error' | transloco" />
    } @else if (report(); as r) {
      @if (r.totals.applications === 0 && r.totals.invited === 0) {
        <app-empty-state icon="query_stats" [title]="'applicationsReport.empty' | transloco" />
      } @else {
        <div class="grid">
          <section class="k-card" aria-labelledby="by-source-h">
            <h2 id="by-source-h" class="section-title">
              <mat-icon aria-hidden="true" fontIcon="event" />{{ 'applicationsReport.bySource' | transloco }}
            </h2>
            <div class="table-scroll" role="region" tabindex="0" aria-labelledby="by-source-h">
              <table data-testid="report-by-source">
                <thead>
                  <tr>
                    <th scope="col">{{ 'applicationsReport.event' | transloco }}</th>
                    <th scope="col" class="num">{{ 'applicationsReport.invited' | transloco }}</th>
                    <th scope="col" class="num">{{ 'applicationsReport.applications' | transloco }}</th>
                    <th scope="col" class="num">{{ 'applicationStatus.pending' | transloco }}</th>
                    <th scope="col" class="num">{{ 'applicationStatus.approved' | transloco }}</th>
                    <th scope="col" class="num">{{ 'applicationStatus.rejected' | transloco }}</th>
                  </tr>
                </thead>
                <tbody>
                  @for (row of r.bySource; track row.eventId) {
                    <tr [attr.data-testid]="row.eventId ? 'report-source-' + row.eventId : 'report-source-direct'">
                      <th scope="row">
                        @if (row.eventId) {
                          <a [routerLink]="['/events', row.eventId]">{{ row.eventTitle }}</a>
                        } @else {
                          <span class="muted">{{ 'applicationsReport.direct' | transloco }}</span>
                        }
                      </th>
                      <td class="num">{{ row.eventId ? row.invited : '—' }}</td>
                      <td class="num strong">{{ row.applications }}</td>
                      <td class="num">{{ row.pending }}</td>
                      <td class="num">{{ row.approved }}</td>
                      <td class="num">{{ row.rejected }}</td>
                    </tr>
                  }
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{{ 'applicationsReport.total' | transloco }}</th>
                    <td class="num">{{ r.totals.invited }}</td>
                    <td class="num strong">{{ r.totals.applications }}</td>
                    <td class="num">{{ r.totals.pending }}</td>
                    <td class="num">{{ r.totals.approved }}</td>
                    <td class="num">{{ r.totals.rejected }}</td>
                  </tr>
                </tfoot>
              </table>
            </div>
          </section>
          <section class="k-card" aria-labelledby="by-country-h">
            <h2 id="by-country-h" class="section-title">
              <mat-icon aria-hidden="true" fontIcon="public" />{{ 'applicationsReport.byCountry' | transloco }}
            </h2>
            <div class="table-scroll" role="region" tabindex="0" aria-labelledby="by-country-h">
              <table data-testid="report-by-country">
                <thead>
                  <tr>
                    <th scope="col">{{ 'applicationsReport.country' | transloco }}</th>
                    <th scope="col" class="num">{{ 'applicationsReport.applications' | transloco }}</th>
                    <th scope="col" class="num">{{ 'applicationStatus.pending' | transloco }}</th>
                    <th scope="col" class="num">{{ 'applicationStatus.approved' | transloco }}</th>
                    <th scope="col" class="num">{{ 'applicationStatus.rejected' | transloco }}</th>
                  </tr>
                </thead>
                <tbody>
                  @for (row of r.byCountry; track row.country) {
                    <tr [attr.data-testid]="'report-country-' + row.country">
                      <th scope="row">{{ row.country | country }}</th>
                      <td class="num strong">{{ row.applications }}</td>
                      <td class="num">{{ row.pending }}</td>
                      <td class="num">{{ row.approved }}</td>
                      <td class="num">{{ row.rejected }}</td>
                    </tr>
                  } @empty {
                    <tr>
                      <td colspan="5" class="muted">{{ 'applications.empty' | transloco }}</td>
                    </tr>
                  }
                </tbody>
              </table>
            </div>
          </section>
        </div>
      }
    } @else {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
    }
  `,
  styles: `
    .lead {
      margin: 0 0 16px;
      max-width: 760px;
    }
    .grid {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 16px;
      max-width: 960px;
    }
    .section-title {
      display: flex;
      align-items: center;
      gap: 8px;
      mat-icon {
        color: var(--k-teal);
      }
    }
    table {
      border-collapse: collapse;
      width: 100%;
    }
    th,
    td {
      text-align: left;
      padding: 8px 10px;
      border-bottom: 1px solid var(--k-border);
      font-weight: normal;
    }
    thead th {
      font-weight: 500;
      color: #34404f;
    }
    tfoot th,
    tfoot td {
      font-weight: 600;
      border-bottom: none;
    }
    .num {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    .strong {
      font-weight: 600;
      color: var(--k-navy);
    }
  `,
})
export default class ApplicationsReportPage implements OnInit {
  private readonly api = inject(AdminApi);
  protected readonly report = signal<ApplicationReport | null>(null);
  protected readonly failed = signal(false);

  ngOnInit(): void {
    this.api.applicationsReport().subscribe({ next: (r) => this.report.set(r), error: () => this.failed.set(true) });
  }
}
