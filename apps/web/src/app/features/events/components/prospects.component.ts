import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { EventProspect } from '@klasteris/contracts';
import { ErrorMessageService } from '../../../core/http/error-message.service';
import { LanguageService } from '../../../core/i18n/language.service';
import { ConfirmDialogComponent, type ConfirmDialogData, type ConfirmDialogResult } from '../../../shared/ui/confirm-dialog.component';
import { CountryPipe } from '../../../shared/ui/country.pipe';
import { ProspectsApi } from '../prospects.api';

/** Who may be invited (again): nobody invited yet, or an invitation that lapsed unused. */
export const canInvite = (p: Pick<EventProspect, 'state'>): boolean => p.state === 'new' || p.state === 'expired';

/**
 * The organisers' list of an event's prospects (visitor-site registrations) with where each stands
 * on the way to membership, and "Invite to apply": a mail with the application form prefilled, this
 * event kept as its source. Read again when `refresh` changes (the attendance moved).
 */
@Component({
  selector: 'app-event-prospects',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, MatButtonModule, MatIconModule, MatProgressSpinnerModule, TranslocoPipe, CountryPipe],
  template: `
    <section class="k-card" aria-labelledby="prospects-h" data-testid="event-prospects">
      <h2 id="prospects-h" class="section-title">
        <mat-icon aria-hidden="true" fontIcon="person_add" />{{ 'events.prospects.title' | transloco }}
      </h2>
      <p class="muted lead">{{ 'events.prospects.lead' | transloco }}</p>
      @if (failed()) {
        <p class="form-error" role="alert">{{ 'events.prospects.error' | transloco }}</p>
      } @else if (items(); as list) {
        @if (list.length) {
          <div class="table-scroll">
            <table data-testid="prospects-list">
              <caption class="visually-hidden">
                {{
                  'events.prospects.list' | transloco
                }}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{{ 'events.attendance.name' | transloco }}</th>
                  <th scope="col">{{ 'events.attendance.status' | transloco }}</th>
                  <th scope="col">{{ 'events.prospects.standing' | transloco }}</th>
                  <th scope="col">
                    <span class="visually-hidden">{{ 'events.prospects.action' | transloco }}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                @for (p of list; track p.id) {
                  <tr [attr.data-testid]="'prospect-' + p.id">
                    <td>
                      <div class="name">{{ p.name }}</div>
                      <div class="muted small">{{ p.organisationName ?? '—' }} · {{ p.country ? (p.country | country) : '—' }}</div>
                    </td>
                    <td>{{ 'events.attendance.counts.' + p.status | transloco }}</td>
                    <td data-testid="prospect-state">
                      <span class="status-pill" [class]="'state-' + p.state">
                        @switch (p.state) {
                          @case ('invited') {
                            {{
                              'events.prospects.states.invited'
                                | transloco: { date: (p.invitation?.invitedAt | date: 'd MMM' : undefined : language.lang()) }
                            }}
                          }
                          @case ('applied') {
                            {{ 'events.prospects.states.applied' | transloco }}
                            @if (p.invitation?.applicationStatus; as st) {
                              · {{ 'applicationStatus.' + st | transloco }}
                            }
                          }
                          @default {
                            {{ 'events.prospects.states.' + p.state | transloco }}
                          }
                        }
                      </span>
                      @if (p.invitation && p.invitation.eventId !== eventId() && p.state !== 'new') {
                        <div class="muted small">{{ 'events.prospects.fromEvent' | transloco: { event: p.invitation.eventTitle } }}</div>
                      }
                    </td>
                    <td class="action">
                      @if (canInvite(p)) {
                        <button
                          mat-stroked-button
                          type="button"
                          (click)="invite(p)"
                          [disabled]="busyId() !== null"
                          [attr.aria-label]="(inviteLabel(p) | transloco) + ': ' + p.name"
                          data-testid="prospect-invite"
                        >
                          @if (busyId() === p.id) {
                            <mat-spinner diameter="18" [attr.aria-label]="'common.loading' | transloco" />
                          } @else {
                            <mat-icon aria-hidden="true" fontIcon="forward_to_inbox" />{{ inviteLabel(p) | transloco }}
                          }
                        </button>
                      }
                    </td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        } @else {
          <p class="muted">{{ 'events.prospects.none' | transloco }}</p>
        }
      }
    </section>
  `,
  styles: `
    .section-title {
      display: flex;
      align-items: center;
      gap: 8px;
    }
    .section-title mat-icon {
      color: var(--k-teal);
    }
    .lead {
      margin-top: 0;
    }
    table {
      border-collapse: collapse;
      width: 100%;
    }
    th,
    td {
      text-align: left;
      padding: 6px 10px;
      border-bottom: 1px solid var(--k-border);
      vertical-align: middle;
    }
    .action {
      text-align: right;
      white-space: nowrap;
    }
    .small {
      font-size: 13px;
    }
    .name {
      font-weight: 500;
    }
    .status-pill {
      display: inline-block;
      padding: 2px 10px;
      border-radius: 999px;
      font-size: 13px;
      background: var(--k-surface);
      color: #34404f;
    }
    .state-invited {
      background: #e3f1ff;
      color: #0b3d6e;
    }
    .state-applied {
      background: #dff3ea;
      color: #0f5132;
    }
    .state-expired {
      background: #fff1cf;
      color: #5c3d00;
    }
  `,
})
export class EventProspectsComponent {
  protected readonly language = inject(LanguageService);
  private readonly api = inject(ProspectsApi);
  private readonly dialog = inject(MatDialog);
  private readonly snack = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly errors = inject(ErrorMessageService);

  readonly eventId = input.required<string>();
  /** any value that changes when the attendance changed (the list is read again) */
  readonly refresh = input<unknown>(null);
  protected readonly items = signal<EventProspect[] | null>(null);
  protected readonly failed = signal(false);
  protected readonly busyId = signal<string | null>(null);
  protected readonly canInvite = canInvite;
  /** the button's text (its accessible name adds the person's name after it) */
  protected inviteLabel(p: EventProspect): string {
    return p.state === 'expired' ? 'events.prospects.inviteAgain' : 'events.prospects.invite';
  }

  constructor() {
    effect(() => {
      const id = this.eventId();
      this.refresh();
      untracked(() => this.load(id));
    });
  }

  private load(eventId: string): void {
    this.api.list(eventId).subscribe({
      next: (r) => {
        this.items.set(r.items);
        this.failed.set(false);
      },
      error: () => this.failed.set(true),
    });
  }

  invite(p: EventProspect): void {
    const data: ConfirmDialogData = {
      title: this.transloco.translate('events.prospects.dialogTitle', { name: p.name }),
      message: this.transloco.translate('events.prospects.dialogText', { name: p.name, organisation: p.organisationName ?? '—' }),
      confirmLabel: this.transloco.translate('events.prospects.send'),
      reasonLabel: this.transloco.translate('events.prospects.note'),
    };
    this.dialog
      .open<ConfirmDialogComponent, ConfirmDialogData, ConfirmDialogResult>(ConfirmDialogComponent, {
        data,
        width: '480px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((result) => {
        if (!result) return;
        this.busyId.set(p.id);
        const message = result.reason.trim();
        this.api.invite(this.eventId(), p.id, message ? { message: message.slice(0, 500) } : {}).subscribe({
          next: ({ prospect }) => {
            this.busyId.set(null);
            this.items.update((list) => (list ?? []).map((x) => (x.id === prospect.id ? prospect : x)));
            this.snack.open(this.transloco.translate('events.prospects.sent', { name: p.name }), undefined, { duration: 4000 });
          },
          error: (err: unknown) => {
            this.busyId.set(null);
            this.snack.open(this.errors.message(err), this.transloco.translate('common.close'));
            this.load(this.eventId());
          },
        });
      });
  }
}
