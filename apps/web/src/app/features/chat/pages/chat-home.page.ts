import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { EmptyStateComponent } from '../../../shared/ui/empty-state.component';

/** Shown beside the sidebar when no channel is open. */
@Component({
  selector: 'app-chat-home',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, EmptyStateComponent],
  template: `<app-empty-state icon="forum" [title]="'chat.home.title' | transloco" [text]="'chat.home.text' | transloco" />`,
  styles: `
    :host {
      display: flex;
      flex: 1 1 auto;
      align-items: center;
      justify-content: center;
    }
  `,
})
export class ChatHomePage {}
