import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { AcknowledgementReport, Announcement } from '@klasteris/contracts';
import type { Observable } from 'rxjs';
import { ErrorMessageService } from '../../../core/http/error-message.service';
import { LanguageService } from '../../../core/i18n/language.service';
import { EmptyStateComponent } from '../../../shared/ui/empty-state.component';
import { GroupStore } from '../group.store';
import { GroupsApi } from '../groups.api';

@Component({
  selector: 'app-group-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [GroupStore],
  imports: [
    DatePipe,
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    TranslocoPipe,
    EmptyStateComponent,
  ],
  template: `
    <section class="page">
      <a mat-button routerLink="/groups" class="back"
        ><mat-icon aria-hidden="true" fontIcon="arrow_back" />{{ 'groups.back' | transloco }}</a
      >
      @if (store.notFound()) {
        <app-empty-state icon="group_off" [title]="'groups.notFound' | transloco" />
      } @else if (store.group(); as g) {
        <header class="head k-card">
          <div>
            <h1 class="page-title" data-testid="group-name">{{ g.name }}</h1>
            <p class="meta">
              {{ 'groups.visibility.' + g.visibility | transloco }} · {{ 'groups.memberCount' | transloco: { count: g.memberCount } }}
            </p>
          </div>
          <div class="head-actions">
            @if (g.canModerate) {
              <a mat-flat-button [routerLink]="['/groups', g.id, 'console']" data-testid="group-console-link"
                ><mat-icon aria-hidden="true" fontIcon="shield_person" />{{ 'groups.console.open' | transloco }}</a
              >
            }
            @if (g.myRole) {
              <button mat-stroked-button type="button" (click)="run(store.leave(), 'groups.left')" data-testid="group-leave">
                {{ 'groups.leave' | transloco }}
              </button>
            } @else if (g.requested) {
              <span class="status" data-testid="group-requested">{{ 'groups.requested' | transloco }}</span>
            } @else if (g.visibility === 'open' || g.invited) {
              <button mat-flat-button type="button" (click)="run(store.join(), 'groups.joinedShort')" data-testid="group-join">
                {{ 'groups.join' | transloco }}
              </button>
            }
          </div>
        </header>

        @if (!g.myRole && !g.requested && g.visibility === 'request') {
          <form class="k-card request" (ngSubmit)="run(store.join(requestMessage), 'groups.requestSent')">
            <h2 class="section-title">{{ 'groups.request' | transloco }}</h2>
            <mat-form-field appearance="outline">
              <mat-label>{{ 'groups.requestMessage' | transloco }}</mat-label>
              <textarea
                matInput
                name="message"
                rows="3"
                maxlength="1000"
                [(ngModel)]="requestMessage"
                data-testid="group-request-message"
              ></textarea>
            </mat-form-field>
            <button mat-flat-button type="submit" data-testid="group-request-send">{{ 'groups.requestSend' | transloco }}</button>
          </form>
        }

        <div class="layout">
          <div class="main-col">
            <section class="k-card" aria-labelledby="about-h">
              <h2 id="about-h" class="section-title">{{ 'groups.about' | transloco }}</h2>
              <p>{{ g.description }}</p>
              <ul class="tags" [attr.aria-label]="'groups.tags' | transloco">
                @for (t of g.tags; track t) {
                  <li class="tag">{{ t }}</li>
                }
              </ul>
            </section>

            <section class="k-card" aria-labelledby="ann-h">
              <h2 id="ann-h" class="section-title">{{ 'groups.announcements.title' | transloco }}</h2>
              @if (g.myRole === 'coordinator') {
                <form class="announce" (ngSubmit)="announce()">
                  <mat-form-field appearance="outline">
                    <mat-label>{{ 'groups.announcements.new' | transloco }}</mat-label>
                    <textarea
                      matInput
                      name="ann"
                      rows="2"
                      maxlength="4000"
                      [(ngModel)]="announcement"
                      data-testid="announcement-body"
                    ></textarea>
                  </mat-form-field>
                  <mat-checkbox name="ack" [(ngModel)]="requireAck" data-testid="announcement-require-ack">{{
                    'groups.announcements.requireAck' | transloco
                  }}</mat-checkbox>
                  <button mat-flat-button type="submit" [disabled]="!announcement.trim()" data-testid="announcement-post">
                    {{ 'groups.announcements.post' | transloco }}
                  </button>
                </form>
              }
              @for (a of store.announcements(); track a.id) {
                <article class="announcement" [attr.data-testid]="'announcement-' + a.id">
                  <p class="body">{{ a.body }}</p>
                  <p class="meta">
                    {{ a.createdAt | date: 'medium' : undefined : language.lang() }}
                    @if (a.requireAck) {
                      · {{ 'groups.announcements.ackCount' | transloco: { count: a.ackCount } }}
                    }
                  </p>
                  @if (a.requireAck && g.myRole) {
                    @if (a.myAckAt) {
                      <span class="status"
                        ><mat-icon aria-hidden="true" fontIcon="check" />{{ 'groups.announcements.acknowledged' | transloco }}</span
                      >
                    } @else {
                      <button
                        mat-stroked-button
                        type="button"
                        (click)="run(store.acknowledge(a), 'groups.announcements.thanks')"
                        data-testid="announcement-ack"
                      >
                        {{ 'groups.announcements.acknowledge' | transloco }}
                      </button>
                    }
                  }
                  @if (a.requireAck && g.canModerate) {
                    <button mat-button type="button" (click)="showAcks(a)" data-testid="announcement-acks">
                      {{ 'groups.announcements.who' | transloco }}
                    </button>
                    @if (acks()?.announcementId === a.id) {
                      @let r = acks()!;
                      <table class="acks">
                        <caption>
                          {{
                            'groups.announcements.byOrganisation' | transloco: { done: r.acknowledged, total: r.total }
                          }}
                        </caption>
                        <thead>
                          <tr>
                            <th scope="col">{{ 'groups.organisation' | transloco }}</th>
                            <th scope="col">{{ 'groups.announcements.acknowledgedCol' | transloco }}</th>
                          </tr>
                        </thead>
                        <tbody>
                          @for (o of r.organisations; track o.organisationId) {
                            <tr>
                              <td>{{ o.organisationName ?? ('groups.noOrganisation' | transloco) }}</td>
                              <td>{{ o.acknowledged }} / {{ o.total }}</td>
                            </tr>
                          }
                        </tbody>
                      </table>
                      <ul class="people">
                        @for (p of r.people; track p.userId) {
                          <li>
                            {{ p.displayName }} —
                            {{ (p.acknowledgedAt ? 'groups.announcements.acknowledged' : 'groups.announcements.pending') | transloco }}
                          </li>
                        }
                      </ul>
                    }
                  }
                </article>
              } @empty {
                <p class="muted">{{ 'groups.announcements.none' | transloco }}</p>
              }
            </section>
          </div>

          <aside class="side-col">
            <section class="k-card" aria-labelledby="ch-h">
              <h2 id="ch-h" class="section-title">{{ 'groups.channels' | transloco }}</h2>
              <ul class="links">
                <li>
                  <a [routerLink]="['/chat', g.channelIds.general]" data-testid="group-channel-general"># {{ g.slug }}-general</a>
                </li>
                <li>
                  <a [routerLink]="['/chat', g.channelIds.announcements]" data-testid="group-channel-announcements"
                    ># {{ g.slug }}-announcements</a
                  >
                </li>
              </ul>
            </section>
            <section class="k-card" aria-labelledby="co-h">
              <h2 id="co-h" class="section-title">{{ 'groups.coordinators' | transloco }}</h2>
              <ul class="links">
                @for (c of store.coordinators(); track c.userId) {
                  <li>
                    {{ c.displayName }}
                    @if (c.organisationName) {
                      <span class="muted">· {{ c.organisationName }}</span>
                    }
                  </li>
                }
              </ul>
            </section>
            <section class="k-card" aria-labelledby="mem-h">
              <h2 id="mem-h" class="section-title">{{ 'groups.members' | transloco }}</h2>
              <ul class="links" data-testid="group-members">
                @for (m of store.members(); track m.userId) {
                  <li>
                    {{ m.displayName }}
                    <span class="muted">· {{ m.organisationName ?? ('groups.noOrganisation' | transloco) }}</span>
                    @if (m.role === 'coordinator') {
                      <span class="pill">{{ 'groups.role.coordinator' | transloco }}</span>
                    }
                  </li>
                }
              </ul>
            </section>
          </aside>
        </div>
      }
    </section>
  `,
  styles: `
    .head {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 16px;
      flex-wrap: wrap;
      padding: 16px;
    }
    .head-actions {
      display: flex;
      gap: 8px;
      align-items: center;
    }
    .meta,
    .muted {
      color: var(--k-text-muted);
      margin: 0;
    }
    .layout {
      display: grid;
      grid-template-columns: minmax(0, 2fr) minmax(240px, 1fr);
      gap: 16px;
      margin-top: 16px;
    }
    @media (max-width: 900px) {
      .layout {
        grid-template-columns: 1fr;
      }
    }
    .main-col,
    .side-col {
      display: flex;
      flex-direction: column;
      gap: 16px;
    }
    .k-card {
      padding: 16px;
    }
    .request,
    .announce {
      display: flex;
      flex-direction: column;
      gap: 8px;
      margin-top: 16px;
    }
    .tags {
      list-style: none;
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
    }
    .tag,
    .pill {
      background: var(--k-surface-2, #eef3f6);
      border-radius: 12px;
      padding: 2px 10px;
      font-size: 12px;
    }
    .links {
      list-style: none;
      padding: 0;
      margin: 0;
      display: flex;
      flex-direction: column;
      gap: 6px;
    }
    .announcement {
      border-top: 1px solid var(--k-border, #dde5ea);
      padding: 12px 0;
    }
    .announcement .body {
      margin: 0 0 4px;
      white-space: pre-wrap;
    }
    .status {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      color: var(--k-text-muted);
    }
    .acks {
      border-collapse: collapse;
      margin: 8px 0;
    }
    .acks th,
    .acks td {
      text-align: left;
      padding: 4px 12px 4px 0;
    }
    .acks caption {
      text-align: left;
      font-weight: 500;
    }
  `,
})
export default class GroupPage {
  protected readonly store = inject(GroupStore);
  protected readonly language = inject(LanguageService);
  private readonly api = inject(GroupsApi);
  private readonly snack = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly errors = inject(ErrorMessageService);
  readonly id = input.required<string>();
  protected requestMessage = '';
  protected announcement = '';
  protected requireAck = true;
  protected readonly acks = signal<AcknowledgementReport | null>(null);

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => this.store.load(id));
    });
  }

  run(action: Observable<unknown>, doneKey: string): void {
    action.subscribe({
      next: () => this.snack.open(this.transloco.translate(doneKey), undefined, { duration: 3000 }),
      error: (err: unknown) => this.snack.open(this.errors.message(err), this.transloco.translate('common.close')),
    });
  }

  announce(): void {
    const body = this.announcement.trim();
    if (!body) return;
    this.run(this.store.announce(body, this.requireAck), 'groups.announcements.posted');
    this.announcement = '';
  }

  showAcks(a: Announcement): void {
    this.api.acks(a.groupId, a.id).subscribe({
      next: (r) => this.acks.set(r),
      error: (err: unknown) => this.snack.open(this.errors.message(err), this.transloco.translate('common.close')),
    });
  }
}
