import { ChangeDetectionStrategy, Component, DestroyRef, OnInit, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatMenuModule } from '@angular/material/menu';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Roles, UserStatuses, type Role, type User, type UserStatus } from '@klasteris/contracts';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';
import { AuthStore } from '../../../core/auth/auth.store';
import { ErrorMessageService } from '../../../core/http/error-message.service';
import { AvatarComponent } from '../../../shared/ui/avatar.component';
import { ConfirmDialogComponent, type ConfirmDialogData, type ConfirmDialogResult } from '../../../shared/ui/confirm-dialog.component';
import { EmptyStateComponent } from '../../../shared/ui/empty-state.component';
import { AdminStore } from '../admin.store';
import { RolesDialogComponent } from '../components/roles-dialog.component';

@Component({
  selector: 'app-users-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatMenuModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    TranslocoPipe,
    AvatarComponent,
    EmptyStateComponent,
  ],
  templateUrl: './users.page.html',
  styleUrl: './admin-lists.scss',
})
export default class UsersPage implements OnInit {
  protected readonly store = inject(AdminStore);
  protected readonly list = this.store.users;
  protected readonly auth = inject(AuthStore);
  private readonly dialog = inject(MatDialog);
  private readonly snack = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly errors = inject(ErrorMessageService);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly roles = Roles;
  protected readonly statuses = UserStatuses;
  protected readonly columns = ['person', 'organisation', 'roles', 'status', 'actions'];
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

  setRole(role: Role | ''): void {
    this.list.setQuery({ role: role || undefined });
  }

  setStatusFilter(status: UserStatus | ''): void {
    this.list.setQuery({ status: status || undefined });
  }

  editRoles(user: User): void {
    this.dialog
      .open<RolesDialogComponent, User, Role[]>(RolesDialogComponent, { data: user, width: '480px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((roles) => {
        if (!roles) return;
        this.store.setRoles(user, roles).subscribe({
          next: () => this.toast('users.rolesSaved', user),
          error: (err: unknown) => this.fail(err),
        });
      });
  }

  changeStatus(user: User, status: UserStatus): void {
    const disabling = status === 'disabled';
    const data: ConfirmDialogData = {
      title: this.transloco.translate(disabling ? 'users.disableTitle' : 'users.enableTitle', { name: user.displayName }),
      message: this.transloco.translate(disabling ? 'users.disableText' : 'users.enableText', {
        name: user.displayName,
        email: user.email,
      }),
      confirmLabel: this.transloco.translate(disabling ? 'users.disable' : user.status === 'pending' ? 'users.activate' : 'users.enable'),
      reasonLabel: this.transloco.translate(disabling ? 'users.reason' : 'applications.noteOptional'),
      reasonRequired: disabling,
      danger: disabling,
    };
    this.dialog
      .open<ConfirmDialogComponent, ConfirmDialogData, ConfirmDialogResult>(ConfirmDialogComponent, {
        data,
        width: '480px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((result) => {
        if (!result) return;
        this.store.setStatus(user, status, result.reason || undefined).subscribe({
          next: () => this.toast(disabling ? 'users.disabled' : 'users.enabled', user),
          error: (err: unknown) => this.fail(err),
        });
      });
  }

  private toast(key: string, user: User): void {
    this.snack.open(this.transloco.translate(key, { name: user.displayName }), undefined, { duration: 3000 });
  }

  private fail(err: unknown): void {
    this.snack.open(this.errors.message(err), this.transloco.translate('common.close'));
  }
}
