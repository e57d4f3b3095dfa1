import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { PersonSummary } from '@klasteris/contracts';
import { AvatarComponent } from '../../../shared/ui/avatar.component';
import { CountryPipe } from '../../../shared/ui/country.pipe';

@Component({
  selector: 'app-person-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatIconModule, TranslocoPipe, AvatarComponent, CountryPipe],
  template: `
    <article class="card" data-testid="person-card" [attr.aria-labelledby]="'person-' + person().id">
      <div class="top">
        <app-avatar [initials]="person().initials" [color]="person().avatarColor" [size]="44" />
        <div class="heading">
          <h3 [id]="'person-' + person().id" class="name">{{ person().displayName }}</h3>
          @if (person().title) {
            <div class="meta">{{ person().title }}</div>
          }
        </div>
      </div>
      <div class="facts">
        @if (person().organisationName && person().organisationId) {
          <a class="org-link" [routerLink]="['/directory/organisations', person().organisationId]">
            <mat-icon aria-hidden="true" fontIcon="apartment" />{{ person().organisationName }}
          </a>
        }
        @if (person().country) {
          <span class="fact"><mat-icon aria-hidden="true" fontIcon="location_on" />{{ person().country | country }}</span>
        }
      </div>
      @if (person().expertise.length) {
        <ul class="chip-list" [attr.aria-label]="'profile.expertise' | transloco">
          @for (e of person().expertise.slice(0, 5); track e) {
            <li class="tag">{{ e }}</li>
          }
        </ul>
      }
    </article>
  `,
  styleUrl: './card.scss',
})
export class PersonCardComponent {
  readonly person = input.required<PersonSummary>();
}
