import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatDialogRef } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { Router, type UrlTree } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Message } from '@klasteris/contracts';
import { markdownText } from '../../../shared/markdown';
import { ProjectsApi } from '../projects.api';

/**
 * Where a card came from: the chat message it was made from, quoted, with a link to it in its
 * channel (`?seq=` scrolls to and marks it; a thread reply opens its thread). A message I may not
 * read (or one deleted since) is only named.
 */
@Component({
  selector: 'app-card-source',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatIconModule, TranslocoPipe],
  template: `
    <div class="source" data-testid="card-source">
      <mat-icon aria-hidden="true" fontIcon="forum" />
      @if (message(); as m) {
        <div class="what">
          <a [href]="href()" (click)="follow($event)" data-testid="card-source-link">{{ 'projects.card.sourceOpen' | transloco }}</a>
          @if (excerpt()) {
            <q class="excerpt">{{ excerpt() }}</q>
          }
        </div>
      } @else if (failed()) {
        <span class="muted">{{ 'projects.card.sourceHidden' | transloco }}</span>
      } @else {
        <span class="muted">{{ 'projects.card.sourceLoading' | transloco }}</span>
      }
    </div>
  `,
  styles: `
    :host {
      display: block;
      flex: none;
    }
    .source {
      display: flex;
      align-items: flex-start;
      gap: 8px;
      margin: 4px 0 12px;
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--k-surface-alt, #f4f7f9);
    }
    mat-icon {
      flex: none;
      font-size: 20px;
      width: 20px;
      height: 20px;
      color: var(--k-text-muted);
    }
    .what {
      display: flex;
      flex-direction: column;
      gap: 2px;
      min-width: 0;
    }
    .excerpt {
      color: var(--k-text-muted);
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .muted {
      color: var(--k-text-muted);
    }
  `,
})
export class CardSourceComponent {
  readonly source = input.required<{ channelId: string; messageId: string }>();
  private readonly api = inject(ProjectsApi);
  private readonly router = inject(Router);
  /** the card dialog this sits in: it closes before the chat opens */
  private readonly dialogRef = inject(MatDialogRef, { optional: true });

  protected readonly message = signal<Message | null>(null);
  protected readonly failed = signal(false);
  protected readonly excerpt = computed(() => {
    const m = this.message();
    return m && !m.deletedAt ? markdownText(m.body).split('\n').join(' · ').slice(0, 200) : '';
  });
  /** the message in its channel, or its thread for a reply */
  private readonly target = computed<UrlTree | null>(() => {
    const m = this.message();
    if (!m) return null;
    return this.router.createUrlTree(['/chat', m.channelId], { queryParams: m.threadRootId ? { thread: m.threadRootId } : { seq: m.seq } });
  });
  protected readonly href = computed(() => {
    const t = this.target();
    return t ? this.router.serializeUrl(t) : null;
  });

  /** the card's own copy changes with every edit of the card; the message it names does not */
  private readonly messageId = computed(() => this.source().messageId);

  constructor() {
    effect(() => {
      const messageId = this.messageId();
      untracked(() => this.load(messageId));
    });
  }

  private load(messageId: string): void {
    this.failed.set(false);
    this.api.message(messageId).subscribe({
      next: ({ message }) => this.message.set(message),
      error: () => this.failed.set(true),
    });
  }

  /** A plain click closes the dialog first, then opens the chat (a new tab opens the link as it is). */
  protected follow(event: MouseEvent): void {
    const url = this.target();
    if (!url || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    if (!this.dialogRef) {
      void this.router.navigateByUrl(url);
      return;
    }
    this.dialogRef.afterClosed().subscribe(() => void this.router.navigateByUrl(url));
    this.dialogRef.close();
  }
}
