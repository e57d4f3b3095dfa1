import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule } from '@angular/material/dialog';
import { TranslocoPipe } from '@jsverse/transloco';

interface Shortcut {
  keys: string[];
  label: string;
}

/** Every keyboard shortcut of the portal, by where it works; opened with "?" anywhere outside a text field. */
@Component({
  selector: 'app-shortcuts-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogModule, MatButtonModule, TranslocoPipe],
  template: `
    <h2 mat-dialog-title>{{ 'shortcuts.title' | transloco }}</h2>
    <mat-dialog-content>
      @for (section of sections; track section.title) {
        <h3>{{ section.title | transloco }}</h3>
        <dl data-testid="shortcuts-list">
          @for (s of section.items; track s.label) {
            <div class="row">
              <dt>
                @for (k of s.keys; track $index) {
                  @if ($index > 0) {
                    <span class="plus">+</span>
                  }
                  <kbd>{{ k }}</kbd>
                }
              </dt>
              <dd>{{ s.label | transloco }}</dd>
            </div>
          }
        </dl>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-flat-button type="button" mat-dialog-close cdkFocusInitial>{{ 'common.close' | transloco }}</button>
    </mat-dialog-actions>
  `,
  styles: `
    h3 {
      margin: 16px 0 8px;
      font-size: 1rem;
    }
    dl {
      margin: 0;
      display: grid;
      gap: 6px;
    }
    .row {
      display: grid;
      grid-template-columns: 200px 1fr;
      gap: 12px;
      align-items: baseline;
    }
    dt {
      white-space: nowrap;
    }
    dd {
      margin: 0;
    }
    kbd {
      font:
        0.8125rem/1 ui-monospace,
        monospace;
      padding: 3px 6px;
      border: 1px solid #c4cbd3;
      border-bottom-width: 2px;
      border-radius: 4px;
      background: #f6f8fa;
    }
    .plus {
      margin: 0 4px;
      color: var(--k-text-muted);
    }
  `,
})
export class ShortcutsDialogComponent {
  private static readonly mod = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';

  protected readonly sections: { title: string; items: Shortcut[] }[] = [
    { title: 'shortcuts.everywhere', items: [{ keys: ['?'], label: 'shortcuts.help' }] },
    {
      title: 'shortcuts.chat',
      items: [
        { keys: ['Enter'], label: 'shortcuts.send' },
        { keys: ['Shift', 'Enter'], label: 'shortcuts.newLine' },
        { keys: [ShortcutsDialogComponent.mod, 'B'], label: 'shortcuts.bold' },
        { keys: [ShortcutsDialogComponent.mod, 'I'], label: 'shortcuts.italic' },
        { keys: ['@'], label: 'shortcuts.mention' },
        { keys: ['Alt', '↑ / ↓'], label: 'shortcuts.switchChannel' },
        { keys: ['Esc'], label: 'shortcuts.closePanel' },
      ],
    },
    {
      title: 'shortcuts.boards',
      items: [
        { keys: ['Alt', '↑ / ↓'], label: 'shortcuts.moveCardInColumn' },
        { keys: ['Alt', '← / →'], label: 'shortcuts.moveCardColumn' },
      ],
    },
  ];
}
