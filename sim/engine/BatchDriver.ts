import type { Simulation } from './Simulation.js';

/** Runs a simulation as fast as it can, from its start to its horizon (or until no event is left). */
export function runBatch(simulation: Simulation): void {
  const calendar = simulation.calendar;
  while (!simulation.ended && calendar.length > 0) simulation.step();
}
