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
