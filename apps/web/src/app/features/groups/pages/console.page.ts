import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { AuditEntry, GroupMember, JoinRequest, Mute, MyGroup, Report, WordFilterAction, WordFilterRule } from '@klasteris/contracts';
import type { Observable } from 'rxjs';
import { ErrorMessageService } from '../../../core/http/error-message.service';
import { LanguageService } from '../../../core/i18n/language.service';
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
  imports: [DatePipe, FormsModule, RouterLink, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, MatSelectModule, MatTabsModule, TranslocoPipe],
  template: `
    <section class="page">
      @if (group(); as g) {
        <a mat-button [routerLink]="['/groups', g.id]" class="back"><mat-icon aria-hidden="true" fontIcon="arrow_back" />{{ g.name }}</a>
        <h1 class="page-title">{{ 'groups.console.title' | transloco: { name: g.name } }}</h1>
        <mat-form-field appearance="outline" class="reason">
          <mat-label>{{ 'groups.console.reason' | transloco }}</mat-label>
          <input matInput name="reason" maxlength="1000" [(ngModel)]="reason" data-testid="console-reason" />
        </mat-form-field>
        <mat-tab-group mat-stretch-tabs="false" animationDuration="0ms">
          <mat-tab [label]="('groups.console.requests' | transloco) + ' (' + requests().length + ')'">
            <ul class="rows" data-testid="console-requests">
              @for (r of requests(); track r.id) {
                <li class="row">
                  <div><strong>{{ r.displayName }}</strong> <span class="muted">{{ r.organisationName }}</span><p class="quote">{{ r.message }}</p></div>
                  <div class="btns">
                    <button mat-flat-button type="button" (click)="act(api.decide(g.id, r.id, true, reason), 'groups.console.approved')" data-testid="request-approve">{{ 'groups.console.approve' | transloco }}</button>
                    <button mat-stroked-button type="button" (click)="act(api.decide(g.id, r.id, false, reason), 'groups.console.rejected')" data-testid="request-reject">{{ 'groups.console.reject' | transloco }}</button>
                  </div>
                </li>
              } @empty { <li class="muted">{{ 'groups.console.noRequests' | transloco }}</li> }
            </ul>
          </mat-tab>
          <mat-tab [label]="('groups.console.reports' | transloco) + ' (' + reports().length + ')'">
            <ul class="rows" data-testid="console-reports">
              @for (r of reports(); track r.id) {
                <li class="row" [attr.data-testid]="'report-' + r.id">
                  <div>
                    <blockquote class="quote">{{ r.messageBody }}</blockquote>
                    <span class="muted">{{ (r.reporterId ? 'groups.console.reportedFor' : 'groups.console.flagged') | transloco: { reason: r.reason } }}</span>
                    <a class="context" [routerLink]="['/chat', r.channelId]" [queryParams]="r.messageSeq ? { seq: r.messageSeq } : {}" data-testid="report-context">{{ 'groups.console.inContext' | transloco }}</a>
                  </div>
                  <div class="btns">
                    <button mat-stroked-button type="button" (click)="resolve(r, 'dismiss')" data-testid="report-dismiss">{{ 'groups.console.dismiss' | transloco }}</button>
                    <button mat-stroked-button type="button" (click)="resolve(r, 'delete')" data-testid="report-delete">{{ 'groups.console.deleteMessage' | transloco }}</button>
                    <button mat-flat-button type="button" (click)="resolve(r, 'mute')" data-testid="report-mute">{{ 'groups.console.muteAuthor' | transloco }}</button>
                  </div>
                </li>
              } @empty { <li class="muted">{{ 'groups.console.noReports' | transloco }}</li> }
            </ul>
          </mat-tab>
          <mat-tab [label]="'groups.members' | transloco">
            <mat-form-field appearance="outline" class="dur">
              <mat-label>{{ 'groups.console.duration' | transloco }}</mat-label>
              <mat-select [(ngModel)]="duration" name="duration" data-testid="mute-duration">
                @for (d of durations; track d.key) { <mat-option [value]="d.seconds">{{ 'groups.console.durations.' + d.key | transloco }}</mat-option> }
              </mat-select>
            </mat-form-field>
            <ul class="rows" data-testid="console-members">
              @for (m of members(); track m.userId) {
                <li class="row">
                  <div>
                    <strong>{{ m.displayName }}</strong> <span class="muted">{{ m.organisationName }}</span>
                    @if (mutedUntil(m.userId); as until) { <span class="pill">{{ 'groups.console.mutedUntil' | transloco: { until: (until | date: 'short' : undefined : language.lang()) } }}</span> }
                  </div>
                  @if (m.role !== 'coordinator') {
                    <div class="btns">
                      @if (mutedUntil(m.userId)) {
                        <button mat-stroked-button type="button" (click)="act(api.unmute(g.id, m.userId), 'groups.console.unmuted')">{{ 'groups.console.unmute' | transloco }}</button>
                      } @else {
                        <button mat-stroked-button type="button" (click)="mute(m)" [attr.aria-label]="'groups.console.muteName' | transloco: { name: m.displayName }" data-testid="member-mute">{{ 'groups.console.mute' | transloco }}</button>
                      }
                      <button mat-stroked-button type="button" (click)="withReason(api.remove(g.id, m.userId, reason, false), 'groups.console.removed')">{{ 'groups.console.remove' | transloco }}</button>
                      <button mat-stroked-button type="button" (click)="withReason(api.remove(g.id, m.userId, reason, true), 'groups.console.banned')">{{ 'groups.console.ban' | transloco }}</button>
                    </div>
                  }
                </li>
              }
            </ul>
          </mat-tab>
          <mat-tab [label]="'groups.console.settings' | transloco">
            <h2 class="section-title">{{ 'groups.console.slowMode' | transloco }}</h2>
            <form class="inline" (ngSubmit)="act(api.slowMode(g.id, g.channelIds.general, slow), 'groups.console.saved')">
              <mat-form-field appearance="outline" class="wide">
                <mat-label>{{ 'groups.console.slowModeSeconds' | transloco: { channel: g.slug + '-general' } }}</mat-label>
                <input matInput type="number" min="0" max="3600" name="slow" [(ngModel)]="slow" data-testid="slow-mode-seconds" />
              </mat-form-field>
              <button mat-flat-button type="submit" data-testid="slow-mode-save">{{ 'common.save' | transloco }}</button>
            </form>
            <h2 class="section-title">{{ 'groups.console.wordFilter' | transloco }}</h2>
            <p class="muted">{{ 'groups.console.wordFilterHint' | transloco }}</p>
            <ul class="rows">
              @for (r of rules(); track $index) {
                <li class="row"><span><code>{{ r.pattern }}</code> — {{ 'groups.console.filterAction.' + r.action | transloco }}</span>
                  <button mat-icon-button type="button" (click)="removeRule($index)" [attr.aria-label]="'common.removeItem' | transloco: { item: r.pattern }"><mat-icon aria-hidden="true" fontIcon="close" /></button></li>
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
              <button mat-flat-button type="submit" [disabled]="!pattern.trim()" data-testid="filter-add">{{ 'groups.console.addRule' | transloco }}</button>
            </form>
          </mat-tab>
          <mat-tab [label]="'groups.console.audit' | transloco">
            <button mat-stroked-button type="button" (click)="downloadCsv(g)" data-testid="audit-csv"><mat-icon aria-hidden="true" fontIcon="download" />{{ 'groups.console.csv' | transloco }}</button>
            <table class="audit" data-testid="audit-table">
              <thead><tr>
                <th scope="col">{{ 'groups.console.when' | transloco }}</th><th scope="col">{{ 'groups.console.action' | transloco }}</th>
                <th scope="col">{{ 'groups.console.target' | transloco }}</th><th scope="col">{{ 'groups.console.reasonCol' | transloco }}</th>
              </tr></thead>
              <tbody>
                @for (e of audit(); track e.id) {
                  <tr><td>{{ e.at | date: 'short' : undefined : language.lang() }}</td><td><code>{{ e.action }}</code></td><td>{{ e.targetType }} {{ e.targetId }}</td><td>{{ e.reason }}</td></tr>
                }
              </tbody>
            </table>
          </mat-tab>
        </mat-tab-group>
      }
    </section>
  `,
  styles: `
    .reason { width: min(560px, 100%); }
    .rows { list-style: none; padding: 0; display: flex; flex-direction: column; gap: 8px; margin: 12px 0; }
    .row { display: flex; justify-content: space-between; gap: 12px; align-items: center; flex-wrap: wrap; padding: 8px 12px; background: var(--k-surface, #fff); border: 1px solid var(--k-border, #dde5ea); border-radius: 8px; }
    .btns { display: flex; gap: 8px; flex-wrap: wrap; }
    .quote { margin: 4px 0; white-space: pre-wrap; }
    blockquote.quote { border-left: 3px solid var(--k-teal, #0f8b8d); padding-left: 8px; }
    .muted { color: var(--k-text-muted); }
    .context { margin-left: 8px; }
    .row strong + .muted { margin-left: 8px; }
    .dur { margin-top: 16px; }
    .wide { width: min(460px, 100%); }
    .section-title { margin-top: 16px; }
    .pill { background: #fdecea; border-radius: 12px; padding: 2px 10px; font-size: 12px; margin-left: 8px; }
    .inline { display: flex; gap: 12px; align-items: baseline; flex-wrap: wrap; }
    .audit { border-collapse: collapse; width: 100%; margin-top: 12px; }
    .audit th, .audit td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--k-border, #dde5ea); }
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
    this.act(this.api.resolve(r.groupId, r.id, { action, ...(note ? { note } : {}), ...(action === 'mute' ? { durationSeconds: this.duration } : {}) }), 'groups.console.resolved');
  }

  addRule(): void {
    const g = this.group();
    const pattern = this.pattern.trim();
    if (!g || !pattern) return;
    this.pattern = '';
    this.act(this.api.setWordFilter(g.id, [...this.rules(), { pattern, action: this.filterAction }]), 'groups.console.saved');
  }

  removeRule(index: number): void {
    const g = this.group();
    if (g) this.act(this.api.setWordFilter(g.id, this.rules().filter((_, i) => i !== index)), 'groups.console.saved');
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
