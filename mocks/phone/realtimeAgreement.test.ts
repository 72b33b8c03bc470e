import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { erlangA } from '../../sim/analytic/erlangA.js';
import { simulatePhone } from '../../sim/channels/phone/simulatePhone.js';
import { createStream } from '../../sim/rng/createStream.js';
import { total } from '../../sim/testing/scenarioText.js';
import { buildMocks } from '../buildMocks.js';
import { postCall, stationary } from '../testing.js';

// The real-time ACD against the simulator on stationary-mmc (100 calls / 30 min, AHT 180 s,
// exponential patience 5 min). The test fires a Poisson stream of calls for WINDOW_S model seconds at
// SCALE model seconds per wall second (3 wall seconds, ~600 calls) and compares the abandoned share
// and the ASA of that one run with the simulator over the same window from the same empty start.
//
// Tolerance: one mock run is one sample of "a 3-hour window from empty". Its sampling error is the
// spread of that same statistic across simulator replications of the same window (REFERENCE_RUNS of
// them), which already includes Poisson volume noise and the autocorrelation of the queue, so no
// n-based formula has to guess them. We accept |mock - sim mean| <= 4 sd (a false alarm about 1 in
// 10^4 per metric for a normal statistic; the abandon share is skewed, so somewhat more) plus a small
// allowance for real time: calls are stamped when they reach the handler, a few model seconds after
// their planned instant (1 wall ms = 3.6 model s here), which perturbs but does not bias the arrivals.
const SCALE = 3600;
const WINDOW_S = 3 * 3600;
const INTERVAL_S = 1800;
const LAMBDA = 100 / INTERVAL_S;
const REFERENCE_RUNS = 200;
const JITTER_ALLOWANCE = { abandonShare: 0.005, asaS: 2 };

interface WindowStats {
  calls: number;
  abandonShare: number;
  asaS: number;
}

function simulatorReference(agents: number): { mean: WindowStats; sd: WindowStats } {
  const model = stationary({ staffing: { kind: 'constant', agents } });
  const runs: WindowStats[] = [];
  const intervals = WINDOW_S / INTERVAL_S;
  for (let r = 0; r < REFERENCE_RUNS; r++) {
    const c = simulatePhone(model, 'agreement', r);
    const answered = total(c.answered, 0, intervals);
    const abandoned = total(c.abandoned, 0, intervals);
    runs.push({
      calls: answered + abandoned,
      abandonShare: abandoned / (answered + abandoned),
      asaS: total(c.waitSumAnsweredS, 0, intervals) / answered,
    });
  }
  const stat = (pick: (w: WindowStats) => number) => {
    const values = runs.map(pick);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1));
    return { mean, sd };
  };
  const calls = stat((w) => w.calls);
  const abandon = stat((w) => w.abandonShare);
  const asa = stat((w) => w.asaS);
  return {
    mean: { calls: calls.mean, abandonShare: abandon.mean, asaS: asa.mean },
    sd: { calls: calls.sd, abandonShare: abandon.sd, asaS: asa.sd },
  };
}

/** Fires Poisson arrivals at their wall instants through inject; resolves with every response. */
async function replayPoisson(app: FastifyInstance): Promise<WindowStats> {
  const rng = createStream('agreement-client', 'phone.arrivals', 0);
  const plannedS: number[] = [];
  for (let t = -Math.log(1 - rng()) / LAMBDA; t < WINDOW_S; t += -Math.log(1 - rng()) / LAMBDA)
    plannedS.push(t);
  const origin = performance.now();
  const responses = await Promise.all(
    plannedS.map(
      (t) =>
        new Promise<Record<string, unknown>>((resolve, reject) => {
          const delayMs = (t / SCALE) * 1000 - (performance.now() - origin);
          setTimeout(() => postCall(app).then((r) => resolve(r.body), reject), Math.max(0, delayMs));
        }),
    ),
  );
  const answered = responses.filter((r) => r.outcome === 'answered');
  const abandoned = responses.filter((r) => r.outcome === 'abandoned');
  expect(answered.length + abandoned.length).toBe(responses.length);
  return {
    calls: responses.length,
    abandonShare: abandoned.length / responses.length,
    asaS: answered.reduce((a, r) => a + (r.waitS as number), 0) / answered.length,
  };
}

const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

describe('real-time ACD vs the simulator (stationary M/M/c+M)', () => {
  it.each([14, 11])(
    '%i agents: abandoned share and ASA agree within 4 sd of a 3-hour window',
    async (agents) => {
      const reference = simulatorReference(agents);
      const analytic = erlangA({
        arrivalRatePerS: LAMBDA,
        meanHandleTimeS: 180,
        agents,
        thresholdS: 20,
        meanPatienceS: 300,
      });
      const app = await buildMocks(stationary({ staffing: { kind: 'constant', agents } }), {
        timeScale: SCALE,
      });
      apps.push(app);
      const mock = await replayPoisson(app);
      const report =
        `${agents} agents, ${mock.calls} calls: ` +
        `abandon mock ${mock.abandonShare.toFixed(4)} sim ${reference.mean.abandonShare.toFixed(4)}` +
        ` (sd ${reference.sd.abandonShare.toFixed(4)}) steady-state Erlang A ${analytic.pAbandon.toFixed(4)}; ` +
        `ASA mock ${mock.asaS.toFixed(2)} s sim ${reference.mean.asaS.toFixed(2)} s` +
        ` (sd ${reference.sd.asaS.toFixed(2)}) Erlang A ${analytic.asaS.toFixed(2)} s`;
      if (process.env.HOTLINE_TEST_VERBOSE) console.log(report);
      expect(Math.abs(mock.calls - reference.mean.calls), report).toBeLessThanOrEqual(4 * reference.sd.calls);
      expect(Math.abs(mock.abandonShare - reference.mean.abandonShare), report).toBeLessThanOrEqual(
        4 * reference.sd.abandonShare + JITTER_ALLOWANCE.abandonShare,
      );
      expect(Math.abs(mock.asaS - reference.mean.asaS), report).toBeLessThanOrEqual(
        4 * reference.sd.asaS + JITTER_ALLOWANCE.asaS,
      );
    },
  );
});
