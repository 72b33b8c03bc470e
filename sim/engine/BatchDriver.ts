import type { Simulation } from './Simulation.js';

/** Runs a simulation as fast as it can, from its start to its horizon (or until no event is left). */
export function runBatch(simulation: Simulation): void {
  const calendar = simulation.calendar;
  while (!simulation.ended && calendar.length > 0) simulation.step();
}

/**
 * Runs as fast as it can every event due by model time `t` (as the real-time driver's `runDue(t)`
 * would, in the same order), then makes `t` the model time now. The warm start of the mocks: the
 * model's own morning up to the window start, after which the real-time driver takes over.
 */
export function runUntil(simulation: Simulation, t: number): void {
  const calendar = simulation.calendar;
  while (!simulation.ended && calendar.length > 0 && calendar.peekTime() <= t) simulation.step();
  if (t > simulation.now) simulation.advance(t);
}
