import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

@Component({
  selector: 'app-avatar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span
    class="avatar"
    [style.background]="safeColor()"
    [style.width.px]="size()"
    [style.height.px]="size()"
    [style.font-size.px]="size() * 0.4"
    [attr.data-initials]="initials()"
    aria-hidden="true"
  ></span>`,
  styles: `
    :host {
      display: inline-flex;
      flex: none;
    }
    .avatar {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      border-radius: 50%;
      color: #fff;
      font-weight: 500;
      letter-spacing: 0.02em;
      user-select: none;
      text-transform: uppercase;
    }
    /* generated content keeps the decorative initials out of accessible names */
    .avatar::before {
      content: attr(data-initials);
    }
  `,
})
export class AvatarComponent {
  readonly initials = input<string>('?');
  readonly color = input<string | null | undefined>('#0b2d40');
  readonly size = input<number>(40);
  protected readonly safeColor = computed(() => this.color() || '#0b2d40');
}
