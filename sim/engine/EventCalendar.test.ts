import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventCalendar } from './EventCalendar.js';

describe('EventCalendar', () => {
  it('pops in (time, sequence) order whatever the insertion order, growing past its capacity', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 300 }), (times) => {
        const calendar = new EventCalendar(4);
        times.forEach((t, i) => {
          calendar.schedule(t, 1, i);
        });
        const popped: [number, number][] = [];
        while (calendar.length > 0) {
          calendar.pop();
          popped.push([calendar.current.time, calendar.current.int]);
        }
        const expected = times
          .map((t, i) => [t, i] as [number, number])
          .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        expect(popped).toEqual(expected);
      }),
    );
  });

  it('pops what a sorted list would pop, under any interleaving of schedules and pops', () => {
    // Each op: a time to schedule (0..9, so ties abound) or null for a pop. The model is a plain
    // array kept sorted by (time, sequence), the order the calendar promises.
    const op = fc.option(fc.integer({ min: 0, max: 9 }), { nil: null, freq: 3 });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), (ops) => {
        const calendar = new EventCalendar(2);
        const model: [number, number][] = [];
        let seq = 0;
        for (const time of ops) {
          if (time !== null) {
            calendar.schedule(time, 3, seq, time / 2);
            model.push([time, seq++]);
            model.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
          } else if (model.length > 0) {
            expect(calendar.peekTime()).toBe(model[0]![0]);
            expect(calendar.pop()).toBe(3);
            const [t, s] = model.shift()!;
            expect([calendar.current.time, calendar.current.int, calendar.current.float]).toEqual([
              t,
              s,
              t / 2,
            ]);
          }
          expect(calendar.length).toBe(model.length);
        }
      }),
    );
  });

  it('keeps order when scheduling while popping (events at the same time fire first-scheduled first)', () => {
    const calendar = new EventCalendar(2);
    calendar.schedule(5, 1, 0);
    calendar.schedule(5, 1, 1);
    calendar.pop();
    calendar.schedule(5, 2, 2);
    calendar.schedule(3, 2, 3);
    const order: number[] = [];
    while (calendar.length > 0) {
      calendar.pop();
      order.push(calendar.current.int);
    }
    expect(order).toEqual([3, 1, 2]);
    expect(calendar.peekTime()).toBe(Number.POSITIVE_INFINITY);
  });
});
