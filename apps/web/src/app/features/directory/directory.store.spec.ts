import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { Organisation, Page, PersonSummary } from '@klasteris/contracts';
import { DIRECTORY_PAGE_SIZE, DirectoryStore, EMPTY_FILTERS, organisationQuery, peopleQuery } from './directory.store';

const org = (id: string, name = `Org ${id}`): Organisation => ({
  id,
  name,
  type: 'company',
  country: 'LT',
  city: 'Vilnius',
  website: null,
  sectors: ['software'],
  description: null,
  membershipStatus: 'member',
  joinedAt: null,
});

const person = (id: string): PersonSummary => ({
  id,
  displayName: `Person ${id}`,
  initials: 'PP',
  avatarColor: '#0b2d40',
  organisationId: 'o1',
  organisationName: 'Org o1',
  expertise: ['cloud'],
});

const page = <T>(items: T[], nextCursor: string | null = null): Page<T> => ({ items, nextCursor });

describe('DirectoryStore', () => {
  let store: DirectoryStore;
  let http: HttpTestingController;

  const expectOrgs = (): TestRequest => http.expectOne((r) => r.url === '/api/organisations');
  const expectPeople = (): TestRequest => http.expectOne((r) => r.url === '/api/people');

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [DirectoryStore, provideHttpClient(), provideHttpClientTesting()] });
    store = TestBed.inject(DirectoryStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('loads the first page and appends the next one with the cursor', () => {
    store.init();
    const first = expectOrgs();
    expect(first.request.params.get('limit')).toBe(String(DIRECTORY_PAGE_SIZE));
    expect(first.request.params.has('cursor')).toBe(false);
    first.flush(page([org('1'), org('2')], 'c2'));
    expect(store.organisations().map((o) => o.id)).toEqual(['1', '2']);
    expect(store.hasMore()).toBe(true);

    store.loadMore();
    const second = expectOrgs();
    expect(second.request.params.get('cursor')).toBe('c2');
    second.flush(page([org('3')], null));
    expect(store.organisations().map((o) => o.id)).toEqual(['1', '2', '3']);
    expect(store.hasMore()).toBe(false);

    store.loadMore(); // nothing more to load
    http.expectNone((r) => r.url === '/api/organisations');
  });

  it('a new query starts again from the first page with the filters as parameters', () => {
    store.init();
    expectOrgs().flush(page([org('1')], 'c2'));

    store.setFilters({ q: '  Vilniaus  ', country: 'LT', type: 'university' });
    const req = expectOrgs();
    expect(req.request.params.get('q')).toBe('Vilniaus');
    expect(req.request.params.get('country')).toBe('LT');
    expect(req.request.params.get('type')).toBe('university');
    expect(req.request.params.has('cursor')).toBe(false);
    expect(req.request.params.has('sector')).toBe(false);
    req.flush(page([org('9', 'Vilniaus universitetas')]));
    expect(store.organisations().map((o) => o.id)).toEqual(['9']);
    expect(store.hasFilters()).toBe(true);
  });

  it('cancels a request that a newer query overtook, so stale results never show', () => {
    store.init();
    const stale = expectOrgs();
    store.setFilters({ q: 'data' });
    expect(stale.cancelled).toBe(true);
    expectOrgs().flush(page([org('d')]));
    expect(store.organisations().map((o) => o.id)).toEqual(['d']);
  });

  it('does not search again when the filters did not change', () => {
    store.init();
    expectOrgs().flush(page([org('1')]));
    store.setFilters({ q: '' });
    http.expectNone((r) => r.url === '/api/organisations');
  });

  it('the people tab uses /api/people with expertise but without organisation-only filters', () => {
    store.init();
    expectOrgs().flush(page([org('1')]));
    store.setFilters({ type: 'company' });
    expectOrgs().flush(page([]));
    store.setTab('people');
    const req = expectPeople();
    expect(req.request.params.has('type')).toBe(false);
    req.flush(page([person('p1')], 'n'));
    expect(store.people().map((p) => p.id)).toEqual(['p1']);
    expect(store.hasMore()).toBe(true);

    store.setFilters({ expertise: 'cloud' });
    const filtered = expectPeople();
    expect(filtered.request.params.get('expertise')).toBe('cloud');
    filtered.flush(page([]));
    expect(store.loaded()).toBe(true);
    expect(store.people()).toEqual([]);
  });

  it('keeps the items and reports an error key when a page fails', () => {
    store.init();
    expectOrgs().flush(page([org('1')], 'c2'));
    store.loadMore();
    expectOrgs().flush({ statusCode: 503, code: 'SERVICE_UNAVAILABLE', message: 'down' }, { status: 503, statusText: 'x' });
    expect(store.errorKey()).toBe('errors.SERVICE_UNAVAILABLE');
    expect(store.organisations().map((o) => o.id)).toEqual(['1']);
    expect(store.loading()).toBe(false);
  });
});

describe('directory queries', () => {
  it('leave out empty filters', () => {
    expect(organisationQuery(EMPTY_FILTERS)).toEqual({ limit: DIRECTORY_PAGE_SIZE });
    expect(peopleQuery({ ...EMPTY_FILTERS, q: ' ą ', sector: 'x' }, 'cur')).toEqual({ limit: DIRECTORY_PAGE_SIZE, q: 'ą', cursor: 'cur' });
  });
});
