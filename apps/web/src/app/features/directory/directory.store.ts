import { Injectable, computed, inject, signal } from '@angular/core';
import type { Organisation, OrganisationListQuery, OrganisationType, PeopleQuery, PersonSummary } from '@klasteris/contracts';
import type { Subscription } from 'rxjs';
import { toApiError } from '../../shared/api-error';
import { DirectoryApi } from './directory.api';

export type DirectoryTab = 'organisations' | 'people';

export interface DirectoryFilters {
  q: string;
  country: string;
  type: OrganisationType | '';
  sector: string;
  expertise: string;
}

export const EMPTY_FILTERS: DirectoryFilters = { q: '', country: '', type: '', sector: '', expertise: '' };
export const DIRECTORY_PAGE_SIZE = 24;

interface ListState<T> {
  items: T[];
  nextCursor: string | null;
  loading: boolean;
  loaded: boolean;
  errorKey: string | null;
}

const emptyList = <T>(): ListState<T> => ({ items: [], nextCursor: null, loading: false, loaded: false, errorKey: null });

/** Builds the API query of a tab from the filters (only the filters that tab understands). */
export function organisationQuery(f: DirectoryFilters, cursor?: string): OrganisationListQuery {
  const q: OrganisationListQuery = { limit: DIRECTORY_PAGE_SIZE };
  if (f.q.trim()) q.q = f.q.trim();
  if (f.country) q.country = f.country;
  if (f.type) q.type = f.type;
  if (f.sector.trim()) q.sector = f.sector.trim();
  if (cursor) q.cursor = cursor;
  return q;
}

export function peopleQuery(f: DirectoryFilters, cursor?: string): PeopleQuery {
  const q: PeopleQuery = { limit: DIRECTORY_PAGE_SIZE };
  if (f.q.trim()) q.q = f.q.trim();
  if (f.country) q.country = f.country;
  if (f.expertise.trim()) q.expertise = f.expertise.trim();
  if (cursor) q.cursor = cursor;
  return q;
}

/**
 * Directory search: one filter set shared by both tabs, cursor paging ("Load more"),
 * and stale responses dropped when the query changes while a request is in flight.
 */
@Injectable()
export class DirectoryStore {
  private readonly api = inject(DirectoryApi);

  private readonly _tab = signal<DirectoryTab>('organisations');
  private readonly _filters = signal<DirectoryFilters>(EMPTY_FILTERS);
  private readonly _orgs = signal<ListState<Organisation>>(emptyList());
  private readonly _people = signal<ListState<PersonSummary>>(emptyList());
  private orgRequest: Subscription | null = null;
  private peopleRequest: Subscription | null = null;

  readonly tab = this._tab.asReadonly();
  readonly filters = this._filters.asReadonly();
  readonly organisations = computed(() => this._orgs().items);
  readonly people = computed(() => this._people().items);
  readonly current = computed(() => (this._tab() === 'organisations' ? this._orgs() : this._people()));
  readonly loading = computed(() => this.current().loading);
  readonly loaded = computed(() => this.current().loaded);
  readonly hasMore = computed(() => this.current().nextCursor !== null);
  readonly errorKey = computed(() => this.current().errorKey);
  readonly hasFilters = computed(() => {
    const f = this._filters();
    return !!(f.q.trim() || f.country || f.type || f.sector.trim() || f.expertise.trim());
  });

  setTab(tab: DirectoryTab): void {
    this._tab.set(tab);
    const list = tab === 'organisations' ? this._orgs() : this._people();
    if (!list.loaded && !list.loading) this.load(tab, true);
  }

  /** Change some filters and search again from the first page (both tabs go stale). */
  setFilters(patch: Partial<DirectoryFilters>): void {
    const next = { ...this._filters(), ...patch };
    const prev = this._filters();
    if ((Object.keys(next) as (keyof DirectoryFilters)[]).every((k) => next[k] === prev[k]) && this.current().loaded) return;
    this._filters.set(next);
    this._orgs.set(emptyList());
    this._people.set(emptyList());
    this.load(this._tab(), true);
  }

  reset(): void {
    this.setFilters(EMPTY_FILTERS);
  }

  /** First page of the current tab (used on start). */
  init(): void {
    this.load(this._tab(), true);
  }

  loadMore(): void {
    const tab = this._tab();
    const list = tab === 'organisations' ? this._orgs() : this._people();
    if (list.loading || !list.nextCursor) return;
    this.load(tab, false);
  }

  private load(tab: DirectoryTab, reset: boolean): void {
    const filters = this._filters();
    if (tab === 'organisations') {
      const cursor = reset ? undefined : (this._orgs().nextCursor ?? undefined);
      this.orgRequest?.unsubscribe();
      this._orgs.update((s) => ({ ...s, loading: true, errorKey: null }));
      this.orgRequest = this.api.organisations(organisationQuery(filters, cursor)).subscribe({
        next: (page) =>
          this._orgs.update((s) => ({
            items: reset ? page.items : [...s.items, ...page.items],
            nextCursor: page.nextCursor,
            loading: false,
            loaded: true,
            errorKey: null,
          })),
        error: (err: unknown) => this._orgs.update((s) => ({ ...s, loading: false, loaded: true, errorKey: toApiError(err).messageKey })),
      });
    } else {
      const cursor = reset ? undefined : (this._people().nextCursor ?? undefined);
      this.peopleRequest?.unsubscribe();
      this._people.update((s) => ({ ...s, loading: true, errorKey: null }));
      this.peopleRequest = this.api.people(peopleQuery(filters, cursor)).subscribe({
        next: (page) =>
          this._people.update((s) => ({
            items: reset ? page.items : [...s.items, ...page.items],
            nextCursor: page.nextCursor,
            loading: false,
            loaded: true,
            errorKey: null,
          })),
        error: (err: unknown) => this._people.update((s) => ({ ...s, loading: false, loaded: true, errorKey: toApiError(err).messageKey })),
      });
    }
  }
}
