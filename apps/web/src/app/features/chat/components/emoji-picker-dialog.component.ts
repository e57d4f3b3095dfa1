import { CUSTOM_ELEMENTS_SCHEMA, ChangeDetectionStrategy, Component, ElementRef, OnInit, inject, signal, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { I18n } from 'emoji-picker-element/shared';
import { LanguageService } from '../../../core/i18n/language.service';
import { emojiPickerI18n } from './emoji-picker-i18n';

/** What the `<emoji-picker>` element sends when an emoji is chosen. */
interface EmojiClick {
  unicode?: string;
}

/**
 * Every emoji, with search and skin tones: the `emoji-picker-element` web component, its data
 * served by the portal itself (`/emoji/<lang>/data.json`, copied from emoji-picker-element-data at
 * build time), never fetched from a CDN; its labels in the member's language. Loaded only when
 * opened. Closes with the chosen emoji.
 */
@Component({
  selector: 'app-emoji-picker-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogModule, MatButtonModule, MatProgressSpinnerModule, TranslocoPipe],
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <h2 mat-dialog-title>{{ 'chat.reactions.pickAny' | transloco }}</h2>
    <mat-dialog-content>
      @if (!ready()) {
        <mat-spinner diameter="32" [attr.aria-label]="'common.loading' | transloco" />
      }
      <div #host class="host" data-testid="emoji-picker"></div>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
    </mat-dialog-actions>
  `,
  styles: `
    .host {
      min-height: 360px;
    }
    .host ::ng-deep emoji-picker {
      width: 100%;
      --num-columns: 9;
    }
  `,
})
export class EmojiPickerDialogComponent implements OnInit {
  private readonly ref = inject(MatDialogRef<EmojiPickerDialogComponent, string>);
  private readonly language = inject(LanguageService);
  private readonly transloco = inject(TranslocoService);
  private readonly host = viewChild.required<ElementRef<HTMLElement>>('host');
  protected readonly ready = signal(false);

  ngOnInit(): void {
    void this.mount();
  }

  private async mount(): Promise<void> {
    await import('emoji-picker-element');
    const lang = this.language.lang();
    const picker = document.createElement('emoji-picker') as HTMLElement & { dataSource: string; locale: string; i18n: I18n };
    picker.dataSource = `/emoji/${lang}/data.json`;
    picker.locale = lang;
    picker.i18n = emojiPickerI18n((key) => this.transloco.translate(key));
    picker.setAttribute('aria-label', this.transloco.translate('chat.reactions.pickAny'));
    picker.addEventListener('emoji-click', (e: Event) => {
      const unicode = (e as CustomEvent<EmojiClick>).detail?.unicode;
      if (unicode) this.ref.close(unicode);
    });
    this.host().nativeElement.appendChild(picker);
    this.ready.set(true);
  }
}
