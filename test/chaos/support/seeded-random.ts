import { randomInt } from 'node:crypto';

/** mulberry32: a tiny deterministic PRNG, so a failing chaos run can be replayed with its seed. */
export class SeededRandom {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }
}

/** The given seed, or a fresh one (printed by the test, so the run can be replayed). */
export const seedFromEnv = (value: string | undefined): number => {
  const parsed = Number(value);
  return value !== undefined && Number.isInteger(parsed) ? parsed : randomInt(2 ** 31 - 1);
};
