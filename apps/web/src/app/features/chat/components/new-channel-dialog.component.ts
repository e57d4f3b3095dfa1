import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { TranslocoPipe } from '@jsverse/transloco';
import { CHANNEL_NAME_PATTERN, type CreatableChannelType, type MyChannel } from '@klasteris/contracts';
import { firstValueFrom } from 'rxjs';
import { ErrorMessageService } from '../../../core/http/error-message.service';
import { AuthStore } from '../../../core/auth/auth.store';
import { ChatApi } from '../chat.api';

/** Lower-case slug for a channel name ("Data Centres LT" → "data-centres-lt"). */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/\s+/g, '-')
    .replace(/[^\p{Ll}\p{N}_-]/gu, '')
    .replace(/-{2,}/g, '-')
    .slice(0, 80);
}

@Component({
  selector: 'app-new-channel-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatRadioModule, TranslocoPipe],
  template: `
    <h2 mat-dialog-title>{{ 'chat.create.title' | transloco }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()">
      <mat-dialog-content>
        <mat-form-field class="full-width">
          <mat-label>{{ 'chat.create.name' | transloco }}</mat-label>
          <span matTextPrefix>#&nbsp;</span>
          <input matInput formControlName="name" (input)="normalise()" maxlength="80" data-testid="new-channel-name" />
          <mat-hint>{{ 'chat.create.nameHint' | transloco }}</mat-hint>
          @if (form.controls.name.hasError('pattern') || form.controls.name.hasError('required')) {
            <mat-error>{{ 'chat.create.nameInvalid' | transloco }}</mat-error>
          }
        </mat-form-field>
        <fieldset class="types">
          <legend>{{ 'chat.create.type' | transloco }}</legend>
          <mat-radio-group formControlName="type" class="radios">
            <mat-radio-button value="public" data-testid="new-channel-public">
              <strong>{{ 'chat.types.public' | transloco }}</strong> — {{ 'chat.create.publicHint' | transloco }}
            </mat-radio-button>
            <mat-radio-button value="private" data-testid="new-channel-private">
              <strong>{{ 'chat.types.private' | transloco }}</strong> — {{ 'chat.create.privateHint' | transloco }}
            </mat-radio-button>
            @if (auth.isStaff()) {
              <mat-radio-button value="announcement">
                <strong>{{ 'chat.types.announcement' | transloco }}</strong> — {{ 'chat.create.announcementHint' | transloco }}
              </mat-radio-button>
            }
          </mat-radio-group>
        </fieldset>
        <mat-form-field class="full-width">
          <mat-label>{{ 'chat.details.topic' | transloco }}</mat-label>
          <input matInput formControlName="topic" maxlength="250" />
        </mat-form-field>
        <mat-form-field class="full-width">
          <mat-label>{{ 'chat.details.description' | transloco }}</mat-label>
          <textarea matInput formControlName="description" rows="3" maxlength="2000"></textarea>
        </mat-form-field>
        @if (error()) {
          <p class="form-error" role="alert">{{ error() }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="new-channel-submit">
          {{ 'chat.create.submit' | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .full-width {
      width: 100%;
    }
    .types {
      border: 0;
      padding: 0;
      margin: 12px 0;
    }
    .types legend {
      font-weight: 500;
      margin-bottom: 4px;
    }
    .radios {
      display: flex;
      flex-direction: column;
      gap: 2px;
    }
    .form-error {
      color: #b3261e;
    }
  `,
})
export class NewChannelDialogComponent {
  private readonly api = inject(ChatApi);
  private readonly errors = inject(ErrorMessageService);
  private readonly ref = inject<MatDialogRef<NewChannelDialogComponent, MyChannel>>(MatDialogRef);
  protected readonly auth = inject(AuthStore);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected readonly form = new FormGroup({
    name: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.pattern(CHANNEL_NAME_PATTERN)] }),
    type: new FormControl<CreatableChannelType>('public', { nonNullable: true }),
    topic: new FormControl('', { nonNullable: true }),
    description: new FormControl('', { nonNullable: true }),
  });

  protected normalise(): void {
    const c = this.form.controls.name;
    const slug = slugify(c.value);
    if (slug !== c.value) c.setValue(slug);
  }

  protected async submit(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    this.busy.set(true);
    this.error.set(null);
    try {
      const { channel } = await firstValueFrom(
        this.api.create({
          name: v.name,
          type: v.type,
          ...(v.topic.trim() ? { topic: v.topic.trim() } : {}),
          ...(v.description.trim() ? { description: v.description.trim() } : {}),
        }),
      );
      this.ref.close(channel);
    } catch (err) {
      this.error.set(this.errors.message(err));
    } finally {
      this.busy.set(false);
    }
  }
}
