import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatDialog } from '@angular/material/dialog';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type {
  AuditEntry,
  GroupBan,
  GroupChannel,
  GroupMember,
  JoinRequest,
  Mute,
  MyGroup,
  Organisation,
  PersonSummary,
  Report,
  WordFilterAction,
  WordFilterRule,
} from '@klasteris/contracts';
import type { Observable } from 'rxjs';
import { AuthStore } from '../../../core/auth/auth.store';
import { ErrorMessageService } from '../../../core/http/error-message.service';
import { LanguageService } from '../../../core/i18n/language.service';
import { GroupFormDialog, type GroupFormResult } from '../components/group-form.dialog';
import { GroupsApi } from '../groups.api';

const DURATIONS = [
  { key: '1h', seconds: 3600 },
  { key: '24h', seconds: 86400 },
  { key: '7d', seconds: 7 * 86400 },
];

/** The coordinator console of a group: join requests, reports, members, channel settings, audit log. */
@Component({
  selector: 'app-group-console-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    FormsModule,
    RouterLink,
    MatAutocompleteModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    MatTabsModule,
    TranslocoPipe,
  ],
  template: `
    <section class="page">
      @if (group(); as g) {
        <a mat-button [routerLink]="['/groups', g.id]" class="back"><mat-icon aria-hidden="true" fontIcon="arrow_back" />{{ g.name }}</a>
        <h1 class="page-title">{{ 'groups.console.title' | transloco: { name: g.name } }}</h1>
        <div class="btns head-actions">
          <button mat-stroked-button type="button" (click)="edit(g)" data-testid="group-edit">
            <mat-icon aria-hidden="true" fontIcon="edit" />{{ 'groups.form.edit' | transloco }}
          </button>
          @if (auth.isStaff()) {
            @if (g.archived) {
              <button
                mat-stroked-button
                type="button"
                (click)="act(api.restore(g.id, reason.trim() || undefined), 'groups.form.restored')"
                data-testid="group-restore"
              >
                <mat-icon aria-hidden="true" fontIcon="unarchive" />{{ 'groups.form.restore' | transloco }}
              </button>
            } @else {
              <button
                mat-stroked-button
                type="button"
                (click)="withReason(api.archive(g.id, reason.trim()), 'groups.form.archived')"
                data-testid="group-archive"
              >
                <mat-icon aria-hidden="true" fontIcon="archive" />{{ 'groups.form.archive' | transloco }}
              </button>
            }
          }
        </div>
        @if (g.archived) {
          <p class="pill" data-testid="group-archived">{{ 'groups.form.isArchived' | transloco }}</p>
        }
        <mat-form-field appearance="outline" class="reason">
          <mat-label>{{ 'groups.console.reason' | transloco }}</mat-label>
          <input matInput name="reason" maxlength="1000" [(ngModel)]="reason" data-testid="console-reason" />
        </mat-form-field>
        <mat-tab-group mat-stretch-tabs="false" animationDuration="0ms">
          <mat-tab [label]="('groups.console.requests' | transloco) + ' (' + requests().length + ')'">
            <ul class="rows" data-testid="console-requests">
              @for (r of requests(); track r.id) {
                <li class="row">
                  <div>
                    <strong>{{ r.displayName }}</strong> <span class="muted">{{ r.organisationName }}</span>
                    <p class="quote">{{ r.message }}</p>
                  </div>
                  <div class="btns">
                    <button
                      mat-flat-button
                      type="button"
                      (click)="act(api.decide(g.id, r.id, true, reason), 'groups.console.approved')"
                      data-testid="request-approve"
                    >
                      {{ 'groups.console.approve' | transloco }}
                    </button>
                    <button
                      mat-stroked-button
                      type="button"
                      (click)="act(api.decide(g.id, r.id, false, reason), 'groups.console.rejected')"
                      data-testid="request-reject"
                    >
                      {{ 'groups.console.reject' | transloco }}
                    </button>
                  </div>
                </li>
              } @empty {
                <li class="muted">{{ 'groups.console.noRequests' | transloco }}</li>
              }
            </ul>
          </mat-tab>
          <mat-tab [label]="('groups.console.reports' | transloco) + ' (' + reports().length + ')'">
            <ul class="rows" data-testid="console-reports">
              @for (r of reports(); track r.id) {
                <li class="row" [attr.data-testid]="'report-' + r.id">
                  <div>
                    <blockquote class="quote">{{ r.messageBody }}</blockquote>
                    <span class="muted">{{
                      (r.reporterId ? 'groups.console.reportedFor' : 'groups.console.flagged') | transloco: { reason: r.reason }
                    }}</span>
                    <a
                      class="context"
                      [routerLink]="['/chat', r.channelId]"
                      [queryParams]="r.messageSeq ? { seq: r.messageSeq } : {}"
                      data-testid="report-context"
                      >{{ 'groups.console.inContext' | transloco }}</a
                    >
                  </div>
                  <div class="btns">
                    <button mat-stroked-button type="button" (click)="resolve(r, 'dismiss')" data-testid="report-dismiss">
                      {{ 'groups.console.dismiss' | transloco }}
                    </button>
                    <button mat-stroked-button type="button" (click)="resolve(r, 'delete')" data-testid="report-delete">
                      {{ 'groups.console.deleteMessage' | transloco }}
                    </button>
                    <button mat-flat-button type="button" (click)="resolve(r, 'mute')" data-testid="report-mute">
                      {{ 'groups.console.muteAuthor' | transloco }}
                    </button>
                  </div>
                </li>
              } @empty {
                <li class="muted">{{ 'groups.console.noReports' | transloco }}</li>
              }
            </ul>
          </mat-tab>
          <mat-tab [label]="'groups.members' | transloco">
            <mat-form-field appearance="outline" class="dur">
              <mat-label>{{ 'groups.console.duration' | transloco }}</mat-label>
              <mat-select [(ngModel)]="duration" name="duration" data-testid="mute-duration">
                @for (d of durations; track d.key) {
                  <mat-option [value]="d.seconds">{{ 'groups.console.durations.' + d.key | transloco }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
            <ul class="rows" data-testid="console-members">
              @for (m of members(); track m.userId) {
                <li class="row">
                  <div>
                    <strong>{{ m.displayName }}</strong> <span class="muted">{{ m.organisationName }}</span>
                    @if (mutedUntil(m.userId); as until) {
                      <span class="pill">{{
                        'groups.console.mutedUntil' | transloco: { until: (until | date: 'short' : undefined : language.lang()) }
                      }}</span>
                    }
                  </div>
                  @if (auth.isStaff()) {
                    @if (m.role === 'coordinator') {
                      <button
                        mat-stroked-button
                        type="button"
                        (click)="act(api.dismiss(g.id, m.userId, reason.trim() || undefined), 'groups.console.dismissed')"
                        [attr.aria-label]="'groups.console.dismissName' | transloco: { name: m.displayName }"
                        data-testid="member-dismiss"
                      >
                        {{ 'groups.console.dismissCoordinator' | transloco }}
                      </button>
                    } @else {
                      <button
                        mat-stroked-button
                        type="button"
                        (click)="act(api.appoint(g.id, m.userId, reason.trim() || undefined), 'groups.console.appointed')"
                        [attr.aria-label]="'groups.console.appointName' | transloco: { name: m.displayName }"
                        data-testid="member-appoint"
                      >
                        {{ 'groups.console.appoint' | transloco }}
                      </button>
                    }
                  }
                  @if (m.role !== 'coordinator') {
                    <div class="btns">
                      @if (mutedUntil(m.userId)) {
                        <button
                          mat-stroked-button
                          type="button"
                          (click)="act(api.unmute(g.id, m.userId, reason.trim() || undefined), 'groups.console.unmuted')"
                        >
                          {{ 'groups.console.unmute' | transloco }}
                        </button>
                      } @else {
                        <button
                          mat-stroked-button
                          type="button"
                          (click)="mute(m)"
                          [attr.aria-label]="'groups.console.muteName' | transloco: { name: m.displayName }"
                          data-testid="member-mute"
                        >
                          {{ 'groups.console.mute' | transloco }}
                        </button>
                      }
                      <button
                        mat-stroked-button
                        type="button"
                        (click)="withReason(api.remove(g.id, m.userId, reason, false), 'groups.console.removed')"
                        [attr.aria-label]="'groups.console.removeName' | transloco: { name: m.displayName }"
                        data-testid="member-remove"
                      >
                        {{ 'groups.console.remove' | transloco }}
                      </button>
                      <button
                        mat-stroked-button
                        type="button"
                        (click)="withReason(api.remove(g.id, m.userId, reason, true), 'groups.console.banned')"
                        [attr.aria-label]="'groups.console.banName' | transloco: { name: m.displayName }"
                        data-testid="member-ban"
                      >
                        {{ 'groups.console.ban' | transloco }}
                      </button>
                    </div>
                  }
                </li>
              }
            </ul>
          </mat-tab>
          <mat-tab [label]="'groups.console.invite' | transloco">
            <h2 class="section-title">{{ 'groups.console.invitePerson' | transloco }}</h2>
            <form class="inline" (ngSubmit)="invitePerson(g)">
              <mat-form-field appearance="outline" class="wide">
                <mat-label>{{ 'groups.console.person' | transloco }}</mat-label>
                <input
                  matInput
                  name="person"
                  [(ngModel)]="personQuery"
                  (ngModelChange)="searchPeople($event)"
                  [matAutocomplete]="people"
                  data-testid="invite-person"
                />
                <mat-autocomplete
                  #people="matAutocomplete"
                  autoActiveFirstOption
                  [displayWith]="personName"
                  (optionSelected)="person.set($event.option.value)"
                >
                  @for (p of peopleFound(); track p.id) {
                    <mat-option [value]="p"
                      >{{ p.displayName }} <span class="muted">{{ p.organisationName }}</span></mat-option
                    >
                  }
                </mat-autocomplete>
              </mat-form-field>
              <button mat-flat-button type="submit" [disabled]="!person()" data-testid="invite-person-send">
                {{ 'groups.console.inviteSend' | transloco }}
              </button>
            </form>
            <h2 class="section-title">{{ 'groups.console.inviteOrganisation' | transloco }}</h2>
            <p class="muted">{{ 'groups.console.inviteOrganisationHint' | transloco }}</p>
            <form class="inline" (ngSubmit)="inviteOrganisation(g)">
              <mat-form-field appearance="outline" class="wide">
                <mat-label>{{ 'groups.organisation' | transloco }}</mat-label>
                <mat-select name="org" [(ngModel)]="organisationId" data-testid="invite-organisation">
                  @for (o of organisations(); track o.id) {
                    <mat-option [value]="o.id">{{ o.name }}</mat-option>
                  }
                </mat-select>
              </mat-form-field>
              <button mat-flat-button type="submit" [disabled]="!organisationId" data-testid="invite-organisation-send">
                {{ 'groups.console.inviteSend' | transloco }}
              </button>
            </form>
          </mat-tab>
          <mat-tab [label]="'groups.console.settings' | transloco">
            <h2 class="section-title">{{ 'groups.console.slowMode' | transloco }}</h2>
            <form class="inline" (ngSubmit)="saveSlowMode(g)">
              <mat-form-field appearance="outline">
                <mat-label>{{ 'groups.console.channel' | transloco }}</mat-label>
                <mat-select
                  [(ngModel)]="slowChannelId"
                  name="slowChannel"
                  (ngModelChange)="pickChannel($event)"
                  data-testid="slow-mode-channel"
                >
                  @for (c of channels(); track c.id) {
                    <mat-option [value]="c.id"
                      >#{{ c.name }} ({{ 'groups.console.slowModeNow' | transloco: { seconds: c.slowModeSeconds } }})</mat-option
                    >
                  }
                </mat-select>
              </mat-form-field>
              <mat-form-field appearance="outline">
                <mat-label>{{ 'groups.console.slowModeField' | transloco }}</mat-label>
                <input matInput type="number" min="0" max="3600" name="slow" [(ngModel)]="slow" data-testid="slow-mode-seconds" />
              </mat-form-field>
              <button mat-flat-button type="submit" [disabled]="!slowChannelId" data-testid="slow-mode-save">
                {{ 'common.save' | transloco }}
              </button>
            </form>
            <h2 class="section-title">{{ 'groups.console.wordFilter' | transloco }}</h2>
            <p class="muted">{{ 'groups.console.wordFilterHint' | transloco }}</p>
            <ul class="rows">
              @for (r of rules(); track $index) {
                <li class="row">
                  <span
                    ><code>{{ r.pattern }}</code> — {{ 'groups.console.filterAction.' + r.action | transloco }}</span
                  >
                  <button
                    mat-icon-button
                    type="button"
                    (click)="removeRule($index)"
                    [attr.aria-label]="'common.removeItem' | transloco: { item: r.pattern }"
                  >
                    <mat-icon aria-hidden="true" fontIcon="close" />
                  </button>
                </li>
              }
            </ul>
            <form class="inline" (ngSubmit)="addRule()">
              <mat-form-field appearance="outline">
                <mat-label>{{ 'groups.console.pattern' | transloco }}</mat-label>
                <input matInput name="pattern" maxlength="60" [(ngModel)]="pattern" data-testid="filter-pattern" />
              </mat-form-field>
              <mat-form-field appearance="outline">
                <mat-label>{{ 'groups.console.action' | transloco }}</mat-label>
                <mat-select [(ngModel)]="filterAction" name="faction">
                  <mat-option value="block">{{ 'groups.console.filterAction.block' | transloco }}</mat-option>
                  <mat-option value="flag">{{ 'groups.console.filterAction.flag' | transloco }}</mat-option>
                </mat-select>
              </mat-form-field>
              <button mat-flat-button type="submit" [disabled]="!pattern.trim()" data-testid="filter-add">
                {{ 'groups.console.addRule' | transloco }}
              </button>
            </form>
          </mat-tab>
          <mat-tab [label]="('groups.console.bans' | transloco) + ' (' + bans().length + ')'">
            <ul class="rows" data-testid="console-bans">
              @for (b of bans(); track b.userId) {
                <li class="row">
                  <div>
                    <strong>{{ b.displayName }}</strong> <span class="muted">{{ b.organisationName }}</span>
                    <p class="quote">
                      {{
                        'groups.console.bannedBecause'
                          | transloco
                            : { reason: b.reason, by: b.bannedByName ?? '—', at: (b.at | date: 'short' : undefined : language.lang()) }
                      }}
                    </p>
                  </div>
                  <button
                    mat-stroked-button
                    type="button"
                    (click)="act(api.unban(g.id, b.userId, reason.trim() || undefined), 'groups.console.unbanned')"
                    [attr.aria-label]="'groups.console.unbanName' | transloco: { name: b.displayName }"
                    data-testid="ban-lift"
                  >
                    {{ 'groups.console.unban' | transloco }}
                  </button>
                </li>
              } @empty {
                <li class="muted">{{ 'groups.console.noBans' | transloco }}</li>
              }
            </ul>
          </mat-tab>
          <mat-tab [label]="'groups.console.audit' | transloco">
            <button mat-stroked-button type="button" (click)="downloadCsv(g)" data-testid="audit-csv">
              <mat-icon aria-hidden="true" fontIcon="download" />{{ 'groups.console.csv' | transloco }}
            </button>
            <table class="audit" data-testid="audit-table">
              <thead>
                <tr>
                  <th scope="col">{{ 'groups.console.when' | transloco }}</th>
                  <th scope="col">{{ 'groups.console.action' | transloco }}</th>
                  <th scope="col">{{ 'groups.console.target' | transloco }}</th>
                  <th scope="col">{{ 'groups.console.reasonCol' | transloco }}</th>
                </tr>
              </thead>
              <tbody>
                @for (e of audit(); track e.id) {
                  <tr>
                    <td>{{ e.at | date: 'short' : undefined : language.lang() }}</td>
                    <td>
                      <code>{{ e.action }}</code>
                    </td>
                    <td>{{ e.targetType }} {{ e.targetId }}</td>
                    <td>{{ e.reason }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </mat-tab>
        </mat-tab-group>
      }
    </section>
  `,
  styles: `
    .reason {
      width: min(560px, 100%);
    }
    .rows {
      list-style: none;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 8px;
      margin: 12px 0;
    }
    .row {
      display: flex;
      justify-content: space-between;
      gap: 12px;
      align-items: center;
      flex-wrap: wrap;
      padding: 8px 12px;
      background: var(--k-surface, #fff);
      border: 1px solid var(--k-border, #dde5ea);
      border-radius: 8px;
    }
    .btns {
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
    }
    .quote {
      margin: 4px 0;
      white-space: pre-wrap;
    }
    blockquote.quote {
      border-left: 3px solid var(--k-teal, #0f8b8d);
      padding-left: 8px;
    }
    .muted {
      color: var(--k-text-muted);
    }
    .context {
      margin-left: 8px;
    }
    .row strong + .muted {
      margin-left: 8px;
    }
    .dur {
      margin-top: 16px;
    }
    .wide {
      width: min(460px, 100%);
    }
    .section-title {
      margin-top: 16px;
    }
    .pill {
      background: #fdecea;
      border-radius: 12px;
      padding: 2px 10px;
      font-size: 12px;
      margin-left: 8px;
    }
    .inline {
      display: flex;
      gap: 12px;
      align-items: baseline;
      flex-wrap: wrap;
    }
    .head-actions {
      margin-bottom: 12px;
    }
    .audit {
      border-collapse: collapse;
      width: 100%;
      margin-top: 12px;
    }
    .audit th,
    .audit td {
      text-align: left;
      padding: 6px 8px;
      border-bottom: 1px solid var(--k-border, #dde5ea);
    }
  `,
})
export default class ConsolePage {
  protected readonly api = inject(GroupsApi);
  protected readonly language = inject(LanguageService);
  private readonly snack = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly errors = inject(ErrorMessageService);
  readonly id = input.required<string>();
  protected readonly durations = DURATIONS;
  protected readonly group = signal<MyGroup | null>(null);
  protected readonly requests = signal<JoinRequest[]>([]);
  protected readonly reports = signal<Report[]>([]);
  protected readonly members = signal<GroupMember[]>([]);
  protected readonly mutes = signal<Mute[]>([]);
  protected readonly rules = signal<WordFilterRule[]>([]);
  protected readonly audit = signal<AuditEntry[]>([]);
  protected readonly bans = signal<GroupBan[]>([]);
  protected readonly channels = signal<GroupChannel[]>([]);
  protected slowChannelId = '';
  protected readonly auth = inject(AuthStore);
  private readonly dialog = inject(MatDialog);
  protected readonly peopleFound = signal<PersonSummary[]>([]);
  protected readonly person = signal<PersonSummary | null>(null);
  protected readonly organisations = signal<Organisation[]>([]);
  protected personQuery: string | PersonSummary = '';
  protected organisationId = '';
  protected readonly personName = (p: PersonSummary | string | null): string => (typeof p === 'string' ? p : (p?.displayName ?? ''));
  protected reason = '';
  protected duration = 3600;
  protected slow = 0;
  protected pattern = '';
  protected filterAction: WordFilterAction = 'block';

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => this.reload(id));
    });
  }

  reload(id = this.id()): void {
    this.api.get(id).subscribe((r) => this.group.set(r.group));
    this.api.requests(id).subscribe((p) => this.requests.set(p.items));
    this.api.reports(id).subscribe((p) => this.reports.set(p.items));
    this.api.members(id).subscribe((p) => this.members.set(p.items));
    this.api.mutes(id).subscribe((r) => this.mutes.set(r.items));
    this.api.wordFilter(id).subscribe((r) => this.rules.set(r.rules));
    if (this.organisations().length === 0) this.api.organisations().subscribe((p) => this.organisations.set(p.items));
    this.api.bans(id).subscribe((r) => this.bans.set(r.items));
    this.api.channels(id).subscribe((r) => {
      this.channels.set(r.items);
      const current = r.items.find((c) => c.id === this.slowChannelId) ?? r.items[0];
      if (current) {
        this.slowChannelId = current.id;
        this.slow = current.slowModeSeconds;
      }
    });
    this.api.audit({ groupId: id, limit: 50 }).subscribe((p) => this.audit.set(p.items));
  }

  mutedUntil(userId: string): string | null {
    return this.mutes().find((m) => m.userId === userId)?.until ?? null;
  }

  act(action: Observable<unknown>, doneKey: string): void {
    action.subscribe({
      next: () => {
        this.snack.open(this.transloco.translate(doneKey), undefined, { duration: 3000 });
        this.reload();
      },
      error: (err: unknown) => this.snack.open(this.errors.message(err), this.transloco.translate('common.close')),
    });
  }

  withReason(action: Observable<unknown>, doneKey: string): void {
    if (!this.reason.trim()) {
      this.snack.open(this.transloco.translate('common.reasonRequired'), this.transloco.translate('common.close'));
      return;
    }
    this.act(action, doneKey);
  }

  mute(m: GroupMember): void {
    const g = this.group();
    if (g) this.withReason(this.api.mute(g.id, m.userId, this.duration, this.reason.trim()), 'groups.console.muted');
  }

  resolve(r: Report, action: 'dismiss' | 'delete' | 'mute'): void {
    const note = this.reason.trim();
    this.act(
      this.api.resolve(r.groupId, r.id, {
        action,
        ...(note ? { note } : {}),
        ...(action === 'mute' ? { durationSeconds: this.duration } : {}),
      }),
      'groups.console.resolved',
    );
  }

  edit(g: MyGroup): void {
    this.dialog
      .open<GroupFormDialog, MyGroup | null, GroupFormResult>(GroupFormDialog, { data: g, autoFocus: 'first-tabbable' })
      .afterClosed()
      .subscribe((result) => {
        if (result) this.act(this.api.update(g.id, result), 'groups.console.saved');
      });
  }

  searchPeople(q: string | PersonSummary): void {
    if (typeof q !== 'string') return;
    this.person.set(null);
    if (q.trim().length < 2) {
      this.peopleFound.set([]);
      return;
    }
    this.api.people(q.trim()).subscribe((p) => this.peopleFound.set(p.items));
  }

  invitePerson(g: MyGroup): void {
    const p = this.person();
    if (!p) return;
    this.act(this.api.invite(g.id, p.id, this.reason.trim() || undefined), 'groups.console.invited');
    this.person.set(null);
    this.personQuery = '';
  }

  inviteOrganisation(g: MyGroup): void {
    if (!this.organisationId) return;
    this.api.inviteOrganisation(g.id, this.organisationId, this.reason.trim() || undefined).subscribe({
      next: (r) => {
        this.snack.open(
          this.transloco.translate('groups.console.organisationInvited', { invited: r.invited, skipped: r.skipped }),
          undefined,
          { duration: 4000 },
        );
        this.reload();
      },
      error: (err: unknown) => this.snack.open(this.errors.message(err), this.transloco.translate('common.close')),
    });
  }

  pickChannel(channelId: string): void {
    this.slow = this.channels().find((c) => c.id === channelId)?.slowModeSeconds ?? 0;
  }

  saveSlowMode(g: MyGroup): void {
    if (this.slowChannelId)
      this.act(
        this.api.slowMode(g.id, this.slowChannelId, Number(this.slow) || 0, this.reason.trim() || undefined),
        'groups.console.saved',
      );
  }

  addRule(): void {
    const g = this.group();
    const pattern = this.pattern.trim();
    if (!g || !pattern) return;
    this.pattern = '';
    this.act(
      this.api.setWordFilter(g.id, [...this.rules(), { pattern, action: this.filterAction }], this.reason.trim() || undefined),
      'groups.console.saved',
    );
  }

  removeRule(index: number): void {
    const g = this.group();
    if (g)
      this.act(
        this.api.setWordFilter(
          g.id,
          this.rules().filter((_, i) => i !== index),
          this.reason.trim() || undefined,
        ),
        'groups.console.saved',
      );
  }

  downloadCsv(g: MyGroup): void {
    this.api.auditCsv({ groupId: g.id }).subscribe((blob) => {
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `audit-${g.slug}.csv`;
      a.click();
      URL.revokeObjectURL(url);
    });
  }
}
