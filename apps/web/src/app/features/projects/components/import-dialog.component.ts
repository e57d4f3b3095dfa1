import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { IMPORT_MAX_BYTES, type ImportBoardResult, type ImportFormat } from '@klasteris/contracts';
import { firstValueFrom } from 'rxjs';
import { ErrorMessageService } from '../../../core/http/error-message.service';
import { ProjectsApi } from '../projects.api';

/** Imports a board file (our JSON export or a Trello JSON export) as a new project. */
@Component({
  selector: 'app-import-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatRadioModule,
    TranslocoPipe,
  ],
  template: `
    <h2 mat-dialog-title>{{ 'projects.import.title' | transloco }}</h2>
    <form (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <p class="muted">{{ 'projects.import.lead' | transloco }}</p>
        <mat-radio-group [formControl]="format" class="formats" [attr.aria-label]="'projects.import.format' | transloco">
          <mat-radio-button value="klasteris" data-testid="import-klasteris">{{
            'projects.import.klasteris' | transloco
          }}</mat-radio-button>
          <mat-radio-button value="trello" data-testid="import-trello">{{ 'projects.import.trello' | transloco }}</mat-radio-button>
        </mat-radio-group>
        <div class="file">
          <input
            #fileInput
            id="import-file"
            type="file"
            accept="application/json,.json"
            (change)="pick(fileInput.files)"
            data-testid="import-file"
            class="visually-hidden"
          />
          <label for="import-file" class="mdc-button mat-mdc-button-base pick">
            <mat-icon aria-hidden="true" fontIcon="upload_file" />{{ 'projects.import.choose' | transloco }}
          </label>
          <span class="name">{{ file()?.name ?? ('projects.import.noFile' | transloco) }}</span>
        </div>
        <mat-form-field class="full-width">
          <mat-label>{{ 'projects.import.name' | transloco }}</mat-label>
          <input matInput [formControl]="name" maxlength="120" data-testid="import-name" />
          <mat-hint>{{ 'projects.import.nameHint' | transloco }}</mat-hint>
        </mat-form-field>
        @if (error()) {
          <p class="form-error" role="alert" data-testid="import-error">{{ error() }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="!file() || busy()" data-testid="import-submit">
          {{ 'projects.import.submit' | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .formats {
      display: flex;
      gap: 16px;
      flex-wrap: wrap;
      margin-bottom: 12px;
    }
    .file {
      display: flex;
      align-items: center;
      gap: 12px;
      margin-bottom: 16px;
    }
    .pick {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      cursor: pointer;
      border: 1px solid var(--k-border);
      border-radius: 20px;
      padding: 6px 16px;
    }
    input[type='file']:focus-visible + .pick {
      outline: 3px solid var(--k-focus);
      outline-offset: 2px;
    }
    .name {
      color: var(--k-text-muted);
      overflow-wrap: anywhere;
    }
  `,
})
export class ImportDialogComponent {
  private readonly api = inject(ProjectsApi);
  private readonly errors = inject(ErrorMessageService);
  private readonly transloco = inject(TranslocoService);
  private readonly ref = inject(MatDialogRef<ImportDialogComponent, ImportBoardResult>);
  protected readonly format = new FormControl<ImportFormat>('klasteris', { nonNullable: true });
  protected readonly name = new FormControl('', { nonNullable: true });
  protected readonly file = signal<File | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  pick(files: FileList | null): void {
    const f = files?.item(0) ?? null;
    this.error.set(null);
    if (f && f.size > IMPORT_MAX_BYTES) {
      this.error.set(this.transloco.translate('errors.PAYLOAD_TOO_LARGE'));
      return;
    }
    this.file.set(f);
  }

  async submit(): Promise<void> {
    const f = this.file();
    if (!f || this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      this.ref.close(await firstValueFrom(this.api.importBoard(f, this.format.value, this.name.value.trim() || undefined)));
    } catch (err) {
      this.error.set(this.errors.message(err));
    } finally {
      this.busy.set(false);
    }
  }
}
