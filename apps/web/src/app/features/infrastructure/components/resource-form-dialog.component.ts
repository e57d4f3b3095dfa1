import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  ApproverModes,
  ResourceStatuses,
  ResourceTypes,
  SlotGranularities,
  type ApproverMode,
  type Blackout,
  type BookingPolicyInput,
  type Organisation,
  type Resource,
  type ResourceStatus,
  type ResourceType,
  type SlotGranularity,
} from '@klasteris/contracts';
import { ErrorMessageService } from '../../../core/http/error-message.service';
import { InfrastructureApi } from '../infrastructure.api';
import { AccessEditorComponent, accessComplete, accessInput, type AccessValue } from './access-editor.component';
import { BlackoutsEditorComponent } from './blackouts-editor.component';

export interface ResourceFormData {
  resource: Resource | null;
  /** Organisations the caller may create resources for (staff: all; org admins: their own). */
  organisations: Pick<Organisation, 'id' | 'name'>[];
}

export const TIME_ZONES = [
  'Europe/Vilnius',
  'Europe/Riga',
  'Europe/Tallinn',
  'Europe/Warsaw',
  'Europe/Berlin',
  'Asia/Muscat',
  'Asia/Almaty',
  'Asia/Baku',
  'UTC',
];

/** Creates or edits a resource and the common parts of its booking policy. */
@Component({
  selector: 'app-resource-form-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslocoPipe,
    AccessEditorComponent,
    BlackoutsEditorComponent,
  ],
  template: `
    <h2 mat-dialog-title>{{ (data.resource ? 'infrastructure.manage.editTitle' : 'infrastructure.manage.newTitle') | transloco }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <div class="form-grid">
          <mat-form-field class="span-2">
            <mat-label>{{ 'infrastructure.manage.name' | transloco }}</mat-label>
            <input matInput formControlName="name" required data-testid="resource-name" />
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'infrastructure.filters.type' | transloco }}</mat-label>
            <mat-select formControlName="type">
              @for (t of types; track t) {
                <mat-option [value]="t">{{ 'infrastructure.types.' + t | transloco }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          @if (!data.resource) {
            <mat-form-field>
              <mat-label>{{ 'infrastructure.manage.owner' | transloco }}</mat-label>
              <mat-select formControlName="organisationId">
                @for (o of data.organisations; track o.id) {
                  <mat-option [value]="o.id">{{ o.name }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'infrastructure.manage.timeZone' | transloco }}</mat-label>
              <mat-select formControlName="timeZone">
                @for (z of zones; track z) {
                  <mat-option [value]="z">{{ z }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
          }
          <mat-form-field>
            <mat-label>{{ 'infrastructure.manage.capacity' | transloco }}</mat-label>
            <input matInput type="number" min="1" formControlName="capacity" />
            @if (data.resource) {
              <mat-hint>{{ 'infrastructure.manage.capacityHint' | transloco }}</mat-hint>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'infrastructure.manage.status' | transloco }}</mat-label>
            <mat-select formControlName="status">
              @for (s of statuses; track s) {
                <mat-option [value]="s">{{ 'infrastructure.manage.statuses.' + s | transloco }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field class="span-2">
            <mat-label>{{ 'infrastructure.manage.location' | transloco }}</mat-label>
            <input matInput formControlName="location" />
          </mat-form-field>
          <mat-form-field class="span-2">
            <mat-label>{{ 'infrastructure.manage.description' | transloco }}</mat-label>
            <textarea matInput rows="3" formControlName="description"></textarea>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'infrastructure.policy.slots' | transloco }}</mat-label>
            <mat-select formControlName="slotMinutes">
              @for (g of slots; track g) {
                <mat-option [value]="g">{{ g >= 1440 ? ('infrastructure.policy.wholeDays' | transloco) : g + ' min' }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'infrastructure.manage.maxHours' | transloco }}</mat-label>
            <input matInput type="number" min="1" formControlName="maxHours" />
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'infrastructure.manage.noticeHours' | transloco }}</mat-label>
            <input matInput type="number" min="0" formControlName="noticeHours" />
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'infrastructure.manage.advanceDays' | transloco }}</mat-label>
            <input matInput type="number" min="1" formControlName="advanceDays" />
          </mat-form-field>
          <mat-checkbox formControlName="weekdaysOnly" class="span-2">{{ 'infrastructure.manage.weekdaysOnly' | transloco }}</mat-checkbox>
          @if (form.controls.weekdaysOnly.value) {
            <mat-form-field>
              <mat-label>{{ 'infrastructure.manage.opens' | transloco }}</mat-label>
              <input matInput type="time" formControlName="opens" />
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'infrastructure.manage.closes' | transloco }}</mat-label>
              <input matInput type="time" formControlName="closes" />
            </mat-form-field>
          }
          <app-access-editor class="span-2" [(access)]="access" />
          <mat-checkbox formControlName="approval" class="span-2" data-testid="resource-approval">{{
            'infrastructure.manage.approval' | transloco
          }}</mat-checkbox>
          @if (form.controls.approval.value) {
            <mat-form-field class="span-2">
              <mat-label>{{ 'infrastructure.policy.approval' | transloco }}</mat-label>
              <mat-select formControlName="approvers">
                @for (a of approvers; track a) {
                  <mat-option [value]="a">{{ 'infrastructure.approvers.' + a | transloco }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
          }
          <mat-checkbox formControlName="checkIn" class="span-2">{{ 'infrastructure.manage.checkIn' | transloco }}</mat-checkbox>
          <mat-form-field>
            <mat-label>{{ 'infrastructure.manage.quota' | transloco }}</mat-label>
            <input matInput type="number" min="1" formControlName="quota" />
            <mat-hint>{{ 'infrastructure.manage.quotaHint' | transloco }}</mat-hint>
          </mat-form-field>
        </div>
        <app-blackouts-editor [zone]="zone()" [(blackouts)]="blackouts" />
        @if (error()) {
          <p class="form-error" role="alert">{{ error() }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="resource-save">{{ 'common.save' | transloco }}</button>
      </mat-dialog-actions>
    </form>
  `,
})
export class ResourceFormDialogComponent {
  protected readonly data = inject<ResourceFormData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<ResourceFormDialogComponent, Resource>>(MatDialogRef);
  private readonly api = inject(InfrastructureApi);
  private readonly errors = inject(ErrorMessageService);
  private readonly i18n = inject(TranslocoService);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly types = ResourceTypes;
  protected readonly statuses = ResourceStatuses;
  protected readonly slots = SlotGranularities;
  protected readonly approvers = ApproverModes;
  protected readonly zones = TIME_ZONES;
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  private readonly r = this.data.resource;
  private readonly weekday = this.r?.policy.openingHours.find((o) => o.weekday === 1);
  protected readonly form = this.fb.group({
    name: [this.r?.name ?? '', [Validators.required, Validators.minLength(2), Validators.maxLength(120)]],
    type: this.fb.control<ResourceType>(this.r?.type ?? 'meeting_room'),
    organisationId: [this.data.organisations[0]?.id ?? ''],
    timeZone: [this.r?.timeZone ?? 'Europe/Vilnius'],
    capacity: [this.r?.capacity ?? 1, [Validators.required, Validators.min(this.r?.capacity ?? 1)]],
    status: this.fb.control<ResourceStatus>(this.r?.status ?? 'available'),
    location: [this.r?.location ?? ''],
    description: [this.r?.description ?? ''],
    slotMinutes: this.fb.control<SlotGranularity>(this.r?.policy.slotMinutes ?? 60),
    maxHours: [(this.r?.policy.maxDurationMinutes ?? 480) / 60, [Validators.min(0.25)]],
    noticeHours: [(this.r?.policy.minNoticeMinutes ?? 0) / 60, [Validators.min(0)]],
    advanceDays: [this.r?.policy.maxAdvanceDays ?? 90, [Validators.min(1)]],
    weekdaysOnly: [!!this.weekday],
    opens: [this.weekday?.open ?? '08:00'],
    closes: [this.weekday?.close ?? '18:00'],
    approval: [this.r?.policy.approval.required ?? false],
    approvers: this.fb.control<ApproverMode>(this.r?.policy.approval.approvers ?? 'owner_or_coordinator'),
    quota: this.fb.control<number | null>(this.r?.policy.quotaHoursPerMonth ?? null),
    checkIn: [this.r?.policy.checkIn ?? false],
  });
  protected readonly access = signal<AccessValue>(
    this.r?.policy.access ?? { mode: 'all', organisationIds: [], projectId: null, groupId: null },
  );
  protected readonly blackouts = signal<Blackout[]>(this.r?.policy.blackouts ?? []);
  /** Blackout times are entered in the resource's zone (a new resource: the zone chosen above). */
  protected readonly zone = toSignal(this.form.controls.timeZone.valueChanges, { initialValue: this.form.controls.timeZone.value });

  submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    if (!accessComplete(this.access())) {
      this.error.set(this.i18n.translate('infrastructure.access.incomplete'));
      return;
    }
    const v = this.form.getRawValue();
    const slot = v.slotMinutes;
    const policy: BookingPolicyInput = {
      slotMinutes: slot,
      minDurationMinutes: Math.min(slot, 1440),
      maxDurationMinutes: Math.max(Math.round(v.maxHours * 60), Math.min(slot, 1440)),
      minNoticeMinutes: Math.round(v.noticeHours * 60),
      maxAdvanceDays: v.advanceDays,
      openingHours: v.weekdaysOnly ? [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: v.opens, close: v.closes })) : [],
      approval: { required: v.approval, approvers: v.approvers },
      quotaHoursPerMonth: v.quota ? Number(v.quota) : null,
      checkIn: v.checkIn,
      access: accessInput(this.access()),
      blackouts: this.blackouts().map((b) =>
        b.kind === 'weekly'
          ? { kind: b.kind, weekday: b.weekday, from: b.from, to: b.to, reason: b.reason ?? null }
          : { kind: b.kind, start: b.start, end: b.end, reason: b.reason ?? null },
      ),
    };
    const common = {
      name: v.name.trim(),
      type: v.type,
      capacity: Number(v.capacity),
      status: v.status,
      location: v.location.trim(),
      description: v.description.trim(),
      policy,
    };
    this.busy.set(true);
    this.error.set(null);
    const call = this.r
      ? this.api.updateResource(this.r.id, common)
      : this.api.createResource({ ...common, organisationId: v.organisationId, timeZone: v.timeZone });
    call.subscribe({
      next: ({ resource }) => this.ref.close(resource),
      error: (e: unknown) => {
        this.busy.set(false);
        this.error.set(this.errors.message(e));
      },
    });
  }
}
