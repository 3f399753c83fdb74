/**
 * A small seeded PRNG (mulberry32) and the draws the demo generator needs.
 * One rule: every random choice of the seed data comes from a Random made here from a number, so the
 * same seed always yields the same township (no Math.random anywhere in src/server/seed).
 */

export interface Random {
  /** Uniform in [0, 1). */
  next(): number
  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number
  /** Uniform real in [min, max). */
  real(min: number, max: number): number
  /** True with probability p. */
  chance(p: number): boolean
  pick<T>(items: readonly T[]): T
  /** Picks an item with probability proportional to its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T
  /** A shuffled copy (Fisher-Yates). */
  shuffle<T>(items: readonly T[]): T[]
  /** `n` distinct items in random order (all of them when n >= length). */
  sample<T>(items: readonly T[], n: number): T[]
  /** An independent stream for a sub-part, so adding draws to one part does not shift the others. */
  fork(label: number): Random
}

/** Mixes two 32-bit values into a well-spread seed (the murmur3 finalizer). */
export const mixSeed = (a: number, b: number): number => {
  let h = (Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35)) >>> 0
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

export const createRandom = (seed: number): Random => {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1))
  const shuffle = <T>(items: readonly T[]): T[] => {
    const out = [...items]
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1))
      const tmp = out[i]
      out[i] = out[j]
      out[j] = tmp
    }
    return out
  }
  return {
    next,
    int,
    real: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list')
      return items[Math.floor(next() * items.length)]
    },
    weighted: (items) => {
      const total = items.reduce((sum, [, w]) => sum + w, 0)
      let r = next() * total
      for (const [item, w] of items) {
        r -= w
        if (r < 0) return item
      }
      return items[items.length - 1][0]
    },
    shuffle,
    sample: (items, n) => shuffle(items).slice(0, Math.max(0, n)),
    fork: (label) => createRandom(mixSeed(seed, label)),
  }
}
