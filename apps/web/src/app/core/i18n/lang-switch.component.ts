import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Language } from '@klasteris/contracts';
import { LanguageService } from './language.service';

@Component({
  selector: 'app-lang-switch',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatIconModule, MatMenuModule, TranslocoPipe],
  template: `
    <button mat-button type="button" class="switch" [class.on-dark]="onDark()" [matMenuTriggerFor]="menu" data-testid="lang-switch">
      <mat-icon aria-hidden="true" fontIcon="translate" />
      <span class="code">{{ language.lang().toUpperCase() }}</span>
      <span class="visually-hidden">– {{ 'lang.switch' | transloco }}</span>
    </button>
    <mat-menu #menu="matMenu">
      @for (l of language.languages; track l) {
        <button
          mat-menu-item
          type="button"
          (click)="pick(l)"
          [attr.data-testid]="'lang-' + l"
          [attr.aria-current]="l === language.lang() ? 'true' : null"
          [attr.lang]="l"
        >
          @if (l === language.lang()) {
            <mat-icon aria-hidden="true" fontIcon="check" />
          } @else {
            <mat-icon aria-hidden="true"></mat-icon>
          }
          <span>{{ 'lang.' + l | transloco }}</span>
        </button>
      }
    </mat-menu>
  `,
  styles: `
    .switch {
      min-width: 0;
    }
    .switch.on-dark {
      --mat-button-text-label-text-color: #fff;
      color: #fff;
    }
    .code {
      font-weight: 500;
    }
  `,
})
export class LangSwitchComponent {
  protected readonly language = inject(LanguageService);
  readonly onDark = input(false);

  pick(lang: Language): void {
    void this.language.choose(lang);
  }
}
