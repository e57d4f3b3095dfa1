import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ChatCardsStore } from '../chat-cards.store';

/**
 * The project card made from a message: a link to the card open on its board, or (a card of a
 * project I am not in, or one deleted since) a plain note that the message became a card.
 */
@Component({
  selector: 'app-message-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatIconModule, TranslocoPipe],
  template: `
    @if (ref(); as r) {
      @if (r.state === 'shown') {
        <a
          class="card-link"
          [routerLink]="['/projects', r.projectId, 'board']"
          [queryParams]="{ card: r.id }"
          data-testid="message-card-link"
        >
          <mat-icon aria-hidden="true" fontIcon="view_kanban" />
          <span class="label">{{ 'chat.card.chip' | transloco }}</span>
          <span class="name">{{ r.title }}</span>
        </a>
      } @else if (r.state === 'hidden') {
        <span class="card-note" data-testid="message-card-note">
          <mat-icon aria-hidden="true" fontIcon="view_kanban" />{{ 'chat.card.hidden' | transloco }}
        </span>
      }
    }
  `,
  styles: `
    :host {
      display: block;
      margin-top: 4px;
    }
    .card-link,
    .card-note {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      max-width: 100%;
      padding: 2px 10px 2px 6px;
      min-height: 26px;
      box-sizing: border-box;
      border-radius: 13px;
      border: 1px solid var(--k-border);
      background: #fff;
      font-size: 13px;
    }
    .card-link {
      color: #0b57d0;
      text-decoration: none;
    }
    .card-link:hover .name,
    .card-link:focus-visible .name {
      text-decoration: underline;
    }
    .card-note {
      color: var(--k-text-muted);
    }
    mat-icon {
      font-size: 16px;
      width: 16px;
      height: 16px;
      flex: none;
    }
    .label {
      font-weight: 500;
      color: var(--k-text);
      flex: none;
    }
    .name {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
  `,
})
export class MessageCardComponent {
  private readonly store = inject(ChatCardsStore);
  readonly cardId = input.required<string>();
  protected readonly ref = computed(() => this.store.cards()[this.cardId()] ?? null);

  constructor() {
    effect(() => {
      const id = this.cardId();
      untracked(() => this.store.want(id));
    });
  }
}
