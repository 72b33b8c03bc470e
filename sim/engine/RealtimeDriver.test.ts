import { describe, expect, it } from 'vitest';
import { ManualTime } from '../testing/ManualTime.js';
import { createModelClock } from './ModelClock.js';
import { RealtimeDriver } from './RealtimeDriver.js';
import { Simulation } from './Simulation.js';

// The real-time driver with an injected wall clock and timers: what it arms, and that events run at
// their own model times however late the timer fires.

function setup(timeScale: number) {
  const time = new ManualTime();
  const clock = createModelClock(0, timeScale, time.wallNowMs);
  const simulation = new Simulation({ intervalS: 1800, intervals: 48, cyclic: true });
  const seen: { kind: number; t: number; wallMs: number; interval: number }[] = [];
  const base = simulation.register({
    handle: (kind, t) => seen.push({ kind, t, wallMs: time.nowMs, interval: simulation.interval }),
  });
  simulation.start(0);
  const driver = new RealtimeDriver(simulation, clock, time);
  clock.start();
  return { time, clock, simulation, driver, seen, base };
}

describe('RealtimeDriver', () => {
  it('arms one timer for the earliest event, at its wall instant (model time / time scale)', () => {
    const { time, simulation, driver, seen, base } = setup(60);
    simulation.calendar.schedule(120, base | 2);
    simulation.calendar.schedule(60, base | 1);
    driver.rearm();
    expect(time.pendingTimers).toBe(1);
    time.advance(999); // 59.94 model s: nothing due yet
    expect(seen).toEqual([]);
    time.advance(1); // 60 model s
    expect(seen).toEqual([{ kind: 1, t: 60, wallMs: 1000, interval: 0 }]);
    time.advance(1000);
    expect(seen.map((s) => [s.kind, s.t, s.wallMs])).toEqual([
      [1, 60, 1000],
      [2, 120, 2000],
    ]);
  });

  it('a late wake-up runs every due event in (time, sequence) order, each at its own model time', () => {
    const { time, simulation, driver, seen, base } = setup(1);
    for (const t of [30, 10, 20, 10]) simulation.calendar.schedule(t, base | (t === 10 ? 3 : 4));
    // The process was busy: no timer fired; 100 s later something calls runDue.
    time.nowMs = 100_000;
    driver.runDue();
    expect(seen.map((s) => s.t)).toEqual([10, 10, 20, 30]);
    expect(simulation.now).toBe(100);
  });

  it('interval boundaries are events too: the interval follows model time and wraps when cyclic', () => {
    const { time, simulation, driver } = setup(3600);
    time.advance(500); // 1,800 model s: the first boundary
    expect(simulation.interval).toBe(1);
    time.advance(47 * 500); // the end of the horizon
    expect(simulation.interval).toBe(0);
    driver.stop();
  });

  it('act runs what is due before the action and arms for what the action scheduled', () => {
    const { time, simulation, driver, seen, base } = setup(1);
    simulation.calendar.schedule(5, base | 1);
    time.nowMs = 6000;
    const at = driver.act((now) => {
      simulation.calendar.schedule(now + 4, base | 2);
      return now;
    });
    expect(at).toBe(6);
    expect(seen.map((s) => s.kind)).toEqual([1]);
    time.advance(4000);
    expect(seen.map((s) => [s.kind, s.t])).toEqual([
      [1, 5],
      [2, 10],
    ]);
  });

  it('stop leaves no timer and runs nothing more', () => {
    const { time, simulation, driver, seen, base } = setup(1);
    simulation.calendar.schedule(1, base | 1);
    driver.rearm();
    driver.stop();
    expect(time.pendingTimers).toBe(0);
    time.advance(10_000);
    driver.runDue();
    expect(seen).toEqual([]);
  });
});
