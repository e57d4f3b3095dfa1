import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Card, Label, ProjectMember } from '@klasteris/contracts';
import { AvatarComponent } from '../../../shared/ui/avatar.component';
import { dueState } from '../board-logic';
import type { EditingMark } from '../board.store';

/** A card tile on the board: title, labels, due date, checklist progress, comments, linked bookings, assignees, "X is editing". */
@Component({
  selector: 'app-board-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatIconModule, TranslocoPipe, AvatarComponent],
  template: `
    @if (labels().length) {
      <ul class="labels" [attr.aria-label]="'projects.card.labels' | transloco">
        @for (l of labels(); track l.id) {
          <li class="label" [style.background]="l.color">{{ l.name }}</li>
        }
      </ul>
    }
    <span class="title">{{ card().title }}</span>
    <div class="meta">
      @if (card().dueDate; as due) {
        <span class="due due-{{ due_() }}" [attr.data-testid]="'due-' + due_()">
          <mat-icon aria-hidden="true" fontIcon="event" />
          <span class="visually-hidden">{{ 'projects.card.due' | transloco }}</span>{{ due }}
          @if (due_() === 'overdue') {
            <span class="visually-hidden">({{ 'projects.card.overdue' | transloco }})</span>
          }
        </span>
      }
      @if (card().checklist.length) {
        <span class="chip" [class.complete]="checked() === card().checklist.length">
          <mat-icon aria-hidden="true" fontIcon="checklist" />
          <span class="visually-hidden">{{ 'projects.card.checklist' | transloco }}</span>{{ checked() }}/{{ card().checklist.length }}
        </span>
      }
      @if (card().commentCount) {
        <span class="chip">
          <mat-icon aria-hidden="true" fontIcon="chat_bubble" />
          <span class="visually-hidden">{{ 'projects.card.comments' | transloco }}</span>{{ card().commentCount }}
        </span>
      }
      @if (card().bookingIds.length) {
        <span class="chip" data-testid="card-bookings-chip">
          <mat-icon aria-hidden="true" fontIcon="event_available" />
          <span class="visually-hidden">{{ 'infrastructure.cardBookings.title' | transloco }}</span>{{ card().bookingIds.length }}
        </span>
      }
      @if (card().description) {
        <mat-icon class="has-desc" fontIcon="notes" [attr.aria-label]="'projects.card.hasDescription' | transloco" />
      }
      <span class="spacer"></span>
      @for (m of assignees(); track m.userId) {
        <app-avatar [initials]="m.initials" [color]="m.avatarColor" [size]="24" [attr.title]="m.displayName" />
      }
      @if (assignees().length) {
        <span class="visually-hidden">{{ 'projects.card.assignedTo' | transloco: { names: assigneeNames() } }}</span>
      }
    </div>
    @if (editing(); as e) {
      <p class="editing" data-testid="card-editing">
        <mat-icon aria-hidden="true" fontIcon="edit" />{{ 'projects.card.isEditing' | transloco: { name: e.displayName } }}
      </p>
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 6px;
    }
    .labels {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
    }
    .label {
      color: #fff;
      font-size: 11px;
      line-height: 18px;
      padding: 0 8px;
      border-radius: 9px;
      font-weight: 500;
    }
    .title {
      font-weight: 500;
      color: var(--k-text);
      overflow-wrap: anywhere;
      line-height: 1.35;
    }
    .meta {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 8px;
      font-size: 12px;
      color: var(--k-text-muted);
    }
    .meta mat-icon {
      font-size: 16px;
      width: 16px;
      height: 16px;
      vertical-align: -3px;
      margin-right: 2px;
    }
    .chip,
    .due {
      display: inline-flex;
      align-items: center;
      border-radius: 4px;
      padding: 0 4px;
    }
    .due-overdue {
      background: #fde2e1;
      color: #7f1d1d;
    }
    .due-soon {
      background: #fff1cf;
      color: #5c3d00;
    }
    .chip.complete {
      background: #d5f5ee;
      color: #064e45;
    }
    .spacer {
      flex: 1;
    }
    app-avatar + app-avatar {
      margin-left: -6px;
    }
    .editing {
      margin: 0;
      font-size: 12px;
      color: #6a1b9a;
      display: flex;
      align-items: center;
      gap: 4px;
    }
    .editing mat-icon {
      font-size: 14px;
      width: 14px;
      height: 14px;
    }
    .has-desc {
      color: var(--k-text-muted);
    }
  `,
})
export class BoardCardComponent {
  readonly card = input.required<Card>();
  readonly labelMap = input.required<Map<string, Label>>();
  readonly memberMap = input.required<Map<string, ProjectMember>>();
  readonly editing = input<EditingMark | undefined>(undefined);
  readonly open = output<void>();

  protected readonly labels = computed(() => this.card().labelIds.flatMap((id) => this.labelMap().get(id) ?? []));
  protected readonly assignees = computed(() => this.card().assigneeIds.flatMap((id) => this.memberMap().get(id) ?? []));
  protected readonly assigneeNames = computed(() =>
    this.assignees()
      .map((m) => m.displayName)
      .join(', '),
  );
  protected readonly checked = computed(() => this.card().checklist.filter((i) => i.done).length);
  protected readonly due_ = computed(() => dueState(this.card()));
}
