import { ChangeDetectionStrategy, Component, DestroyRef, effect, inject, input, signal } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Attachment } from '@klasteris/contracts';
import { firstValueFrom } from 'rxjs';
import { formatSize } from '../../../shared/format';
import { ChatApi } from '../chat.api';

/** Object URLs of downloaded attachments (the API needs the bearer header, so <img src> cannot fetch them). */
const cache = new Map<string, Promise<string>>();
const MAX_CACHED = 150;

function objectUrl(api: ChatApi, url: string): Promise<string> {
  let hit = cache.get(url);
  if (!hit) {
    hit = firstValueFrom(api.download(url)).then((blob) => URL.createObjectURL(blob));
    hit.catch(() => cache.delete(url));
    cache.set(url, hit);
    if (cache.size > MAX_CACHED) {
      const [oldest, value] = cache.entries().next().value as [string, Promise<string>];
      cache.delete(oldest);
      void value.then((u) => URL.revokeObjectURL(u)).catch(() => undefined);
    }
  }
  return hit;
}

/** An attachment: images previewed inline, other files as a download link. */
@Component({
  selector: 'app-attachment-view',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatIconModule, TranslocoPipe],
  template: `
    @let a = attachment();
    @if (a.isImage && preview()) {
      <button type="button" class="image" (click)="download()" [attr.aria-label]="'chat.attachments.open' | transloco: { name: a.name }">
        <img [src]="preview()" [alt]="a.name" loading="lazy" />
      </button>
    } @else {
      <button type="button" class="file" (click)="download()" [attr.aria-label]="'chat.attachments.download' | transloco: { name: a.name }">
        <mat-icon aria-hidden="true" [fontIcon]="a.isImage ? 'image' : 'description'" />
        <span class="name">{{ a.name }}</span>
        <span class="size">{{ size(a.size) }}</span>
      </button>
    }
  `,
  styles: `
    :host {
      display: inline-block;
      max-width: 100%;
    }
    .image {
      padding: 0;
      border: 1px solid var(--k-border);
      border-radius: 8px;
      background: #fff;
      cursor: zoom-in;
      display: block;
      overflow: hidden;
    }
    .image img {
      display: block;
      max-width: min(360px, 100%);
      max-height: 240px;
      object-fit: contain;
    }
    .file {
      display: inline-flex;
      align-items: center;
      gap: 8px;
      padding: 8px 12px;
      max-width: 100%;
      border: 1px solid var(--k-border);
      border-radius: 8px;
      background: #fff;
      cursor: pointer;
      font: inherit;
      color: var(--k-text);
    }
    .file mat-icon {
      color: var(--k-teal);
    }
    .name {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      max-width: 240px;
    }
    .size {
      color: var(--k-text-muted);
      font-size: 12px;
    }
  `,
})
export class AttachmentViewComponent {
  private readonly api = inject(ChatApi);
  readonly attachment = input.required<Attachment>();
  protected readonly preview = signal<string | null>(null);
  private alive = true;

  constructor() {
    inject(DestroyRef).onDestroy(() => (this.alive = false));
    effect(() => {
      const a = this.attachment();
      if (!a.isImage) return;
      objectUrl(this.api, a.url)
        .then((u) => this.alive && this.preview.set(u))
        .catch(() => undefined);
    });
  }

  protected size(bytes: number): string {
    return formatSize(bytes);
  }

  protected download(): void {
    const a = this.attachment();
    objectUrl(this.api, a.url)
      .then((u) => {
        const link = document.createElement('a');
        link.href = u;
        link.download = a.name;
        if (a.isImage) {
          link.target = '_blank';
          link.rel = 'noopener noreferrer';
          link.removeAttribute('download');
        }
        link.click();
      })
      .catch(() => undefined);
  }
}
