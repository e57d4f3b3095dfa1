import type { Card } from '@klasteris/contracts';
import { BoardCache } from './board-cache';

const card = (id: string, rank: string): Card => ({ id, rank, title: id, archived: false, version: 1 }) as Card;

describe('board cache', () => {
  it('serves a board only at the seq it was loaded at', () => {
    const cache = new BoardCache();
    cache.set('p', 3, [card('b', 'a1'), card('a', 'a0')]);
    expect(cache.get('p', 3)!.map((c) => c.id)).toEqual(['a', 'b']);
    expect(cache.get('p', 4)).toBeNull();
    expect(cache.get('q', 3)).toBeNull();
  });

  it("applies this node's changes in place, and drops the entry when a change in between is unknown", () => {
    const cache = new BoardCache();
    cache.set('p', 3, [card('a', 'a0'), card('b', 'a1')]);
    cache.apply('p', 4, { kind: 'upsert', card: card('c', 'a0V') });
    expect(cache.get('p', 4)!.map((c) => c.id)).toEqual(['a', 'c', 'b']);
    cache.apply('p', 5, { kind: 'upsert', card: { ...card('a', 'a0'), archived: true } });
    cache.apply('p', 6, { kind: 'delete', cardId: 'b' });
    expect(cache.get('p', 6)!.map((c) => c.id)).toEqual(['c']);
    // Bumps of one card's writes may arrive out of order: the higher version stays; deleted stays deleted.
    cache.apply('p', 7, { kind: 'upsert', card: { ...card('c', 'a5'), version: 3 } });
    cache.apply('p', 8, { kind: 'upsert', card: { ...card('c', 'a4'), version: 2 } });
    cache.apply('p', 9, { kind: 'upsert', card: { ...card('b', 'a1'), version: 2 } });
    expect(cache.get('p', 9)!.map((c) => [c.id, c.rank])).toEqual([['c', 'a5']]);
    cache.apply('p', 11, { kind: 'delete', cardId: 'c' }); // seq 10 happened elsewhere
    expect(cache.get('p', 11)).toBeNull();
    cache.set('p', 20, [card('a', 'a0')]);
    cache.apply('p', 21, { kind: 'ranks', ranks: [{ id: 'a', rank: 'b0' }] });
    expect(cache.get('p', 21)).toBeNull();
  });

  it('keeps the newest load and at most MAX_BOARDS boards', () => {
    const cache = new BoardCache();
    cache.set('p', 5, [card('new', 'a0')]);
    cache.set('p', 4, [card('old', 'a0')]);
    expect(cache.get('p', 5)!.map((c) => c.id)).toEqual(['new']);
    for (let i = 0; i < BoardCache.MAX_BOARDS + 5; i++) cache.set(`x${i}`, 1, []);
    expect(cache.get('p', 5)).toBeNull();
    expect(cache.get(`x${BoardCache.MAX_BOARDS + 4}`, 1)).toEqual([]);
  });
});
