import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Organisation } from '@klasteris/contracts';
import { initialsOf } from '../../../shared/countries';
import { AvatarComponent } from '../../../shared/ui/avatar.component';
import { CountryPipe } from '../../../shared/ui/country.pipe';

const ORG_COLORS: Record<string, string> = {
  company: '#0b2d40',
  university: '#6d28d9',
  association: '#0f766e',
  public_body: '#1d4ed8',
  social_partner: '#9a5b00',
};

@Component({
  selector: 'app-org-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatIconModule, TranslocoPipe, AvatarComponent, CountryPipe],
  template: `
    <article class="card" data-testid="org-card" [attr.aria-labelledby]="'org-' + org().id">
      <div class="top">
        <app-avatar [initials]="initials()" [color]="color()" [size]="44" />
        <div class="heading">
          <h3 [id]="'org-' + org().id" class="name">
            @if (link()) {
              <a [routerLink]="['/directory/organisations', org().id]" class="stretched">{{ org().name }}</a>
            } @else {
              {{ org().name }}
            }
          </h3>
          <div class="meta">
            {{ 'orgTypes.' + org().type | transloco }} · {{ org().country | country }}
            @if (org().city) {
              , {{ org().city }}
            }
          </div>
        </div>
      </div>
      @if (org().description) {
        <p class="desc">{{ org().description }}</p>
      }
      @if (org().sectors.length) {
        <ul class="chip-list" [attr.aria-label]="'org.sectors' | transloco">
          @for (s of org().sectors.slice(0, 4); track s) {
            <li class="tag">{{ s }}</li>
          }
          @if (org().sectors.length > 4) {
            <li class="tag more">+{{ org().sectors.length - 4 }}</li>
          }
        </ul>
      }
      <div class="foot">
        <span class="status-pill status-{{ org().membershipStatus }}">
          {{ 'membership.' + org().membershipStatus | transloco }}
        </span>
        @if (org().memberCount !== undefined) {
          <span class="count"
            ><mat-icon aria-hidden="true" fontIcon="group" />{{ 'org.peopleCount' | transloco: { count: org().memberCount } }}</span
          >
        }
      </div>
    </article>
  `,
  styleUrl: './card.scss',
})
export class OrgCardComponent {
  readonly org = input.required<Organisation>();
  /** whether the card links to the organisation page */
  readonly link = input(true);
  protected readonly initials = computed(() => initialsOf(this.org().name));
  protected readonly color = computed(() => ORG_COLORS[this.org().type] ?? '#0b2d40');
}
