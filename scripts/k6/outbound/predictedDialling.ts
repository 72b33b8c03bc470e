// How many dials the campaign has in progress at once during a replay window, as the simulator's
// replication 0 of the seed has them: the mocks' own run up to the window (their warm start) and
// the simulator's continuation of it. The callee service is sized on it (a VU per line held), so a
// busy-hour window does not start hundreds of idle k6 VUs. Node only (runs the model).
import type { ScenarioModel } from '../../../scenarios/ScenarioModel.js';
import { runUntil } from '../../../sim/engine/BatchDriver.js';
import { createModelRun } from '../../../sim/ModelRun.js';

/** The most dials in progress at once in [startS, endS) of replication 0 of `seed`. */
export function predictedPeakDialling(
  scenario: ScenarioModel,
  seed: number | string,
  startS: number,
  endS: number,
): number {
  let inProgress = 0;
  let peak = 0;
  const run = createModelRun(scenario, {
    seed,
    replication: 0,
    mode: 'batch',
    observers: {
      outbound: {
        dialStarted: (_id, _agent, _attempt, atS) => {
          inProgress++;
          if (atS >= startS) peak = Math.max(peak, inProgress);
        },
        dialEnded: () => {
          inProgress--;
        },
      },
    },
  });
  runUntil(run.simulation, startS);
  peak = inProgress; // the dials the window starts with
  runUntil(run.simulation, endS);
  return peak;
}
