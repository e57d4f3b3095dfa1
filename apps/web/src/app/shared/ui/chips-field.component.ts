import { COMMA, ENTER, SEMICOLON } from '@angular/cdk/keycodes';
import { ChangeDetectionStrategy, Component, forwardRef, input, signal } from '@angular/core';
import { type ControlValueAccessor, NG_VALUE_ACCESSOR } from '@angular/forms';
import { type MatChipInputEvent, MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { TranslocoPipe } from '@jsverse/transloco';

/** A list of short free-text tags (sectors, expertise) as Material chips; value is string[]. */
@Component({
  selector: 'app-chips-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatChipsModule, MatFormFieldModule, MatIconModule, TranslocoPipe],
  providers: [{ provide: NG_VALUE_ACCESSOR, useExisting: forwardRef(() => ChipsFieldComponent), multi: true }],
  // the text input sits outside the grid: an input inside role=grid breaks ARIA ownership rules
  template: `
    <mat-form-field class="full-width">
      <mat-label>{{ label() }}</mat-label>
      <mat-chip-grid #grid [attr.aria-label]="label()" [disabled]="disabled()">
        @for (v of values(); track v) {
          <mat-chip-row (removed)="remove(v)">
            {{ v }}
            <button matChipRemove type="button" [attr.aria-label]="'common.removeItem' | transloco: { item: v }">
              <mat-icon aria-hidden="true" fontIcon="cancel" />
            </button>
          </mat-chip-row>
        }
      </mat-chip-grid>
      <input
        [matChipInputFor]="grid"
        [matChipInputSeparatorKeyCodes]="separators"
        [matChipInputAddOnBlur]="true"
        (matChipInputTokenEnd)="add($event)"
        (blur)="touched()"
        [attr.data-testid]="testId()"
        [attr.aria-label]="label()"
        maxlength="60"
        class="chip-input"
      />
      @if (hint()) {
        <mat-hint>{{ hint() }}</mat-hint>
      }
    </mat-form-field>
  `,
  styles: `
    .chip-input {
      width: 100%;
      border: 0;
      outline: none;
      background: transparent;
      font: inherit;
      color: inherit;
      padding: 4px 0;
    }
  `,
})
export class ChipsFieldComponent implements ControlValueAccessor {
  readonly label = input.required<string>();
  readonly hint = input<string | null>(null);
  readonly testId = input<string | null>(null);
  readonly max = input(20);

  protected readonly separators = [ENTER, COMMA, SEMICOLON] as const;
  protected readonly values = signal<string[]>([]);
  protected readonly disabled = signal(false);
  private onChange: (value: string[]) => void = () => undefined;
  private onTouched: () => void = () => undefined;

  add(event: MatChipInputEvent): void {
    const value = event.value.trim();
    const exists = this.values().some((v) => v.toLocaleLowerCase() === value.toLocaleLowerCase());
    if (value && !exists && this.values().length < this.max()) {
      this.values.update((vs) => [...vs, value]);
      this.onChange(this.values());
    }
    event.chipInput.clear();
  }

  remove(value: string): void {
    this.values.update((vs) => vs.filter((v) => v !== value));
    this.onChange(this.values());
  }

  touched(): void {
    this.onTouched();
  }

  writeValue(value: string[] | null): void {
    this.values.set(Array.isArray(value) ? [...value] : []);
  }

  registerOnChange(fn: (value: string[]) => void): void {
    this.onChange = fn;
  }

  registerOnTouched(fn: () => void): void {
    this.onTouched = fn;
  }

  setDisabledState(isDisabled: boolean): void {
    this.disabled.set(isDisabled);
  }
}
