import { initialRanks, isValidRank, jitteredRankBetween, needsRebalance, rankBetween, ranksAfter, REBALANCE_LENGTH } from './ranks';

interface Item {
  id: number;
  rank: string;
}

const sorted = (items: Item[]): Item[] => [...items].sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
const expectStrictlyAscending = (ranks: string[]): void => {
  for (let i = 1; i < ranks.length; i++) expect(ranks[i - 1]! < ranks[i]!).toBe(true);
};

/** Re-spaces a list the way the column rebalance does: fresh keys after the current maximum, same order. */
function rebalance(items: Item[]): Item[] {
  const inOrder = sorted(items);
  const fresh = ranksAfter(inOrder[inOrder.length - 1]!.rank, inOrder.length);
  return inOrder.map((it, i) => ({ ...it, rank: fresh[i]! }));
}

describe('card ranks', () => {
  it('orders keys with plain string comparison', () => {
    const [a, b, c] = initialRanks(3);
    expect([a, b, c]).toEqual([...[a, b, c]].sort());
    const mid = rankBetween(a!, b!);
    expect(a! < mid && mid < b!).toBe(true);
    expect(rankBetween(null, a!) < a!).toBe(true);
    expect(rankBetween(c!, null) > c!).toBe(true);
  });

  it('keeps working for 1,000 successive inserts right after the same card (keys grow, order holds)', () => {
    const [A, B] = initialRanks(2) as [string, string];
    let items: Item[] = [
      { id: -1, rank: A },
      { id: -2, rank: B },
    ];
    // Each new card goes directly below A, i.e. between A and the card inserted just before.
    let upper = B;
    for (let i = 0; i < 1000; i++) {
      const rank = rankBetween(A, upper);
      expect(A < rank && rank < upper).toBe(true);
      items.push({ id: i, rank });
      upper = rank;
    }
    items = sorted(items);
    expect(new Set(items.map((x) => x.rank)).size).toBe(1002);
    // Newest first below A, oldest last above B.
    expect(items.map((x) => x.id)).toEqual([-1, ...Array.from({ length: 1000 }, (_, i) => 999 - i), -2]);
    // Without rebalancing keys grow: this is why the column is re-spaced.
    expect(Math.max(...items.map((x) => x.rank.length))).toBeGreaterThan(REBALANCE_LENGTH);
  });

  it('keeps working for 1,000 successive inserts right above the same card', () => {
    const [A, B] = initialRanks(2) as [string, string];
    let lower = A;
    const ranks: string[] = [A];
    for (let i = 0; i < 1000; i++) {
      const rank = rankBetween(lower, B);
      expect(lower < rank && rank < B).toBe(true);
      ranks.push(rank);
      lower = rank;
    }
    ranks.push(B);
    expectStrictlyAscending(ranks);
  });

  it('with rebalancing, 1,000 inserts between the same neighbours keep every key short and the order intact', () => {
    const [A, B] = initialRanks(2) as [string, string];
    let items: Item[] = [
      { id: -1, rank: A },
      { id: -2, rank: B },
    ];
    let rebalances = 0;
    for (let i = 0; i < 1000; i++) {
      const inOrder = sorted(items);
      const lower = inOrder.findIndex((x) => x.id === -1);
      const rank = rankBetween(inOrder[lower]!.rank, inOrder[lower + 1]!.rank);
      items.push({ id: i, rank });
      if (needsRebalance(rank)) {
        items = rebalance(items);
        rebalances++;
      }
    }
    const final = sorted(items);
    expect(final.map((x) => x.id)).toEqual([-1, ...Array.from({ length: 1000 }, (_, i) => 999 - i), -2]);
    expect(new Set(final.map((x) => x.rank)).size).toBe(1002);
    expect(Math.max(...final.map((x) => x.rank.length))).toBeLessThanOrEqual(REBALANCE_LENGTH);
    expect(rebalances).toBeGreaterThan(0);
  });

  it('rebalance keys come after every existing key, so re-spacing never collides with a live key', () => {
    let max = initialRanks(1)[0]!;
    for (let i = 0; i < 400; i++) max = rankBetween(max, null);
    max = rankBetween(max, rankBetween(max, null));
    for (let i = 0; i < 300; i++) max = rankBetween(max, rankBetween(max, null));
    const fresh = ranksAfter(max, 51);
    expectStrictlyAscending(fresh);
    expect(fresh.every((r) => r > max)).toBe(true);
    expect(Math.max(...fresh.map((r) => r.length))).toBeLessThan(6);
  });

  it('jittered keys stay strictly inside the gap and spread racing writers apart', () => {
    const [a, b] = initialRanks(2) as [string, string];
    let n = 0;
    const seq = [0.1, 0.9, 0.3, 0.7, 0.6, 0.2];
    for (let i = 0; i < 20; i++) {
      const k = jitteredRankBetween(a, b, () => seq[n++ % seq.length]!);
      expect(a < k && k < b).toBe(true);
    }
    const random = new Set(Array.from({ length: 50 }, () => jitteredRankBetween(a, b)));
    expect(random.size).toBeGreaterThan(1);
    expect(jitteredRankBetween(null, null) > '').toBe(true);
  });

  it('recognises valid and invalid keys', () => {
    expect(isValidRank(initialRanks(1)[0]!)).toBe(true);
    expect(isValidRank(rankBetween('a0', 'a1'))).toBe(true);
    expect(isValidRank('')).toBe(false);
    expect(isValidRank('not a key!')).toBe(false);
  });
});
