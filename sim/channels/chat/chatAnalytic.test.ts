import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../../scenarios/loadScenario.js';
import type { ScenarioModel } from '../../../scenarios/ScenarioModel.js';
import { erlangAStationary } from '../../analytic/erlangA.js';
import { runBatch } from '../../engine/BatchDriver.js';
import { createModelRun } from '../../ModelRun.js';
import { scenarioText } from '../../testing/scenarioText.js';

// The chat channel against queueing truth. One message per session, exponential reply work and
// exponential first-response patience make a session an M/M/c+M customer whose service is its one
// reply; an agent with k slots at stretch factor 1 is k servers:
// - k = 1: Erlang A with n servers; k slots and factor 1: Erlang A with n·k servers;
// - one agent with stretch factors f(j): the birth-death chain with death rate j·mu/f(j) for j <= k
//   sessions held and k·mu/f(k) + (j - k)·theta above (computed here, independently of the engine).
// Stationary figures over days 2..DAYS (day 1 is the warm-up from empty); the tolerance is 4
// standard errors of the mean over replications, plus a small allowance for the truncated chain.

const DAYS = 4;
const REPLICATIONS = 12;

interface ChatCase {
  agents: number;
  maxChats: number;
  factors?: number[];
  sessionsPerDay: number;
  replyMeanMin: number;
  patienceMeanMin: number;
}

function chatScenario(c: ChatCase): ScenarioModel {
  const text = scenarioText('stationary-mmc', (f) => {
    f.calendar.days = DAYS;
    f.channels.phone.demand.callsPerDay = 0;
    f.agents.groups[0] = {
      name: 'chat-desk',
      skills: ['chat', 'phone'],
      maxChats: c.maxChats,
      staffing: { kind: 'constant', agents: c.agents },
    };
    f.channels.chat = {
      hours: '24/7',
      demand: { sessionsPerDay: c.sessionsPerDay, intradayShape: Array(48).fill(1) },
      replyTime: { kind: 'exponential', mean: `${c.replyMeanMin}m` },
      patience: { kind: 'exponential', mean: `${c.patienceMeanMin}m` },
      ...(c.factors ? { concurrencyFactors: c.factors } : {}),
      targets: { firstResponse: { variant: 'slOffered', threshold: '1m', goal: 0.8 } },
    };
  });
  return loadScenarioText(text, 'chat-analytic.json');
}

interface Observed {
  abandonShare: number;
  meanQueue: number;
  meanInService: number;
}

function simulate(scenario: ScenarioModel): { mean: Observed; se: Observed } {
  const runs: Observed[] = [];
  for (let r = 0; r < REPLICATIONS; r++) {
    const run = createModelRun(scenario, { seed: 'chat-analytic', replication: r, mode: 'batch' });
    runBatch(run.simulation);
    const c = run.processes.chat!.counters;
    const from = scenario.calendar.intervalsPerDay;
    const sum = (a: Float64Array) => a.slice(from).reduce((x, y) => x + y, 0);
    const spanS = (c.intervals - from) * scenario.calendar.intervalS;
    runs.push({
      abandonShare: sum(c.abandoned) / (sum(c.abandoned) + sum(c.assigned)),
      meanQueue: sum(c.queueAreaS) / spanS,
      meanInService: sum(c.sessionS) / spanS,
    });
  }
  const stat = (pick: (o: Observed) => number) => {
    const xs = runs.map(pick);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1));
    return { mean, se: sd / Math.sqrt(xs.length) };
  };
  const a = stat((o) => o.abandonShare);
  const q = stat((o) => o.meanQueue);
  const s = stat((o) => o.meanInService);
  return {
    mean: { abandonShare: a.mean, meanQueue: q.mean, meanInService: s.mean },
    se: { abandonShare: a.se, meanQueue: q.se, meanInService: s.se },
  };
}

/** Stationary truth of a birth-death chain given its death rates (truncated where the mass is gone). */
function chainTruth(lambda: number, death: (n: number) => number, servers: number, theta: number): Observed {
  const pi: number[] = [1];
  for (let n = 1; n < 5000; n++) {
    pi.push((pi[n - 1]! * lambda) / death(n));
    if (n > servers && pi[n]! < 1e-18 * pi.reduce((a, b) => Math.max(a, b))) break;
  }
  return truthOf(Float64Array.from(pi), lambda, servers, theta);
}

function truthOf(weights: Float64Array, lambda: number, servers: number, theta: number): Observed {
  const total = weights.reduce((a, b) => a + b, 0);
  let queue = 0;
  let inService = 0;
  weights.forEach((w, n) => {
    queue += (Math.max(n - servers, 0) * w) / total;
    inService += (Math.min(n, servers) * w) / total;
  });
  return { abandonShare: (theta * queue) / lambda, meanQueue: queue, meanInService: inService };
}

function expectAgreement(sim: { mean: Observed; se: Observed }, truth: Observed) {
  for (const key of ['abandonShare', 'meanQueue', 'meanInService'] as const) {
    const tolerance = 4 * sim.se[key] + 0.01 * Math.abs(truth[key]) + 1e-4;
    expect(
      Math.abs(sim.mean[key] - truth[key]),
      `${key}: sim ${sim.mean[key]} vs ${truth[key]}`,
    ).toBeLessThanOrEqual(tolerance);
  }
}

const perS = (perDay: number) => perDay / 86_400;
const rateOfMin = (min: number) => 1 / (min * 60);

describe('chat against queueing truth', () => {
  it('one slot per agent is Erlang A (M/M/n+M)', () => {
    const c: ChatCase = {
      agents: 10,
      maxChats: 1,
      sessionsPerDay: 2448,
      replyMeanMin: 5,
      patienceMeanMin: 4,
    };
    const lambda = perS(c.sessionsPerDay);
    const pi = erlangAStationary(lambda, rateOfMin(c.replyMeanMin), rateOfMin(c.patienceMeanMin), c.agents);
    const truth = truthOf(pi, lambda, c.agents, rateOfMin(c.patienceMeanMin));
    expect(truth.abandonShare).toBeGreaterThan(0.01); // the case has abandonment to measure
    expectAgreement(simulate(chatScenario(c)), truth);
  });

  it('k slots at stretch factor 1 are Erlang A with n·k servers', () => {
    const c: ChatCase = {
      agents: 4,
      maxChats: 3,
      sessionsPerDay: 1440,
      replyMeanMin: 10,
      patienceMeanMin: 5,
    };
    const lambda = perS(c.sessionsPerDay);
    const servers = c.agents * c.maxChats;
    const pi = erlangAStationary(lambda, rateOfMin(c.replyMeanMin), rateOfMin(c.patienceMeanMin), servers);
    const truth = truthOf(pi, lambda, servers, rateOfMin(c.patienceMeanMin));
    expect(truth.abandonShare).toBeGreaterThan(0.01);
    expectAgreement(simulate(chatScenario(c)), truth);
  });

  it('one agent with stretch factors [1, 1.15, 1.4] is the birth-death chain with state-dependent service', () => {
    const factors = [1, 1.15, 1.4];
    const c: ChatCase = {
      agents: 1,
      maxChats: 3,
      factors,
      sessionsPerDay: 288,
      replyMeanMin: 8,
      patienceMeanMin: 6,
    };
    const lambda = perS(c.sessionsPerDay);
    const mu = rateOfMin(c.replyMeanMin);
    const theta = rateOfMin(c.patienceMeanMin);
    const death = (n: number) => {
      const j = Math.min(n, 3);
      return (j * mu) / factors[j - 1]! + Math.max(n - 3, 0) * theta;
    };
    const truth = chainTruth(lambda, death, 3, theta);
    // The stretch matters: the same case without it (Erlang A, 3 servers) is measurably different.
    const flat = truthOf(erlangAStationary(lambda, mu, theta, 3), lambda, 3, theta);
    expect(truth.meanInService - flat.meanInService).toBeGreaterThan(0.05);
    expectAgreement(simulate(chatScenario(c)), truth);
  });
});
