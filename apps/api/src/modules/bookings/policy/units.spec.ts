import { planUnits } from './units';

const taken = (entries: [number, number[]][]) => new Map(entries.map(([s, us]) => [s, new Set(us)]));

describe('planUnits', () => {
  it('keeps the same unit for the whole booking when one is free throughout', () => {
    const plan = planUnits(
      [0, 1, 2],
      4,
      1,
      taken([
        [0, [0]],
        [1, [1]],
        [2, [2]],
      ]),
      () => 0,
    );
    expect('claims' in plan && plan.claims).toEqual([
      { slot: 0, unit: 3 },
      { slot: 1, unit: 3 },
      { slot: 2, unit: 3 },
    ]);
  });

  it('falls back to any free units per slot', () => {
    const plan = planUnits(
      [0, 1],
      2,
      1,
      taken([
        [0, [0]],
        [1, [1]],
      ]),
    );
    expect('claims' in plan && plan.claims).toEqual([
      { slot: 0, unit: 1 },
      { slot: 1, unit: 0 },
    ]);
  });

  it('reports the slots without enough free units', () => {
    expect(planUnits([0, 1, 2], 2, 2, taken([[1, [0]]]))).toEqual({ short: [1] });
  });
});
