/**
 * A small seeded PRNG (mulberry32) with the helpers the demo generator needs. Deterministic across
 * runtimes: only 32-bit integer arithmetic, so the same seed gives the same data everywhere.
 */
export type Random = Readonly<{
  /** Uniform in [0, 1). */
  next: () => number;
  /** Integer in [min, max], both included. */
  int: (min: number, max: number) => number;
  chance: (p: number) => boolean;
  pick: <T>(items: ReadonlyArray<T>) => T;
  /** Pick by weight: `[[value, weight], …]`. */
  weighted: <T>(items: ReadonlyArray<readonly [T, number]>) => T;
}>;

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function createRandom(seed: number): Random {
  const next = mulberry32(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: <T>(items: ReadonlyArray<T>): T => {
      if (items.length === 0) throw new Error('pick fra en tom liste');
      return items[int(0, items.length - 1)] as T;
    },
    weighted: <T>(items: ReadonlyArray<readonly [T, number]>): T => {
      let total = 0;
      for (const [, w] of items) total += w;
      let r = next() * total;
      for (const [v, w] of items) {
        r -= w;
        if (r < 0) return v;
      }
      const last = items[items.length - 1];
      if (!last) throw new Error('weighted fra en tom liste');
      return last[0];
    },
  };
}
