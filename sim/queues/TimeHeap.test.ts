import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TimeHeap } from './TimeHeap.js';

describe('TimeHeap', () => {
  it('pops in ascending order under any interleaving of pushes, pops and popUntil, growing as needed', () => {
    const op = fc.oneof(
      { arbitrary: fc.integer({ min: 0, max: 50 }).map((push) => ({ push })), weight: 4 },
      { arbitrary: fc.constant({ pop: true as const }), weight: 2 },
      { arbitrary: fc.integer({ min: 0, max: 50 }).map((until) => ({ until })), weight: 1 },
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 500 }), (ops) => {
        const heap = new TimeHeap();
        const model: number[] = []; // kept sorted
        for (const o of ops) {
          if ('push' in o) {
            heap.push(o.push);
            model.push(o.push);
            model.sort((a, b) => a - b);
          } else if ('pop' in o) {
            if (model.length === 0) continue;
            expect(heap.pop()).toBe(model.shift());
          } else {
            const gone = model.filter((t) => t <= o.until).length;
            expect(heap.popUntil(o.until)).toBe(gone);
            model.splice(0, gone);
          }
          expect(heap.length).toBe(model.length);
          expect(heap.peek()).toBe(model.length === 0 ? Number.POSITIVE_INFINITY : model[0]);
        }
      }),
    );
  });
});
