import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import type { MyChannel } from '@klasteris/contracts';
import { Subject, debounceTime, firstValueFrom, switchMap } from 'rxjs';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ErrorMessageService } from '../../../core/http/error-message.service';
import { ChatApi, type BrowseChannel } from '../chat.api';

/** Public and announcement channels to find and join. */
@Component({
  selector: 'app-browse-channels-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatIconModule, TranslocoPipe],
  template: `
    <h2 mat-dialog-title>{{ 'chat.browse.title' | transloco }}</h2>
    <mat-dialog-content>
      <mat-form-field class="full-width">
        <mat-label>{{ 'chat.browse.search' | transloco }}</mat-label>
        <mat-icon matPrefix aria-hidden="true" fontIcon="search" />
        <input matInput type="search" (input)="query$.next($any($event.target).value)" data-testid="browse-search" />
      </mat-form-field>
      <ul class="list" aria-live="polite">
        @for (c of items(); track c.id) {
          <li class="entry" data-testid="browse-item" [attr.data-channel-name]="c.name">
            <mat-icon aria-hidden="true" [fontIcon]="c.type === 'announcement' ? 'campaign' : 'tag'" />
            <div class="info">
              <div class="name">
                {{ c.name }}
                @if (c.archived) {
                  <span class="muted">· {{ 'chat.details.archived' | transloco }}</span>
                }
              </div>
              @if (c.topic) {
                <div class="topic">{{ c.topic }}</div>
              }
              <div class="muted">{{ 'chat.details.memberCount' | transloco: { count: c.memberCount } }}</div>
            </div>
            @if (c.isMember) {
              <button mat-button type="button" (click)="open(c)">{{ 'chat.browse.openChannel' | transloco }}</button>
            } @else {
              <button mat-button type="button" (click)="open(c)">{{ 'chat.browse.preview' | transloco }}</button>
              <button
                mat-flat-button
                type="button"
                (click)="join(c)"
                [disabled]="busy() === c.id || c.archived"
                data-testid="browse-join"
                [attr.aria-label]="'chat.browse.joinNamed' | transloco: { name: c.name }"
              >
                {{ 'chat.browse.join' | transloco }}
              </button>
            }
          </li>
        } @empty {
          @if (loaded()) {
            <li class="muted empty">{{ 'chat.browse.empty' | transloco }}</li>
          }
        }
      </ul>
      @if (nextCursor()) {
        <button mat-button type="button" (click)="more()">{{ 'common.loadMore' | transloco }}</button>
      }
      @if (error()) {
        <p class="form-error" role="alert">{{ error() }}</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>{{ 'common.close' | transloco }}</button>
    </mat-dialog-actions>
  `,
  styles: `
    .full-width {
      width: 100%;
    }
    .list {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .entry {
      display: flex;
      align-items: center;
      gap: 12px;
      padding: 10px 4px;
      border-bottom: 1px solid var(--k-border);
    }
    .entry mat-icon {
      color: var(--k-teal);
    }
    .info {
      flex: 1 1 auto;
      min-width: 0;
    }
    .name {
      font-weight: 500;
    }
    .topic {
      font-size: 14px;
    }
    .muted {
      color: var(--k-text-muted);
      font-size: 13px;
    }
    .empty {
      padding: 16px 4px;
    }
    .form-error {
      color: #b3261e;
    }
  `,
})
export class BrowseChannelsDialogComponent {
  private readonly api = inject(ChatApi);
  private readonly errors = inject(ErrorMessageService);
  private readonly ref = inject<MatDialogRef<BrowseChannelsDialogComponent, MyChannel>>(MatDialogRef);
  protected readonly items = signal<BrowseChannel[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loaded = signal(false);
  protected readonly busy = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly query$ = new Subject<string>();
  private q = '';

  constructor() {
    this.query$
      .pipe(
        debounceTime(250),
        switchMap((q) => {
          this.q = q.trim();
          return this.api.browse({ q: this.q || undefined, limit: 25 });
        }),
        takeUntilDestroyed(),
      )
      .subscribe({
        next: (page) => this.show(page.items, page.nextCursor, false),
        error: (err: unknown) => this.error.set(this.errors.message(err)),
      });
    this.api.browse({ limit: 25 }).subscribe({
      next: (page) => this.show(page.items, page.nextCursor, false),
      error: (err: unknown) => this.error.set(this.errors.message(err)),
    });
  }

  private show(items: BrowseChannel[], next: string | null, append: boolean): void {
    this.items.update((list) => (append ? [...list, ...items] : items));
    this.nextCursor.set(next);
    this.loaded.set(true);
  }

  protected more(): void {
    const cursor = this.nextCursor();
    if (!cursor) return;
    this.api.browse({ q: this.q || undefined, cursor, limit: 25 }).subscribe((page) => this.show(page.items, page.nextCursor, true));
  }

  protected async join(c: BrowseChannel): Promise<void> {
    this.busy.set(c.id);
    try {
      const { channel } = await firstValueFrom(this.api.join(c.id));
      this.ref.close(channel);
    } catch (err) {
      this.error.set(this.errors.message(err));
    } finally {
      this.busy.set(null);
    }
  }

  protected open(c: BrowseChannel): void {
    this.ref.close(c as unknown as MyChannel);
  }
}
