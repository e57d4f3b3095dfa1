import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, effect, inject, input, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { Invitation, User } from '@klasteris/contracts';
import { ErrorMessageService } from '../../../core/http/error-message.service';
import { LanguageService } from '../../../core/i18n/language.service';
import { initialsOf } from '../../../shared/countries';
import { AvatarComponent } from '../../../shared/ui/avatar.component';
import { ConfirmDialogComponent, type ConfirmDialogData, type ConfirmDialogResult } from '../../../shared/ui/confirm-dialog.component';
import { CountryPipe } from '../../../shared/ui/country.pipe';
import { EmptyStateComponent } from '../../../shared/ui/empty-state.component';
import { InviteDialogComponent, type InviteDialogData } from '../components/invite-dialog.component';
import { OrgEditDialogComponent, type OrgEditDialogData } from '../components/org-edit-dialog.component';
import { PersonCardComponent } from '../components/person-card.component';
import { OrganisationStore } from '../organisation.store';

@Component({
  selector: 'app-organisation-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [OrganisationStore],
  imports: [
    DatePipe,
    RouterLink,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    MatTooltipModule,
    TranslocoPipe,
    AvatarComponent,
    CountryPipe,
    EmptyStateComponent,
    PersonCardComponent,
  ],
  templateUrl: './organisation.page.html',
  styleUrl: './organisation.page.scss',
})
export default class OrganisationPage {
  protected readonly store = inject(OrganisationStore);
  protected readonly language = inject(LanguageService);
  private readonly dialog = inject(MatDialog);
  private readonly snack = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly errors = inject(ErrorMessageService);

  /** route parameter */
  readonly id = input.required<string>();
  protected readonly initialsOf = initialsOf;

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => this.store.load(id));
    });
  }

  edit(): void {
    const organisation = this.store.organisation();
    if (!organisation) return;
    const data: OrgEditDialogData = { organisation, save: (body) => this.store.update(body) };
    this.dialog
      .open(OrgEditDialogComponent, { data, width: '640px', maxWidth: '95vw', autoFocus: 'first-tabbable' })
      .afterClosed()
      .subscribe((saved) => {
        if (saved) this.toast('org.saved');
      });
  }

  invite(): void {
    const organisation = this.store.organisation();
    if (!organisation) return;
    const data: InviteDialogData = {
      organisationName: organisation.name,
      invite: (email, message) => this.store.invite(email, message),
    };
    this.dialog.open(InviteDialogComponent, { data, width: '520px', maxWidth: '95vw' });
  }

  revoke(invitation: Invitation): void {
    const data: ConfirmDialogData = {
      title: this.transloco.translate('invite.revokeTitle'),
      message: this.transloco.translate('invite.revokeText', { email: invitation.email }),
      confirmLabel: this.transloco.translate('invite.revoke'),
      danger: true,
    };
    this.dialog
      .open<ConfirmDialogComponent, ConfirmDialogData, ConfirmDialogResult>(ConfirmDialogComponent, {
        data,
        width: '440px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((result) => {
        if (!result) return;
        this.store.revoke(invitation).subscribe({
          next: () => this.toast('invite.revoked'),
          error: (err: unknown) => this.snack.open(this.errors.message(err), this.transloco.translate('common.close')),
        });
      });
  }

  activate(user: User): void {
    const data: ConfirmDialogData = {
      title: this.transloco.translate('org.activateTitle'),
      message: this.transloco.translate('org.activateText', { name: user.displayName, email: user.email }),
      confirmLabel: this.transloco.translate('org.activate'),
    };
    this.dialog
      .open<ConfirmDialogComponent, ConfirmDialogData, ConfirmDialogResult>(ConfirmDialogComponent, {
        data,
        width: '440px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((result) => {
        if (!result) return;
        this.store.activate(user).subscribe({
          next: () => this.toast('org.activated'),
          error: (err: unknown) => this.snack.open(this.errors.message(err), this.transloco.translate('common.close')),
        });
      });
  }

  websiteHref(url: string): string {
    return /^https?:\/\//i.test(url) ? url : `https://${url}`;
  }

  private toast(key: string): void {
    this.snack.open(this.transloco.translate(key), undefined, { duration: 3000 });
  }
}
