import { seededRandom } from '@app/testing';

/** Seeded choices, so a failing fuzz run replays exactly from its seed. */
export class Dice {
  private readonly random: () => number;

  constructor(readonly seed: number) {
    this.random = seededRandom(seed);
  }

  /** A whole number in [0, n). */
  below(n: number): number {
    return Math.floor(this.random() * n);
  }

  chance(p: number): boolean {
    return this.random() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('nothing to pick from');
    return items[this.below(items.length)];
  }

  /** An item picked with probability proportional to its weight; items of weight 0 are never picked. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const candidates = items.filter(([, weight]) => weight > 0);
    let roll = this.random() * candidates.reduce((sum, [, weight]) => sum + weight, 0);
    for (const [item, weight] of candidates) {
      roll -= weight;
      if (roll < 0) return item;
    }
    return candidates[candidates.length - 1][0];
  }

  /** A shuffled copy (Fisher-Yates). */
  shuffled<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = this.below(i + 1);
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  }

  /** A version 4 UUID from the seeded sequence (so it is replayable, and belongs to no row). */
  uuid(): string {
    const hex = Array.from({ length: 32 }, () => this.below(16).toString(16));
    hex[12] = '4';
    hex[16] = '89ab'[this.below(4)];
    const s = hex.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }
}
