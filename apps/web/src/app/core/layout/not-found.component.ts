import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { EmptyStateComponent } from '../../shared/ui/empty-state.component';

@Component({
  selector: 'app-not-found',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, TranslocoPipe, EmptyStateComponent],
  template: `
    <section class="page page-narrow">
      <h1 class="visually-hidden">{{ 'notFound.title' | transloco }}</h1>
      <app-empty-state icon="travel_explore" [title]="'notFound.title' | transloco" [text]="'notFound.text' | transloco">
        <a mat-flat-button routerLink="/">{{ 'notFound.home' | transloco }}</a>
      </app-empty-state>
    </section>
  `,
})
export class NotFoundComponent {}
