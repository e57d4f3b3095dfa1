import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { DIRECT_MAX_MEMBERS, type MyChannel, type PersonSummary } from '@klasteris/contracts';
import { Subject, debounceTime, firstValueFrom, switchMap } from 'rxjs';
import { AuthStore } from '../../../core/auth/auth.store';
import { ErrorMessageService } from '../../../core/http/error-message.service';
import { AvatarComponent } from '../../../shared/ui/avatar.component';
import { ChatApi } from '../chat.api';
import { ChatPeopleStore } from '../chat-people.store';

/** Start a direct message (or a group DM of up to 8 people). */
@Component({
  selector: 'app-new-message-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatDialogModule,
    MatButtonModule,
    MatChipsModule,
    MatFormFieldModule,
    MatInputModule,
    MatIconModule,
    TranslocoPipe,
    AvatarComponent,
  ],
  template: `
    <h2 mat-dialog-title>{{ 'chat.dm.title' | transloco }}</h2>
    <mat-dialog-content>
      @if (picked().length) {
        <mat-chip-set [attr.aria-label]="'chat.dm.picked' | transloco">
          @for (p of picked(); track p.id) {
            <mat-chip (removed)="unpick(p)">
              {{ p.displayName }}
              <button matChipRemove [attr.aria-label]="'common.removeItem' | transloco: { item: p.displayName }">
                <mat-icon fontIcon="cancel" />
              </button>
            </mat-chip>
          }
        </mat-chip-set>
      }
      <mat-form-field class="full-width">
        <mat-label>{{ 'chat.dm.search' | transloco }}</mat-label>
        <mat-icon matPrefix aria-hidden="true" fontIcon="search" />
        <input
          matInput
          type="search"
          (input)="query$.next($any($event.target).value)"
          data-testid="dm-search"
          [disabled]="picked().length >= max"
        />
        <mat-hint>{{ 'chat.dm.hint' | transloco: { max: max } }}</mat-hint>
      </mat-form-field>
      <ul class="list" aria-live="polite">
        @for (p of results(); track p.id) {
          <li>
            <button
              type="button"
              class="person"
              (click)="pick(p)"
              [disabled]="picked().length >= max"
              data-testid="dm-person"
              [attr.data-person-name]="p.displayName"
            >
              <app-avatar [initials]="p.initials" [color]="p.avatarColor" [size]="32" />
              <span class="name">{{ p.displayName }}</span>
              <span class="org">{{ p.organisationName }}</span>
            </button>
          </li>
        }
      </ul>
      @if (error()) {
        <p class="form-error" role="alert">{{ error() }}</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
      <button mat-flat-button type="button" (click)="start()" [disabled]="!picked().length || busy()" data-testid="dm-start">
        {{ 'chat.dm.start' | transloco }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .full-width {
      width: 100%;
      margin-top: 8px;
    }
    .list {
      list-style: none;
      margin: 8px 0 0;
      padding: 0;
      max-height: 320px;
      overflow-y: auto;
    }
    .person {
      display: flex;
      align-items: center;
      gap: 12px;
      width: 100%;
      padding: 8px;
      border: 0;
      border-radius: 8px;
      background: transparent;
      cursor: pointer;
      font: inherit;
      text-align: left;
      color: var(--k-text);
      &:hover {
        background: #f0f5f8;
      }
    }
    .name {
      font-weight: 500;
    }
    .org {
      margin-left: auto;
      color: var(--k-text-muted);
      font-size: 13px;
    }
    .form-error {
      color: #b3261e;
    }
  `,
})
export class NewMessageDialogComponent {
  private readonly api = inject(ChatApi);
  private readonly people = inject(ChatPeopleStore);
  private readonly auth = inject(AuthStore);
  private readonly errors = inject(ErrorMessageService);
  private readonly ref = inject<MatDialogRef<NewMessageDialogComponent, MyChannel>>(MatDialogRef);
  protected readonly max = DIRECT_MAX_MEMBERS - 1;
  protected readonly results = signal<PersonSummary[]>([]);
  protected readonly picked = signal<PersonSummary[]>([]);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly query$ = new Subject<string>();

  constructor() {
    this.query$
      .pipe(
        debounceTime(200),
        switchMap((q) => this.api.people(q.trim(), 20)),
        takeUntilDestroyed(),
      )
      .subscribe({ next: (page) => this.show(page.items), error: (err: unknown) => this.error.set(this.errors.message(err)) });
    this.api.people('', 20).subscribe({ next: (page) => this.show(page.items), error: () => undefined });
  }

  private show(items: PersonSummary[]): void {
    const me = this.auth.user()?.id;
    this.people.rememberSummaries(items);
    this.results.set(items.filter((p) => p.id !== me && !this.picked().some((x) => x.id === p.id)));
  }

  protected pick(p: PersonSummary): void {
    this.picked.update((list) => [...list, p]);
    this.results.update((list) => list.filter((x) => x.id !== p.id));
  }

  protected unpick(p: PersonSummary): void {
    this.picked.update((list) => list.filter((x) => x.id !== p.id));
  }

  protected async start(): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    try {
      const { channel } = await firstValueFrom(this.api.direct(this.picked().map((p) => p.id)));
      this.ref.close(channel);
    } catch (err) {
      this.error.set(this.errors.message(err));
    } finally {
      this.busy.set(false);
    }
  }
}
