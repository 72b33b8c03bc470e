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

  it('pops what a sorted list would pop, under any interleaving of schedules, pops and cancels', () => {
    // Each op: a time to schedule (0..9, so ties abound), a pop, or a cancel of the pending event at
    // some rank. The model is a plain array kept sorted by (time, sequence), the order the calendar
    // promises; a cancelled event must never come out.
    const op = fc.oneof(
      { arbitrary: fc.integer({ min: 0, max: 9 }).map((time) => ({ time })), weight: 3 },
      { arbitrary: fc.constant({ pop: true as const }), weight: 2 },
      { arbitrary: fc.nat(50).map((rank) => ({ cancel: rank })), weight: 1 },
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), (ops) => {
        const calendar = new EventCalendar(2);
        const model: { time: number; seq: number; id: number }[] = [];
        let seq = 0;
        for (const o of ops) {
          if ('time' in o) {
            const id = calendar.schedule(o.time, 3, seq, o.time / 2);
            model.push({ time: o.time, seq: seq++, id });
            model.sort((a, b) => a.time - b.time || a.seq - b.seq);
          } else if (model.length === 0) {
            continue;
          } else if ('pop' in o) {
            expect(calendar.peekTime()).toBe(model[0]!.time);
            expect(calendar.pop()).toBe(3);
            const { time, seq: s } = model.shift()!;
            expect([calendar.current.time, calendar.current.int, calendar.current.float]).toEqual([
              time,
              s,
              time / 2,
            ]);
          } else {
            const [gone] = model.splice(o.cancel % model.length, 1);
            calendar.cancel(gone!.id);
          }
          expect(calendar.length).toBe(model.length);
        }
        while (model.length > 0) {
          calendar.pop();
          expect(calendar.current.int).toBe(model.shift()!.seq);
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
