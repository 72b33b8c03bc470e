/**
 * FCFS lines, one per priority level (line 0 is served first; classes of equal priority share one). Abandoned contacts are not removed
 * from the middle; their entries go stale (generation mismatch) and are skipped when popped.
 */
export class ContactQueue {
  private readonly rings: Ring[];

  constructor(lines: number) {
    this.rings = Array.from({ length: lines }, () => new Ring());
  }

  push(line: number, slot: number, gen: number): void {
    this.rings[line]!.push(slot, gen);
  }

  /** The first live contact in priority order, or -1. `currentGen` tells live from stale entries. */
  pop(currentGen: Int32Array): number {
    const rings = this.rings;
    for (let c = 0; c < rings.length; c++) {
      const slot = rings[c]!.popLive(currentGen);
      if (slot >= 0) return slot;
    }
    return -1;
  }

  /** Drops every entry; called when no live contact waits, so stale entries cannot pile up. */
  clear(): void {
    for (const ring of this.rings) ring.clear();
  }
}

class Ring {
  private slots = new Int32Array(64);
  private gens = new Int32Array(64);
  private head = 0;
  private count = 0;

  push(slot: number, gen: number): void {
    if (this.count === this.slots.length) this.grow();
    const index = (this.head + this.count) & (this.slots.length - 1);
    this.slots[index] = slot;
    this.gens[index] = gen;
    this.count++;
  }

  popLive(currentGen: Int32Array): number {
    const mask = this.slots.length - 1;
    while (this.count > 0) {
      const slot = this.slots[this.head]!;
      const gen = this.gens[this.head]!;
      this.head = (this.head + 1) & mask;
      this.count--;
      if (currentGen[slot] === gen) return slot;
    }
    return -1;
  }

  clear(): void {
    this.head = 0;
    this.count = 0;
  }

  private grow(): void {
    const size = this.slots.length;
    const slots = new Int32Array(size * 2);
    const gens = new Int32Array(size * 2);
    for (let i = 0; i < this.count; i++) {
      slots[i] = this.slots[(this.head + i) & (size - 1)]!;
      gens[i] = this.gens[(this.head + i) & (size - 1)]!;
    }
    this.slots = slots;
    this.gens = gens;
    this.head = 0;
  }
}
