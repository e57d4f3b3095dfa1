import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { RsvpStatuses, type AttendeesResponse } from '@klasteris/contracts';
import { LanguageService } from '../../../core/i18n/language.service';
import { CountryPipe } from '../../../shared/ui/country.pipe';
import { filterAttendees } from '../event-logic';

/** Organisers' view of who attends: counts, going per organisation and per country, the list with search, CSV. */
@Component({
  selector: 'app-event-attendance',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, FormsModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, TranslocoPipe, CountryPipe],
  template: `
    @let a = data();
    <section class="k-card" aria-labelledby="att-h" data-testid="event-attendance">
      <div class="head">
        <h2 id="att-h" class="section-title">{{ 'events.attendance.title' | transloco }}</h2>
        <button mat-stroked-button type="button" (click)="csv.emit()" data-testid="event-csv">
          <mat-icon aria-hidden="true" fontIcon="download" />{{ 'events.attendance.csv' | transloco }}
        </button>
      </div>
      <ul class="counts">
        @for (s of statuses; track s) {
          <li [attr.data-testid]="'attendance-count-' + s">
            <span class="n">{{ a.counts[s] }}</span> {{ 'events.attendance.counts.' + s | transloco }}
          </li>
        }
        @if (a.offered) {
          <li data-testid="attendance-count-offered">
            <span class="n">{{ a.offered }}</span> {{ 'events.attendance.counts.offered' | transloco }}
          </li>
        }
      </ul>
      <div class="reports">
        <table class="report" data-testid="attendance-by-organisation">
          <caption>
            {{
              'events.attendance.byOrganisation' | transloco
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ 'events.attendance.organisation' | transloco }}</th>
              <th scope="col" class="num">{{ 'events.attendance.going' | transloco }}</th>
            </tr>
          </thead>
          <tbody>
            @for (g of a.byOrganisation; track g.key) {
              <tr>
                <td>{{ g.key === '—' ? ('events.attendance.noOrganisation' | transloco) : g.key }}</td>
                <td class="num">{{ g.going }}</td>
              </tr>
            } @empty {
              <tr>
                <td colspan="2" class="muted">{{ 'events.attendance.nobody' | transloco }}</td>
              </tr>
            }
          </tbody>
        </table>
        <table class="report" data-testid="attendance-by-country">
          <caption>
            {{
              'events.attendance.byCountry' | transloco
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ 'events.attendance.country' | transloco }}</th>
              <th scope="col" class="num">{{ 'events.attendance.going' | transloco }}</th>
            </tr>
          </thead>
          <tbody>
            @for (g of a.byCountry; track g.key) {
              <tr>
                <td>{{ g.key === '—' ? ('events.attendance.noCountry' | transloco) : (g.key | country) }}</td>
                <td class="num">{{ g.going }}</td>
              </tr>
            } @empty {
              <tr>
                <td colspan="2" class="muted">{{ 'events.attendance.nobody' | transloco }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
      @if (a.items.length) {
        <mat-form-field class="search" subscriptSizing="dynamic">
          <mat-label>{{ 'events.attendance.search' | transloco }}</mat-label>
          <input matInput [ngModel]="q()" (ngModelChange)="q.set($event)" data-testid="attendance-search" />
          <mat-icon matSuffix aria-hidden="true" fontIcon="search" />
        </mat-form-field>
        <div class="table-scroll">
          <table class="people" data-testid="attendance-list">
            <caption class="visually-hidden">
              {{
                'events.attendance.list' | transloco
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ 'events.attendance.name' | transloco }}</th>
                <th scope="col">{{ 'events.attendance.organisation' | transloco }}</th>
                <th scope="col">{{ 'events.attendance.country' | transloco }}</th>
                <th scope="col">{{ 'events.attendance.status' | transloco }}</th>
                <th scope="col">{{ 'events.attendance.responded' | transloco }}</th>
              </tr>
            </thead>
            <tbody>
              @for (p of shown(); track p.id) {
                <tr>
                  <td>
                    {{ p.name }}
                    @if (p.kind === 'prospect') {
                      <span class="tag">{{ 'events.attendance.prospect' | transloco }}</span>
                    }
                  </td>
                  <td>{{ p.organisationName ?? '—' }}</td>
                  <td>{{ p.country ? (p.country | country) : '—' }}</td>
                  <td>
                    @if (p.offerExpiresAt) {
                      {{
                        'events.attendance.offeredUntil'
                          | transloco: { time: (p.offerExpiresAt | date: 'd MMM, HH:mm' : undefined : language.lang()) }
                      }}
                    } @else if (p.status === 'waitlisted' && p.position) {
                      {{ 'events.attendance.waitlistedAt' | transloco: { position: p.position } }}
                    } @else {
                      {{ 'events.attendance.counts.' + p.status | transloco }}
                    }
                  </td>
                  <td>{{ p.respondedAt | date: 'd MMM yyyy, HH:mm' : undefined : language.lang() }}</td>
                </tr>
              } @empty {
                <tr>
                  <td colspan="5" class="muted">{{ 'events.attendance.noMatch' | transloco }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      } @else {
        <p class="muted">{{ 'events.attendance.none' | transloco }}</p>
      }
    </section>
  `,
  styles: `
    .head {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 12px;
      flex-wrap: wrap;
    }
    .counts {
      list-style: none;
      display: flex;
      flex-wrap: wrap;
      gap: 16px;
      padding: 0;
      margin: 0 0 16px;
    }
    .counts .n {
      font-size: 22px;
      font-weight: 600;
      color: var(--k-navy);
    }
    .reports {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(240px, 1fr));
      gap: 16px;
      margin-bottom: 16px;
    }
    table {
      border-collapse: collapse;
      width: 100%;
    }
    caption {
      text-align: left;
      font-weight: 500;
      padding-bottom: 4px;
    }
    th,
    td {
      text-align: left;
      padding: 6px 10px 6px 0;
      border-bottom: 1px solid var(--k-border);
    }
    .people th,
    .people td {
      padding-left: 10px;
    }
    .num {
      text-align: right;
    }
    .search {
      width: min(360px, 100%);
      margin-bottom: 8px;
    }
  `,
})
export class EventAttendanceComponent {
  protected readonly language = inject(LanguageService);
  readonly data = input.required<AttendeesResponse>();
  readonly csv = output();
  protected readonly statuses = RsvpStatuses;
  protected readonly q = signal('');
  protected readonly shown = computed(() => filterAttendees(this.data().items, this.q()));
}
