/**
 * Unit allocation for pools: which (slot, unit) claims to try. Pure; the unique index decides.
 * `taken` maps a slot's start to the units claimed there now (by anyone but the asker).
 */
export interface ClaimPlan {
  claims: { slot: number; unit: number }[];
}

export function planUnits(
  slots: number[],
  capacity: number,
  units: number,
  taken: Map<number, Set<number>>,
  random: () => number = Math.random,
): ClaimPlan | { short: number[] } {
  const short = slots.filter((s) => capacity - (taken.get(s)?.size ?? 0) < units);
  if (short.length > 0) return { short };
  // Prefer the same units for the whole booking ("nodes 3 and 7 from 10:00 to 14:00"), picked at random
  // among the free ones so that concurrent requests rarely race for the same unit.
  const common = shuffle(
    Array.from({ length: capacity }, (_, u) => u).filter((u) => slots.every((s) => !taken.get(s)?.has(u))),
    random,
  );
  if (common.length >= units) {
    const chosen = common.slice(0, units).sort((a, b) => a - b);
    return { claims: slots.flatMap((slot) => chosen.map((unit) => ({ slot, unit }))) };
  }
  // Otherwise any free units per slot: capacity is what is guaranteed, not a fixed unit.
  return {
    claims: slots.flatMap((slot) => {
      const used = taken.get(slot);
      const free = Array.from({ length: capacity }, (_, u) => u).filter((u) => !used?.has(u));
      return free.slice(0, units).map((unit) => ({ slot, unit }));
    }),
  };
}

function shuffle<T>(xs: T[], random: () => number): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}
