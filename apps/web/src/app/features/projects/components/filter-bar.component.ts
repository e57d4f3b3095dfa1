import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Label, ProjectMember } from '@klasteris/contracts';
import type { BoardFilters, DueFilter } from '../board-logic';

/** Text, assignee, label and due-date filters of a board. */
@Component({
  selector: 'app-filter-bar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, MatSelectModule, TranslocoPipe],
  template: `
    <div class="bar" role="search" [attr.aria-label]="'projects.filters.label' | transloco">
      <mat-form-field class="text">
        <mat-label>{{ 'projects.filters.text' | transloco }}</mat-label>
        <mat-icon matPrefix aria-hidden="true" fontIcon="search" />
        <input
          matInput
          type="search"
          [value]="filters().q"
          (input)="change.emit({ q: $any($event.target).value })"
          data-testid="filter-text"
        />
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'projects.filters.assignee' | transloco }}</mat-label>
        <mat-select [value]="filters().assignee" (valueChange)="change.emit({ assignee: $event })" data-testid="filter-assignee">
          <mat-option value="">{{ 'projects.filters.anyone' | transloco }}</mat-option>
          <mat-option value="me">{{ 'projects.filters.me' | transloco }}</mat-option>
          @for (m of members(); track m.userId) {
            <mat-option [value]="m.userId">{{ m.displayName }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'projects.filters.label_' | transloco }}</mat-label>
        <mat-select [value]="filters().labelId" (valueChange)="change.emit({ labelId: $event })" data-testid="filter-label">
          <mat-option value="">{{ 'projects.filters.anyLabel' | transloco }}</mat-option>
          @for (l of labels(); track l.id) {
            <mat-option [value]="l.id"><span class="dot" [style.background]="l.color" aria-hidden="true"></span>{{ l.name }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'projects.filters.due' | transloco }}</mat-label>
        <mat-select [value]="filters().due" (valueChange)="change.emit({ due: $event })" data-testid="filter-due">
          @for (d of dues; track d) {
            <mat-option [value]="d">{{ 'projects.filters.dues.' + (d || 'any') | transloco }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      @if (active()) {
        <button mat-button type="button" (click)="clear.emit()" data-testid="filter-clear">
          <mat-icon aria-hidden="true" fontIcon="filter_alt_off" />{{ 'common.clear' | transloco }}
        </button>
      }
    </div>
  `,
  styles: `
    .bar {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 12px;
      align-items: center;
    }
    .text {
      flex: 1 1 220px;
    }
    mat-form-field:not(.text) {
      width: 180px;
    }
    .dot {
      display: inline-block;
      width: 10px;
      height: 10px;
      border-radius: 50%;
      margin-right: 8px;
    }
  `,
})
export class FilterBarComponent {
  readonly filters = input.required<BoardFilters>();
  readonly members = input.required<ProjectMember[]>();
  readonly labels = input.required<Label[]>();
  readonly active = input(false);
  readonly change = output<Partial<BoardFilters>>();
  readonly clear = output<void>();
  protected readonly dues: DueFilter[] = ['', 'overdue', 'week', 'none'];
}
