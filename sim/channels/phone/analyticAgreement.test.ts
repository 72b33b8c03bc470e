import { describe, expect, it } from 'vitest';
import { erlangA } from '../../analytic/erlangA.js';
import { erlangB } from '../../analytic/erlangB.js';
import { erlangC } from '../../analytic/erlangC.js';
import { WAIT_BUCKETS } from '../../metrics/WaitHistogram.js';
import { summarizeValues } from '../../replications/summarizeReplications.js';
import { scenarioModel, total } from '../../testing/scenarioText.js';
import { simulatePhone } from './simulatePhone.js';

// The simulator against the analytic models on stationary M/M/c scenarios. Each replication starts
// empty; the first two hours are dropped as warm-up, and the remaining bias is covered by a stated
// allowance on top of the 95% CI of the replication means (fixed seeds: these tests are deterministic).
const REPLICATIONS = 20;
const DAYS = 2;
const WARMUP_INTERVALS = 4;
const LAMBDA = 100 / 1800;
const AHT = 180;

interface Estimates {
  pWait: number[];
  asa: number[];
  slAnswered: number[];
  slOffered: number[];
  pAbandon: number[];
  occupancy: number[];
  blocked: number[];
}

function estimate(change: Parameters<typeof scenarioModel>[1]): Estimates {
  const model = scenarioModel('stationary-mmc', (f) => {
    f.calendar.days = DAYS;
    change?.(f);
  });
  const out: Estimates = {
    pWait: [],
    asa: [],
    slAnswered: [],
    slOffered: [],
    pAbandon: [],
    occupancy: [],
    blocked: [],
  };
  const from = WARMUP_INTERVALS;
  for (let r = 0; r < REPLICATIONS; r++) {
    const c = simulatePhone(model, 2024, r);
    const to = c.intervals;
    const answered = total(c.answered, from, to);
    const abandoned = total(c.abandoned, from, to);
    let zeroWait = 0;
    for (let i = from; i < to; i++) zeroWait += c.waitHistogram[i * WAIT_BUCKETS]!;
    const reachedQueue = answered + abandoned;
    // P(wait): contacts that did not get an agent at once, among those that reached the queue.
    out.pWait.push(1 - zeroWait / reachedQueue);
    out.asa.push(total(c.waitSumAnsweredS, from, to) / answered);
    out.slAnswered.push(total(c.answeredWithinT, from, to) / answered);
    out.slOffered.push(total(c.answeredWithinT, from, to) / reachedQueue);
    out.pAbandon.push(abandoned / reachedQueue);
    out.occupancy.push(total(c.busyAgentS, from, to) / total(c.onDutyAgentS, from, to));
    out.blocked.push(total(c.blocked, from, to) / total(c.offered, from, to));
  }
  return out;
}

function expectWithin(samples: number[], truth: number, biasAllowance: number, label: string) {
  const s = summarizeValues(samples);
  const half = (s.ci95![1] - s.ci95![0]) / 2;
  const gap = Math.abs(s.mean! - truth);
  if (process.env.HOTLINE_TEST_VERBOSE)
    console.log(`${label}: sim ${s.mean!.toFixed(5)} ±${half.toFixed(5)} vs analytic ${truth.toFixed(5)}`);
  expect(
    gap,
    `${label}: sim ${s.mean!.toFixed(5)} ±${half.toFixed(5)} vs analytic ${truth.toFixed(5)}`,
  ).toBeLessThanOrEqual(half + biasAllowance);
}

describe('simulator vs analytic models', () => {
  it('M/M/c without abandonment matches Erlang C (P(wait), ASA, SL, occupancy)', () => {
    const sim = estimate((f) => (f.channels.phone.patience = '366d'));
    const truth = erlangC({ arrivalRatePerS: LAMBDA, meanHandleTimeS: AHT, agents: 14, thresholdS: 20 });
    if (!truth.stable) throw new Error('unstable');
    expectWithin(sim.pWait, truth.pWait, 0.005, 'P(wait)');
    expectWithin(sim.asa, truth.asaS, 0.2, 'ASA');
    expectWithin(sim.slAnswered, truth.serviceLevel.slAnswered, 0.005, 'slAnswered');
    expectWithin(sim.occupancy, truth.occupancy, 0.003, 'occupancy');
    expect(Math.max(...sim.pAbandon)).toBe(0);
  });

  it('M/M/c+M with exponential patience matches Erlang A (P(abandon), ASA, SL)', () => {
    const sim = estimate(undefined);
    const truth = erlangA({
      arrivalRatePerS: LAMBDA,
      meanHandleTimeS: AHT,
      agents: 14,
      thresholdS: 20,
      meanPatienceS: 300,
    });
    expectWithin(sim.pAbandon, truth.pAbandon, 0.001, 'P(abandon)');
    expectWithin(sim.asa, truth.asaS, 0.2, 'ASA');
    expectWithin(sim.slOffered, truth.serviceLevel.slOffered, 0.005, 'slOffered');
    expectWithin(sim.slAnswered, truth.serviceLevel.slAnswered, 0.005, 'slAnswered');
    expectWithin(sim.pWait, truth.pWait, 0.005, 'P(wait)');
  });

  it('M/M/c+M in overload (8 agents for 10 Erlangs) matches Erlang A', () => {
    const sim = estimate((f) => (f.agents.groups[0]!.staffing = { kind: 'constant', agents: 8 }));
    const truth = erlangA({
      arrivalRatePerS: LAMBDA,
      meanHandleTimeS: AHT,
      agents: 8,
      thresholdS: 20,
      meanPatienceS: 300,
    });
    expectWithin(sim.pAbandon, truth.pAbandon, 0.003, 'P(abandon)');
    expectWithin(sim.asa, truth.asaS, 1, 'ASA');
    expectWithin(sim.slOffered, truth.serviceLevel.slOffered, 0.005, 'slOffered');
  });

  it('trunk lines with no queue match Erlang B blocking', () => {
    const sim = estimate((f) => {
      f.channels.phone.trunkLines = 12;
      f.agents.groups[0]!.staffing = { kind: 'constant', agents: 20 };
    });
    expectWithin(sim.blocked, erlangB(10, 12), 0.002, 'blocking');
    expect(Math.max(...sim.pWait)).toBe(0);
  });
});

describe('priority classes', () => {
  it('non-preemptive priority on M/M/c matches Cobham: W_k = C/(c mu) / ((1 - s_{k-1})(1 - s_k))', () => {
    const model = scenarioModel('stationary-mmc', (f) => {
      f.calendar.days = DAYS;
      f.channels.phone.patience = '366d';
      f.agents.groups[0]!.staffing = { kind: 'constant', agents: 12 };
      f.channels.phone.priorityClasses = [
        { name: 'low', share: 0.7, priority: 0 },
        { name: 'high', share: 0.3, priority: 1 },
      ];
    });
    const high: number[] = [];
    const low: number[] = [];
    for (let r = 0; r < REPLICATIONS; r++) {
      const c = simulatePhone(model, 77, r);
      // Classes are kept in priority order: index 0 is "high".
      high.push(c.byClass.waitSumAnsweredS[0]! / c.byClass.answered[0]!);
      low.push(c.byClass.waitSumAnsweredS[1]! / c.byClass.answered[1]!);
      expect(c.byClass.answered[0]! + c.byClass.answered[1]!).toBe(total(c.answered));
    }
    const erlang = erlangC({ arrivalRatePerS: LAMBDA, meanHandleTimeS: AHT, agents: 12, thresholdS: 20 });
    if (!erlang.stable) throw new Error('unstable');
    const base = erlang.pWait / (12 / AHT);
    const sigmaHigh = (0.3 * LAMBDA * AHT) / 12;
    const sigmaAll = (LAMBDA * AHT) / 12;
    // Start-empty bias is larger at 83% load; the allowance is 5% of each mean wait.
    expectWithin(high, base / (1 - sigmaHigh), 0.05 * (base / (1 - sigmaHigh)), 'ASA high');
    expectWithin(
      low,
      base / ((1 - sigmaHigh) * (1 - sigmaAll)),
      0.05 * (base / ((1 - sigmaHigh) * (1 - sigmaAll))),
      'ASA low',
    );
  });
  it('classes of equal priority share one FCFS line: each waits as M/M/c FCFS, W = C / (c mu - lambda)', () => {
    const model = scenarioModel('stationary-mmc', (f) => {
      f.calendar.days = DAYS;
      f.channels.phone.patience = '366d';
      f.agents.groups[0]!.staffing = { kind: 'constant', agents: 12 };
      // Listed first, so a queue kept in class order would answer "first" ahead of "second".
      f.channels.phone.priorityClasses = [
        { name: 'first', share: 0.7, priority: 1 },
        { name: 'second', share: 0.3, priority: 1 },
      ];
    });
    const first: number[] = [];
    const second: number[] = [];
    for (let r = 0; r < REPLICATIONS; r++) {
      const c = simulatePhone(model, 78, r);
      first.push(c.byClass.waitSumAnsweredS[0]! / c.byClass.answered[0]!);
      second.push(c.byClass.waitSumAnsweredS[1]! / c.byClass.answered[1]!);
    }
    const erlang = erlangC({ arrivalRatePerS: LAMBDA, meanHandleTimeS: AHT, agents: 12, thresholdS: 20 });
    if (!erlang.stable) throw new Error('unstable');
    const fcfs = erlang.pWait / (12 / AHT - LAMBDA);
    // Class order would give "first" C/(c mu)/(1 - 0.7 rho), about half of this; "second" far more.
    expectWithin(first, fcfs, 0.05 * fcfs, 'ASA first');
    expectWithin(second, fcfs, 0.05 * fcfs, 'ASA second');
  });
});
