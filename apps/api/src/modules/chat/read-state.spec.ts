import { countsOf, holesMatter, skippedOrds } from './read-state';

describe('read state counts', () => {
  it('counts the roots after my position up to the committed one, less holes', () => {
    expect(countsOf({ readRoots: 3, mentionOrds: [] }, 8)).toEqual({ unread: 5, mentions: 0 });
    expect(countsOf({ readRoots: 3, mentionOrds: [] }, 8, [2, 4, 9])).toEqual({ unread: 4, mentions: 0 });
    expect(countsOf({ readRoots: 3, mentionOrds: [] }, 8, [4, 4])).toEqual({ unread: 4, mentions: 0 });
  });

  it('is 0 when my position is at or beyond the committed one (my own send in flight)', () => {
    expect(countsOf({ readRoots: 8, mentionOrds: [9] }, 8)).toEqual({ unread: 0, mentions: 0 });
    expect(countsOf({ readRoots: 9, mentionOrds: [9] }, 8)).toEqual({ unread: 0, mentions: 0 });
  });

  it('counts mentions after my position, committed, not deleted, once each', () => {
    expect(countsOf({ readRoots: 3, mentionOrds: [1, 3, 4, 4, 6, 9] }, 8, [6])).toEqual({ unread: 4, mentions: 1 });
  });

  it('looks holes up only when one lies beyond my position', () => {
    expect(holesMatter(5, 9, 5)).toBe(false);
    expect(holesMatter(5, 9, 6)).toBe(true);
    expect(holesMatter(9, 9, 12)).toBe(false);
  });

  it('finds the ords of writers that never wrote between two steps', () => {
    expect(skippedOrds(4, 5, true)).toEqual([]);
    expect(skippedOrds(4, 4, false)).toEqual([]);
    expect(skippedOrds(4, 7, true)).toEqual([5, 6]);
    expect(skippedOrds(4, 6, false)).toEqual([5, 6]);
  });
});
