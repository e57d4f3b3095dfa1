import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ApplicationStatuses, type ApplicationStatus, type MembershipApplication } from '@klasteris/contracts';
import { ErrorMessageService } from '../../../core/http/error-message.service';
import { LanguageService } from '../../../core/i18n/language.service';
import { ConfirmDialogComponent, type ConfirmDialogData, type ConfirmDialogResult } from '../../../shared/ui/confirm-dialog.component';
import { CountryPipe } from '../../../shared/ui/country.pipe';
import { EmptyStateComponent } from '../../../shared/ui/empty-state.component';
import { AdminStore } from '../admin.store';

@Component({
  selector: 'app-applications-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    RouterLink,
    MatButtonModule,
    MatButtonToggleModule,
    MatIconModule,
    MatProgressBarModule,
    TranslocoPipe,
    CountryPipe,
    EmptyStateComponent,
  ],
  templateUrl: './applications.page.html',
  styleUrl: './admin-lists.scss',
})
export default class ApplicationsPage implements OnInit {
  protected readonly store = inject(AdminStore);
  protected readonly list = this.store.applications;
  protected readonly language = inject(LanguageService);
  private readonly dialog = inject(MatDialog);
  private readonly snack = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly errors = inject(ErrorMessageService);

  protected readonly statuses = ApplicationStatuses;
  protected readonly expanded = signal<ReadonlySet<string>>(new Set());
  protected readonly busyId = signal<string | null>(null);

  ngOnInit(): void {
    if (!this.list.loaded()) this.list.reload();
  }

  setStatus(status: ApplicationStatus): void {
    this.list.setQuery({ status });
  }

  toggle(id: string): void {
    this.expanded.update((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  approve(app: MembershipApplication): void {
    this.confirm({
      title: this.transloco.translate('applications.approveTitle'),
      message: this.transloco.translate('applications.approveText', { organisation: app.organisation.name, name: app.contact.displayName }),
      confirmLabel: this.transloco.translate('applications.approve'),
      reasonLabel: this.transloco.translate('applications.noteOptional'),
    }).subscribe((result) => {
      if (!result) return;
      this.busyId.set(app.id);
      this.store.approve(app, result.reason || undefined).subscribe({
        next: () => this.done('applications.approved', app),
        error: (err: unknown) => this.fail(err),
      });
    });
  }

  reject(app: MembershipApplication): void {
    this.confirm({
      title: this.transloco.translate('applications.rejectTitle'),
      message: this.transloco.translate('applications.rejectText', { organisation: app.organisation.name }),
      confirmLabel: this.transloco.translate('applications.reject'),
      reasonLabel: this.transloco.translate('applications.reason'),
      reasonRequired: true,
      danger: true,
    }).subscribe((result) => {
      if (!result) return;
      this.busyId.set(app.id);
      this.store.reject(app, result.reason).subscribe({
        next: () => this.done('applications.rejected', app),
        error: (err: unknown) => this.fail(err),
      });
    });
  }

  private confirm(data: ConfirmDialogData) {
    return this.dialog
      .open<ConfirmDialogComponent, ConfirmDialogData, ConfirmDialogResult>(ConfirmDialogComponent, {
        data,
        width: '480px',
        maxWidth: '95vw',
      })
      .afterClosed();
  }

  private done(key: string, app: MembershipApplication): void {
    this.busyId.set(null);
    this.snack.open(this.transloco.translate(key, { organisation: app.organisation.name }), undefined, { duration: 4000 });
  }

  private fail(err: unknown): void {
    this.busyId.set(null);
    this.snack.open(this.errors.message(err), this.transloco.translate('common.close'));
    this.list.reload();
  }
}
