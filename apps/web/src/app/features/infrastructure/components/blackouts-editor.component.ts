import { ChangeDetectionStrategy, Component, inject, input, model, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { Blackout, BlackoutKind } from '@klasteris/contracts';
import { onceBlackout, weeklyBlackout } from '../blackouts';
import { rangeLabel } from '../time';

/**
 * Maintenance windows of a resource: the list with remove buttons, and a small form that adds a
 * one-off window (local date-times in the resource's zone) or a weekly one (weekday, from, to).
 * Changes go to the bound list; the resource form saves them with the policy.
 */
@Component({
  selector: 'app-blackouts-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    TranslocoPipe,
  ],
  template: `
    <fieldset class="blackouts" data-testid="blackouts-editor">
      <legend>{{ 'infrastructure.policy.blackouts' | transloco }}</legend>
      <p class="hint">{{ 'infrastructure.blackouts.zoneHint' | transloco: { zone: zone() } }}</p>
      <ul class="list" data-testid="blackouts-list">
        @for (b of blackouts(); track $index) {
          <li data-testid="blackout-item">
            <mat-icon aria-hidden="true" [fontIcon]="b.kind === 'weekly' ? 'event_repeat' : 'build'" />
            <span class="what"
              >{{ describe(b) }}
              @if (b.reason) {
                <span class="reason"> — {{ b.reason }}</span>
              }
            </span>
            <button
              mat-icon-button
              type="button"
              (click)="remove($index)"
              [attr.aria-label]="'infrastructure.blackouts.remove' | transloco: { what: describe(b) }"
              data-testid="blackout-remove"
            >
              <mat-icon aria-hidden="true" fontIcon="delete" />
            </button>
          </li>
        } @empty {
          <li class="muted">{{ 'infrastructure.blackouts.none' | transloco }}</li>
        }
      </ul>
      <div class="add" [formGroup]="form">
        <mat-button-toggle-group formControlName="kind" [attr.aria-label]="'infrastructure.blackouts.kind' | transloco" class="kind">
          <mat-button-toggle value="once" data-testid="blackout-kind-once">{{
            'infrastructure.blackouts.once' | transloco
          }}</mat-button-toggle>
          <mat-button-toggle value="weekly" data-testid="blackout-kind-weekly">{{
            'infrastructure.blackouts.weekly' | transloco
          }}</mat-button-toggle>
        </mat-button-toggle-group>
        @if (form.controls.kind.value === 'once') {
          <mat-form-field>
            <mat-label>{{ 'infrastructure.blackouts.start' | transloco }}</mat-label>
            <input matInput type="datetime-local" formControlName="start" data-testid="blackout-start" />
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'infrastructure.blackouts.end' | transloco }}</mat-label>
            <input matInput type="datetime-local" formControlName="end" data-testid="blackout-end" />
          </mat-form-field>
        } @else {
          <mat-form-field>
            <mat-label>{{ 'infrastructure.blackouts.weekday' | transloco }}</mat-label>
            <mat-select formControlName="weekday" data-testid="blackout-weekday">
              @for (d of weekdays; track d) {
                <mat-option [value]="d">{{ 'infrastructure.weekdays.' + d | transloco }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'infrastructure.blackouts.from' | transloco }}</mat-label>
            <input matInput type="time" formControlName="from" data-testid="blackout-from" />
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'infrastructure.blackouts.to' | transloco }}</mat-label>
            <input matInput type="time" formControlName="to" data-testid="blackout-to" />
          </mat-form-field>
        }
        <mat-form-field class="reason-field">
          <mat-label>{{ 'infrastructure.blackouts.reason' | transloco }}</mat-label>
          <input matInput formControlName="reason" maxlength="200" data-testid="blackout-reason" />
        </mat-form-field>
        <button mat-stroked-button type="button" (click)="add()" data-testid="blackout-add">
          <mat-icon aria-hidden="true" fontIcon="add" />{{ 'infrastructure.blackouts.add' | transloco }}
        </button>
      </div>
      @if (invalid()) {
        <p class="form-error" role="alert">{{ 'infrastructure.blackouts.invalid' | transloco }}</p>
      }
    </fieldset>
  `,
  styles: `
    .blackouts {
      border: 1px solid var(--mat-sys-outline-variant, #d0d7de);
      border-radius: 8px;
      padding: 8px 12px 4px;
      margin: 8px 0 0;
    }
    legend {
      font: var(--mat-sys-title-small);
      padding: 0 4px;
    }
    .hint,
    .muted {
      color: var(--k-text-muted);
      font: var(--mat-sys-body-small);
      margin: 0 0 4px;
    }
    .list {
      list-style: none;
      margin: 0 0 8px;
      padding: 0;
    }
    .list li {
      display: flex;
      align-items: center;
      gap: 8px;
    }
    .what {
      flex: 1;
    }
    .reason {
      color: var(--k-text-muted);
    }
    .add {
      display: flex;
      flex-wrap: wrap;
      gap: 0 12px;
      align-items: center;
    }
    .kind {
      margin-bottom: 20px;
    }
    .add mat-form-field {
      width: 11rem;
    }
    .add .reason-field {
      flex: 1;
      min-width: 12rem;
    }
    .add > button {
      margin-bottom: 20px;
    }
  `,
})
export class BlackoutsEditorComponent {
  /** The resource's IANA zone: local times are entered and shown in it. */
  readonly zone = input.required<string>();
  readonly blackouts = model<Blackout[]>([]);
  private readonly i18n = inject(TranslocoService);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly weekdays = [1, 2, 3, 4, 5, 6, 7];
  protected readonly invalid = signal(false);
  protected readonly form = this.fb.group({
    kind: this.fb.control<BlackoutKind>('once'),
    start: [''],
    end: [''],
    weekday: [6],
    from: ['06:00'],
    to: ['08:00'],
    reason: [''],
  });

  protected describe(b: Blackout): string {
    if (b.kind === 'weekly') return `${this.i18n.translate(`infrastructure.weekdays.${b.weekday}`)} ${b.from}–${b.to}`;
    return b.start && b.end ? rangeLabel(b.start, b.end, this.zone(), this.i18n.getActiveLang()) : '';
  }

  protected add(): void {
    const v = this.form.getRawValue();
    const b = v.kind === 'once' ? onceBlackout(v.start, v.end, this.zone(), v.reason) : weeklyBlackout(v.weekday, v.from, v.to, v.reason);
    this.invalid.set(!b);
    if (!b) return;
    this.blackouts.update((list) => [...list, b]);
    this.form.patchValue({ start: '', end: '', reason: '' });
  }

  protected remove(index: number): void {
    this.blackouts.update((list) => list.filter((_, i) => i !== index));
  }
}
