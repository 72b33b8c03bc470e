// Test support for the k6 end-to-end tests: what the simulator predicts for a replayed window. Not
// product code.
import { simulateScenario } from '../../../sim/simulateScenario.js';
import { meanAndSd } from './meanAndSd.js';

/**
 * The simulator's spread over replications of one window's phone figures (one replay is one more
 * sample): slOffered, abandonment and ASA over the first `intervals` intervals, each interval weighted
 * by its handled (answered + abandoned) or answered calls.
 */
export async function predictedPhoneWindow(file: string, text: string, intervals: number, replications = 40) {
  const sim = await simulateScenario({ text, file, options: {} }, { replications, seed: 1 });
  const windows = sim.perReplication.map((r) => {
    let handled = 0;
    let withinT = 0;
    let abandoned = 0;
    let answered = 0;
    let waitSum = 0;
    for (const m of r.channels.phone!.intervals.slice(0, intervals)) {
      const h = m.answered! + m.abandoned!;
      handled += h;
      withinT += (m.slOffered ?? 0) * h;
      abandoned += m.abandoned!;
      answered += m.answered!;
      waitSum += (m.asaS ?? 0) * m.answered!;
    }
    return { sl: withinT / handled, abandon: abandoned / handled, asa: waitSum / answered };
  });
  return {
    sl: meanAndSd(windows.map((w) => w.sl)),
    abandon: meanAndSd(windows.map((w) => w.abandon)),
    asa: meanAndSd(windows.map((w) => w.asa)),
  };
}
