import { ChangeDetectionStrategy, Component, input } from '@angular/core';

@Component({
  selector: 'app-logo',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <svg viewBox="0 0 64 64" [attr.width]="size()" [attr.height]="size()" aria-hidden="true" focusable="false">
      <rect width="64" height="64" rx="14" [attr.fill]="onDark() ? '#ffffff1f' : '#0b2d40'" />
      <circle cx="22" cy="22" r="7" fill="#4fd1c5" />
      <circle cx="42" cy="22" r="7" fill="#f2b43a" />
      <circle cx="22" cy="42" r="7" fill="#f2b43a" />
      <circle cx="42" cy="42" r="7" fill="#4fd1c5" />
      <path d="M22 22L42 42M42 22L22 42" stroke="#fff" stroke-width="3" />
    </svg>
    <span class="name" [class.on-dark]="onDark()">Klasteris</span>
  `,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      gap: 10px;
    }
    .name {
      font-weight: 700;
      font-size: 20px;
      letter-spacing: 0.01em;
      color: var(--k-navy);
    }
    .name.on-dark {
      color: #fff;
    }
  `,
})
export class LogoComponent {
  readonly size = input(32);
  readonly onDark = input(false);
}
