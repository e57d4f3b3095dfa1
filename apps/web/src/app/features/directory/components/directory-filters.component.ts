import { ChangeDetectionStrategy, Component, DestroyRef, OnInit, inject, input, output } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { OrganisationTypes, type OrganisationType } from '@klasteris/contracts';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';
import { COUNTRY_CODES } from '../../../shared/countries';
import { CountryPipe } from '../../../shared/ui/country.pipe';
import { EMPTY_FILTERS, type DirectoryFilters, type DirectoryTab } from '../directory.store';

/** Search box (debounced) and filters of the directory. */
@Component({
  selector: 'app-directory-filters',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    TranslocoPipe,
    CountryPipe,
  ],
  template: `
    <form class="filters" [formGroup]="form" (ngSubmit)="$event.preventDefault()" role="search">
      <mat-form-field class="grow">
        <mat-label>{{ (tab() === 'people' ? 'directory.searchPeople' : 'directory.searchOrganisations') | transloco }}</mat-label>
        <mat-icon matPrefix aria-hidden="true" fontIcon="search" />
        <input matInput type="search" formControlName="q" data-testid="directory-search" autocomplete="off" />
        @if (form.controls.q.value) {
          <button
            mat-icon-button
            matSuffix
            type="button"
            (click)="form.controls.q.setValue('')"
            [attr.aria-label]="'common.clear' | transloco"
          >
            <mat-icon aria-hidden="true" fontIcon="close" />
          </button>
        }
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'org.country' | transloco }}</mat-label>
        <mat-select formControlName="country" data-testid="directory-country">
          <mat-option value="">{{ 'directory.anyCountry' | transloco }}</mat-option>
          @for (c of countries; track c) {
            <mat-option [value]="c">{{ c | country }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      @if (tab() === 'organisations') {
        <mat-form-field>
          <mat-label>{{ 'org.type' | transloco }}</mat-label>
          <mat-select formControlName="type" data-testid="directory-type">
            <mat-option value="">{{ 'directory.anyType' | transloco }}</mat-option>
            @for (t of types; track t) {
              <mat-option [value]="t">{{ 'orgTypes.' + t | transloco }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'org.sector' | transloco }}</mat-label>
          <input matInput formControlName="sector" data-testid="directory-sector" autocomplete="off" />
        </mat-form-field>
      } @else {
        <mat-form-field>
          <mat-label>{{ 'profile.expertise' | transloco }}</mat-label>
          <input matInput formControlName="expertise" data-testid="directory-expertise" autocomplete="off" />
        </mat-form-field>
      }
    </form>
  `,
})
export class DirectoryFiltersComponent implements OnInit {
  readonly tab = input<DirectoryTab>('organisations');
  readonly initial = input<DirectoryFilters>(EMPTY_FILTERS);
  readonly changed = output<Partial<DirectoryFilters>>();

  private readonly destroyRef = inject(DestroyRef);
  protected readonly countries = COUNTRY_CODES;
  protected readonly types = OrganisationTypes;
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    q: [''],
    country: [''],
    type: this.fb.control<OrganisationType | ''>(''),
    sector: [''],
    expertise: [''],
  });

  ngOnInit(): void {
    this.form.setValue({ ...this.initial() }, { emitEvent: false });
    const text = (name: 'q' | 'sector' | 'expertise') =>
      this.form.controls[name].valueChanges.pipe(
        map((v) => v.trim()),
        debounceTime(300),
        distinctUntilChanged(),
        takeUntilDestroyed(this.destroyRef),
      );
    text('q').subscribe((q) => this.changed.emit({ q }));
    text('sector').subscribe((sector) => this.changed.emit({ sector }));
    text('expertise').subscribe((expertise) => this.changed.emit({ expertise }));
    this.form.controls.country.valueChanges
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((country) => this.changed.emit({ country }));
    this.form.controls.type.valueChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((type) => this.changed.emit({ type }));
  }
}
