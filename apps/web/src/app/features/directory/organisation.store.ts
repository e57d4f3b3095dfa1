import { Injectable, computed, inject, signal } from '@angular/core';
import type {
  CreateInvitationResponse,
  Invitation,
  Organisation,
  PersonSummary,
  UpdateOrganisationRequest,
  User,
} from '@klasteris/contracts';
import { Observable, tap } from 'rxjs';
import { AuthStore } from '../../core/auth/auth.store';
import { toApiError } from '../../shared/api-error';
import { DirectoryApi } from './directory.api';

const PAGE = 20;

/** State of one organisation page: details, people, and the management lists for its admins. */
@Injectable()
export class OrganisationStore {
  private readonly api = inject(DirectoryApi);
  private readonly auth = inject(AuthStore);

  private readonly _org = signal<Organisation | null>(null);
  private readonly _errorKey = signal<string | null>(null);
  private readonly _people = signal<PersonSummary[]>([]);
  private readonly _peopleCursor = signal<string | null>(null);
  private readonly _peopleLoading = signal(false);
  private readonly _invitations = signal<Invitation[]>([]);
  private readonly _invitationsCursor = signal<string | null>(null);
  private readonly _pending = signal<User[]>([]);
  private readonly _pendingAvailable = signal(false);

  readonly organisation = this._org.asReadonly();
  readonly errorKey = this._errorKey.asReadonly();
  readonly people = this._people.asReadonly();
  readonly peopleHasMore = computed(() => this._peopleCursor() !== null);
  readonly peopleLoading = this._peopleLoading.asReadonly();
  readonly invitations = this._invitations.asReadonly();
  readonly openInvitations = computed(() => this._invitations().filter((i) => !i.acceptedAt && !i.revokedAt));
  readonly invitationsHasMore = computed(() => this._invitationsCursor() !== null);
  readonly pending = this._pending.asReadonly();
  readonly pendingAvailable = this._pendingAvailable.asReadonly();

  /** admins, coordinators and the organisation's own admins may edit the details */
  readonly canEdit = computed(() => {
    const org = this._org();
    return !!org && (this.auth.isStaff() || this.auth.canManageOrganisation(org.id));
  });
  /** admins and the organisation's own admins may invite colleagues */
  readonly canInvite = computed(() => {
    const org = this._org();
    return !!org && this.auth.canManageOrganisation(org.id);
  });
  /** pending people may be activated by coordinators, admins and the organisation's admins */
  readonly canActivate = computed(() => this.canEdit());

  load(orgId: string): void {
    this._org.set(null);
    this._errorKey.set(null);
    this._people.set([]);
    this._invitations.set([]);
    this._pending.set([]);
    this.api.organisation(orgId).subscribe({
      next: ({ organisation }) => {
        this._org.set(organisation);
        this.loadPeople(true);
        if (this.canInvite()) this.loadInvitations(true);
        if (this.canActivate()) this.loadPending();
      },
      error: (err: unknown) => this._errorKey.set(toApiError(err).messageKey),
    });
  }

  loadPeople(reset = false): void {
    const org = this._org();
    if (!org || this._peopleLoading()) return;
    const cursor = reset ? undefined : (this._peopleCursor() ?? undefined);
    this._peopleLoading.set(true);
    this.api.organisationPeople(org.id, { limit: PAGE, ...(cursor ? { cursor } : {}) }).subscribe({
      next: (page) => {
        this._people.update((p) => (reset ? page.items : [...p, ...page.items]));
        this._peopleCursor.set(page.nextCursor);
        this._peopleLoading.set(false);
      },
      error: () => this._peopleLoading.set(false),
    });
  }

  loadInvitations(reset = false): void {
    const org = this._org();
    if (!org) return;
    const cursor = reset ? undefined : (this._invitationsCursor() ?? undefined);
    this.api.invitations(org.id, { limit: PAGE, ...(cursor ? { cursor } : {}) }).subscribe({
      next: (page) => {
        this._invitations.update((list) => (reset ? page.items : [...list, ...page.items]));
        this._invitationsCursor.set(page.nextCursor);
      },
      error: () => undefined,
    });
  }

  loadPending(): void {
    const org = this._org();
    if (!org) return;
    this.api.pendingUsers({ organisationId: org.id, limit: 100 }).subscribe({
      next: (page) => {
        this._pending.set(page.items);
        this._pendingAvailable.set(true);
      },
      // org admins may not be allowed to list users: just hide the section
      error: () => this._pendingAvailable.set(false),
    });
  }

  update(body: UpdateOrganisationRequest): Observable<{ organisation: Organisation }> {
    const org = this._org();
    if (!org) throw new Error('No organisation loaded');
    return this.api.updateOrganisation(org.id, body).pipe(tap(({ organisation }) => this._org.set(organisation)));
  }

  invite(email: string, message?: string): Observable<CreateInvitationResponse> {
    const org = this._org();
    if (!org) throw new Error('No organisation loaded');
    return this.api
      .invite(org.id, { email, ...(message ? { message } : {}) })
      .pipe(tap(({ invitation }) => this._invitations.update((list) => [invitation, ...list])));
  }

  revoke(invitation: Invitation): Observable<void> {
    return this.api
      .revokeInvitation(invitation.organisationId, invitation.id)
      .pipe(
        tap(() =>
          this._invitations.update((list) => list.map((i) => (i.id === invitation.id ? { ...i, revokedAt: new Date().toISOString() } : i))),
        ),
      );
  }

  activate(user: User): Observable<{ user: User }> {
    return this.api.setUserStatus(user.id, { status: 'active' }).pipe(
      tap(() => {
        this._pending.update((list) => list.filter((u) => u.id !== user.id));
        this.loadPeople(true);
      }),
    );
  }
}
