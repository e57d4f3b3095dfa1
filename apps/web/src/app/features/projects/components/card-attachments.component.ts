import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { CardAttachment } from '@klasteris/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthStore } from '../../../core/auth/auth.store';
import { ErrorMessageService } from '../../../core/http/error-message.service';
import { LanguageService } from '../../../core/i18n/language.service';
import { formatSize } from '../../../shared/format';
import { attachmentIcon, canRemoveAttachment, draggingFiles, uploadErrorKey } from '../attachments-logic';
import type { BoardStore } from '../board.store';
import { ProjectsApi } from '../projects.api';

interface Upload {
  key: number;
  name: string;
}

/**
 * The files of a card in the card dialog: list (image thumbnails, type icons, sizes), download,
 * upload (button or drop onto the section) and remove. Uploads and removals are applied to the
 * card as it is now on the server, so they never disturb the fields being edited in the dialog.
 */
@Component({
  selector: 'app-card-attachments',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, MatButtonModule, MatIconModule, MatProgressSpinnerModule, TranslocoPipe],
  template: `
    <section
      class="attachments"
      [class.dragging]="dragging()"
      aria-labelledby="card-attachments-h"
      data-testid="card-attachments"
      (dragover)="dragOver($event)"
      (dragleave)="dragging.set(false)"
      (drop)="drop($event)"
    >
      <div class="head">
        <h3 class="sub" id="card-attachments-h">{{ 'cardAttachments.title' | transloco }} ({{ attachments().length }})</h3>
        @if (store().canWrite()) {
          <input #picker type="file" multiple hidden (change)="picked(picker)" data-testid="attachment-input" />
          <button mat-stroked-button type="button" (click)="picker.click()" data-testid="attachment-upload">
            <mat-icon aria-hidden="true" fontIcon="attach_file" />{{ 'cardAttachments.upload' | transloco }}
          </button>
        }
      </div>
      @if (attachments().length || uploads().length) {
        <ul class="list">
          @for (a of attachments(); track a.id) {
            <li data-testid="attachment-item">
              @if (a.isImage && thumbs()[a.id]) {
                <img class="thumb" [src]="thumbs()[a.id]" alt="" data-testid="attachment-thumb" />
              } @else {
                <span class="type" aria-hidden="true"><mat-icon [fontIcon]="icon(a.contentType)" /></span>
              }
              <div class="meta">
                <button
                  type="button"
                  class="name"
                  (click)="download(a)"
                  [attr.aria-label]="'cardAttachments.download' | transloco: { name: a.name }"
                  data-testid="attachment-download"
                >
                  {{ a.name }}
                </button>
                <span class="muted"
                  >{{ size(a.size) }} · {{ a.uploadedByName }} · {{ a.uploadedAt | date: 'short' : undefined : language.lang() }}</span
                >
              </div>
              @if (canRemove(a)) {
                <button
                  mat-icon-button
                  type="button"
                  (click)="remove(a)"
                  [attr.aria-label]="'cardAttachments.remove' | transloco: { name: a.name }"
                  data-testid="attachment-remove"
                >
                  <mat-icon aria-hidden="true" fontIcon="delete" />
                </button>
              }
            </li>
          }
          @for (u of uploads(); track u.key) {
            <li class="pending" role="status">
              <mat-progress-spinner mode="indeterminate" diameter="20" aria-hidden="true" />
              <span>{{ 'cardAttachments.uploading' | transloco: { name: u.name } }}</span>
            </li>
          }
        </ul>
      } @else {
        <p class="muted empty">{{ 'cardAttachments.none' | transloco }}</p>
      }
      @if (store().canWrite()) {
        <p class="muted hint">{{ 'cardAttachments.dropHint' | transloco }}</p>
      }
    </section>
  `,
  styles: `
    .attachments {
      border: 1px dashed transparent;
      border-radius: 8px;
      padding: 4px 0;
    }
    .attachments.dragging {
      border-color: var(--k-teal);
      background: color-mix(in srgb, var(--k-teal) 6%, transparent);
    }
    .head {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
    }
    .sub {
      margin: 0;
      font-size: 14px;
      font-weight: 600;
    }
    .list {
      list-style: none;
      margin: 8px 0 0;
      padding: 0;
      display: grid;
      gap: 6px;
    }
    li {
      display: flex;
      align-items: center;
      gap: 10px;
      padding: 6px 8px;
      border: 1px solid var(--k-border);
      border-radius: 8px;
      background: #fff;
    }
    .thumb {
      width: 48px;
      height: 48px;
      object-fit: cover;
      border-radius: 4px;
      flex: none;
    }
    .type {
      width: 48px;
      height: 48px;
      display: grid;
      place-items: center;
      flex: none;
      color: var(--k-teal);
    }
    .meta {
      display: flex;
      flex-direction: column;
      min-width: 0;
      flex: 1;
    }
    .name {
      all: unset;
      cursor: pointer;
      color: var(--k-link, #1f5f8b);
      text-decoration: underline;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      max-width: 100%;
    }
    .name:focus-visible {
      outline: 2px solid var(--k-teal);
      outline-offset: 2px;
    }
    .muted {
      color: var(--k-text-muted);
      font-size: 12px;
    }
    .empty,
    .hint {
      margin: 6px 0 0;
    }
    .pending {
      color: var(--k-text-muted);
    }
  `,
})
export class CardAttachmentsComponent {
  readonly store = input.required<BoardStore>();
  readonly cardId = input.required<string>();

  private readonly api = inject(ProjectsApi);
  private readonly auth = inject(AuthStore);
  private readonly snack = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly errors = inject(ErrorMessageService);
  protected readonly language = inject(LanguageService);

  protected readonly attachments = computed(() => this.store().card(this.cardId())?.attachments ?? []);
  protected readonly uploads = signal<Upload[]>([]);
  protected readonly dragging = signal(false);
  /** object URLs of image thumbnails, by attachment id */
  protected readonly thumbs = signal<Record<string, string>>({});
  private readonly requested = new Set<string>();
  private nextKey = 0;
  private alive = true;

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      this.alive = false;
      Object.values(this.thumbs()).forEach((u) => URL.revokeObjectURL(u));
    });
    effect(() => {
      for (const a of this.attachments()) {
        if (!a.isImage || this.requested.has(a.id)) continue;
        this.requested.add(a.id);
        firstValueFrom(this.api.attachmentBlob(a.url))
          .then((blob) => {
            const url = URL.createObjectURL(blob);
            if (this.alive) this.thumbs.update((t) => ({ ...t, [a.id]: url }));
            else URL.revokeObjectURL(url);
          })
          .catch(() => this.requested.delete(a.id));
      }
    });
  }

  protected icon(contentType: string): string {
    return attachmentIcon(contentType);
  }

  protected size(bytes: number): string {
    return formatSize(bytes);
  }

  protected canRemove(a: CardAttachment): boolean {
    const store = this.store();
    return canRemoveAttachment(a, { id: store.myId(), canWrite: store.canWrite(), isOwner: store.isOwner(), isStaff: this.auth.isStaff() });
  }

  protected picked(input: HTMLInputElement): void {
    const files = Array.from(input.files ?? []);
    input.value = '';
    this.upload(files);
  }

  protected dragOver(e: DragEvent): void {
    if (!this.store().canWrite() || !draggingFiles(e)) return;
    e.preventDefault();
    this.dragging.set(true);
  }

  protected drop(e: DragEvent): void {
    this.dragging.set(false);
    if (!this.store().canWrite() || !draggingFiles(e)) return;
    e.preventDefault();
    this.upload(Array.from(e.dataTransfer?.files ?? []));
  }

  private upload(files: File[]): void {
    for (const file of files) {
      const key = this.nextKey++;
      this.uploads.update((u) => [...u, { key, name: file.name }]);
      firstValueFrom(this.api.uploadAttachment(this.cardId(), file))
        .then(({ card }) => this.store().put(card))
        .catch((err: unknown) => {
          const problem = uploadErrorKey(this.errors.info(err).code);
          this.snack.open(problem ? this.transloco.translate(problem, { name: file.name }) : this.errors.message(err));
        })
        .finally(() => this.uploads.update((u) => u.filter((x) => x.key !== key)));
    }
  }

  protected async download(a: CardAttachment): Promise<void> {
    try {
      const url = URL.createObjectURL(await firstValueFrom(this.api.attachmentBlob(a.url)));
      const link = document.createElement('a');
      link.href = url;
      link.download = a.name;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (err) {
      this.snack.open(this.errors.message(err));
    }
  }

  protected async remove(a: CardAttachment): Promise<void> {
    if (!confirm(this.transloco.translate('cardAttachments.confirmRemove', { name: a.name }))) return;
    try {
      const { card } = await firstValueFrom(this.api.removeAttachment(this.cardId(), a.id));
      this.store().put(card);
    } catch (err) {
      this.snack.open(this.errors.message(err));
    }
  }
}
