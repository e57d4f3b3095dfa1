import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { OrganisationTypes, type Organisation, type OrganisationType, type UpdateOrganisationRequest } from '@klasteris/contracts';
import type { Observable } from 'rxjs';
import { ErrorMessageService } from '../../../core/http/error-message.service';
import { COUNTRY_CODES } from '../../../shared/countries';
import { ChipsFieldComponent } from '../../../shared/ui/chips-field.component';
import { CountryPipe } from '../../../shared/ui/country.pipe';

export interface OrgEditDialogData {
  organisation: Organisation;
  save: (body: UpdateOrganisationRequest) => Observable<{ organisation: Organisation }>;
}

@Component({
  selector: 'app-org-edit-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslocoPipe,
    ChipsFieldComponent,
    CountryPipe,
  ],
  template: `
    <h2 mat-dialog-title>{{ 'org.editTitle' | transloco }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <div class="form-grid">
          <mat-form-field class="span-2">
            <mat-label>{{ 'org.name' | transloco }}</mat-label>
            <input matInput formControlName="name" required data-testid="org-edit-name" />
            @if (form.controls.name.invalid) {
              <mat-error>{{ 'validation.required' | transloco }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'org.type' | transloco }}</mat-label>
            <mat-select formControlName="type">
              @for (t of types; track t) {
                <mat-option [value]="t">{{ 'orgTypes.' + t | transloco }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'org.country' | transloco }}</mat-label>
            <mat-select formControlName="country">
              @for (c of countries; track c) {
                <mat-option [value]="c">{{ c | country }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'org.city' | transloco }}</mat-label>
            <input matInput formControlName="city" />
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'org.website' | transloco }}</mat-label>
            <input matInput formControlName="website" type="url" />
          </mat-form-field>
          <div class="span-2">
            <app-chips-field formControlName="sectors" [label]="'org.sectors' | transloco" [hint]="'org.sectorsHint' | transloco" />
          </div>
          <mat-form-field class="span-2">
            <mat-label>{{ 'org.description' | transloco }}</mat-label>
            <textarea matInput formControlName="description" rows="4"></textarea>
          </mat-form-field>
        </div>
        @if (error()) {
          <p class="form-error" role="alert">{{ error() }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="org-edit-save">{{ 'common.save' | transloco }}</button>
      </mat-dialog-actions>
    </form>
  `,
})
export class OrgEditDialogComponent {
  private readonly data = inject<OrgEditDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<OrgEditDialogComponent, Organisation>>(MatDialogRef);
  private readonly errors = inject(ErrorMessageService);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly types = OrganisationTypes;
  protected readonly countries = COUNTRY_CODES;
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly form = this.fb.group({
    name: [this.data.organisation.name, [Validators.required, Validators.minLength(2), Validators.maxLength(120)]],
    type: this.fb.control<OrganisationType>(this.data.organisation.type),
    country: [this.data.organisation.country],
    city: [this.data.organisation.city ?? '', Validators.maxLength(80)],
    website: [this.data.organisation.website ?? ''],
    sectors: this.fb.control<string[]>(this.data.organisation.sectors),
    description: [this.data.organisation.description ?? '', Validators.maxLength(2000)],
  });

  submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    const website = v.website.trim();
    this.busy.set(true);
    this.error.set(null);
    this.data
      .save({
        name: v.name.trim(),
        type: v.type,
        country: v.country,
        city: v.city.trim(),
        // the API wants a full http(s) URL; an empty field leaves the website as it is
        ...(website ? { website: /^https?:\/\//i.test(website) ? website : `https://${website}` } : {}),
        sectors: v.sectors,
        description: v.description.trim(),
      })
      .subscribe({
        next: ({ organisation }) => this.ref.close(organisation),
        error: (err: unknown) => {
          this.busy.set(false);
          this.error.set(this.errors.message(err));
        },
      });
  }
}
