import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, OnInit, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { type MatSelect, type MatSelectChange, MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  MembershipStatuses,
  OrganisationTypes,
  type MembershipStatus,
  type Organisation,
  type OrganisationType,
} from '@klasteris/contracts';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';
import { ErrorMessageService } from '../../../core/http/error-message.service';
import { LanguageService } from '../../../core/i18n/language.service';
import { ConfirmDialogComponent, type ConfirmDialogData, type ConfirmDialogResult } from '../../../shared/ui/confirm-dialog.component';
import { CountryPipe } from '../../../shared/ui/country.pipe';
import { EmptyStateComponent } from '../../../shared/ui/empty-state.component';
import { AdminStore } from '../admin.store';

@Component({
  selector: 'app-admin-organisations-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    TranslocoPipe,
    CountryPipe,
    EmptyStateComponent,
  ],
  templateUrl: './organisations.page.html',
  styleUrl: './admin-lists.scss',
})
export default class OrganisationsPage implements OnInit {
  protected readonly store = inject(AdminStore);
  protected readonly list = this.store.organisations;
  protected readonly language = inject(LanguageService);
  private readonly dialog = inject(MatDialog);
  private readonly snack = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly errors = inject(ErrorMessageService);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly statuses = MembershipStatuses;
  protected readonly types = OrganisationTypes;
  protected readonly columns = ['name', 'type', 'country', 'joined', 'membership'];
  protected readonly search = new FormControl(this.list.query().q ?? '', { nonNullable: true });

  ngOnInit(): void {
    if (!this.list.loaded()) this.list.reload();
    this.search.valueChanges
      .pipe(
        map((v) => v.trim()),
        debounceTime(300),
        distinctUntilChanged(),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((q) => this.list.setQuery({ q: q || undefined }));
  }

  setType(type: OrganisationType | ''): void {
    this.list.setQuery({ type: type || undefined });
  }

  setMembershipFilter(status: MembershipStatus | ''): void {
    this.list.setQuery({ membershipStatus: status || undefined });
  }

  changeMembership(org: Organisation, change: MatSelectChange, select: MatSelect): void {
    const status = change.value as MembershipStatus;
    const data: ConfirmDialogData = {
      title: this.transloco.translate('adminOrgs.changeTitle'),
      message: this.transloco.translate('adminOrgs.changeText', {
        name: org.name,
        from: this.transloco.translate<string>(`membership.${org.membershipStatus}`),
        to: this.transloco.translate<string>(`membership.${status}`),
      }),
      confirmLabel: this.transloco.translate('common.confirm'),
    };
    this.dialog
      .open<ConfirmDialogComponent, ConfirmDialogData, ConfirmDialogResult>(ConfirmDialogComponent, {
        data,
        width: '460px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((result) => {
        if (!result) {
          select.writeValue(org.membershipStatus);
          return;
        }
        this.store.setMembership(org, status).subscribe({
          next: () => this.snack.open(this.transloco.translate('adminOrgs.changed', { name: org.name }), undefined, { duration: 3000 }),
          error: (err: unknown) => {
            select.writeValue(org.membershipStatus);
            this.snack.open(this.errors.message(err), this.transloco.translate('common.close'));
          },
        });
      });
  }
}
