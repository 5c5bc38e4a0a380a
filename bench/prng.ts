/**
 * The bench's seeded PRNG, so that every workspace it generates is the same byte for byte on every machine and every
 * run (Math.random is never used by the bench): the tests' mulberry32 (test/support/random.ts) with the draws the
 * generator needs.
 */
import { Random } from '../test/support/random';

export class Prng {
  private readonly random: Random;

  constructor(seed: number) {
    this.random = new Random(seed);
  }

  /** A float in [0, 1). */
  next(): number {
    return this.random.next();
  }

  /** An integer in [lo, hi], both included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Up to `count` distinct items, in the order they were drawn. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < count && pool.length) out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]!);
    return out;
  }
}
