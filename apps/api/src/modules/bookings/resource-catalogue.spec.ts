import { encodeCursor } from '../../common/pagination';
import { MAX_CACHED_RESOURCES, ResourceCatalogue, utf8Order } from './resource-catalogue';
import type { ResourcesRepository, TimelineResource } from './resources.repository';

const row = (id: number, name: string, type: TimelineResource['type'] = 'server'): TimelineResource => ({
  id: id.toString(16).padStart(24, '0'),
  name,
  nameKey: name.toLowerCase(),
  type,
  capacity: 1,
  timeZone: 'Europe/Vilnius',
  organisationName: 'Org',
  status: 'available',
  searchText: `${name.toLowerCase()} org`,
});

/** A repository stand-in: the rows as stored, the counter, and how often the rows were loaded. */
function fake(rows: TimelineResource[]): { repo: ResourcesRepository; state: { seq: number; loads: number; rows: TimelineResource[] } } {
  const state = { seq: 0, loads: 0, rows };
  const repo = {
    catalogueSeq: () => Promise.resolve(state.seq),
    timelineRows: () => {
      state.loads++;
      return Promise.resolve(state.rows.map((r) => ({ ...r })));
    },
  } as unknown as ResourcesRepository;
  return { repo, state };
}

const names = (rows: TimelineResource[] | null): string[] => (rows ?? []).map((r) => r.name);

describe('ResourceCatalogue', () => {
  it('orders names as MongoDB does (UTF-8 bytes), not as JavaScript compares strings', () => {
    // U+FF21 (fullwidth A) is a surrogate-free code unit above the surrogates: JS puts the emoji first
    expect('😀' < 'Ａ').toBe(true);
    expect(utf8Order('Ａ', '😀')).toBeLessThan(0);
    expect(utf8Order('ą', 'b')).toBeGreaterThan(0);
  });

  it('pages by (name, id) after a cursor, filtered by type and text, limit + 1 rows', async () => {
    const { repo } = fake([
      row(5, 'Delta'),
      row(1, 'Alpha'),
      row(3, 'Charlie', 'gpu_pool'),
      row(2, 'Bravo'),
      row(4, 'Bravo'),
      row(6, '😀 Echo'),
      row(7, 'Ａ Foxtrot'),
    ]);
    const c = new ResourceCatalogue(repo);
    const first = await c.page({ limit: 2 });
    expect(names(first)).toEqual(['Alpha', 'Bravo', 'Bravo']);
    const last = first![1]!;
    const next = await c.page({ limit: 2, cursor: encodeCursor({ k: last.nameKey, id: last.id }) });
    expect(next!.map((r) => [r.name, r.id.slice(-1)])).toEqual([
      ['Bravo', '4'],
      ['Charlie', '3'],
      ['Delta', '5'],
    ]);
    expect(names(await c.page({ limit: 10, type: 'server' }))).toEqual(['Alpha', 'Bravo', 'Bravo', 'Delta', 'Ａ Foxtrot', '😀 Echo']);
    expect(names(await c.page({ limit: 10, q: 'RAV' }))).toEqual(['Bravo', 'Bravo']);
    expect(names(await c.page({ limit: 10, q: 'ＡＢＣ' }))).toEqual([]);
    expect(names(await c.page({ limit: 10 })).slice(-2)).toEqual(['Ａ Foxtrot', '😀 Echo']);
  });

  it('loads once per catalogue change: the same counter serves from memory, a moved counter reloads', async () => {
    const { repo, state } = fake([row(1, 'Alpha')]);
    const c = new ResourceCatalogue(repo);
    await c.page({ limit: 10 });
    await c.page({ limit: 10 });
    expect(state.loads).toBe(1);
    state.rows = [row(1, 'Alpha'), row(2, 'Beta')];
    expect(names(await c.page({ limit: 10 }))).toEqual(['Alpha']);
    state.seq++;
    expect(names(await c.page({ limit: 10 }))).toEqual(['Alpha', 'Beta']);
    expect(state.loads).toBe(2);
  });

  it('declines a catalogue too big to keep (the caller pages from the database)', async () => {
    const { repo } = fake(Array.from({ length: MAX_CACHED_RESOURCES + 1 }, (_, i) => row(i + 1, `R${i}`)));
    expect(await new ResourceCatalogue(repo).page({ limit: 10 })).toBeNull();
  });
});
