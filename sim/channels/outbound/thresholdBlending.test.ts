import { describe, expect, it } from 'vitest';
import { WAIT_BUCKETS } from '../../metrics/WaitHistogram.js';
import { summarizeValues } from '../../replications/summarizeReplications.js';
import { simulateReplication } from '../../simulateReplication.js';
import { total } from '../../testing/scenarioText.js';
import { blendedScenario, outboundFragment } from './testing.js';

// The blended inbound/outbound line against its continuous-time Markov chain. With exponential
// handle times of one mean for both kinds of call, the state (busy agents n, inbound queue q) is
// Markov: who is on which kind of call does not matter. The chain below is written from the policy
// alone and solved numerically (Gauss-Seidel on the truncated generator); the simulator must agree
// on inbound P(wait > 0) and outbound calls completed per hour, within the 95% CI of replications.
const AGENTS = 14;
const LAMBDA = 100 / 1800; // stationary-mmc: 100 calls per 30 minutes
const MU = 1 / 180; // inbound and outbound talk time: exponential, mean 180 s
const QUEUE_CAP = 400; // truncation: the queue's tail beyond it is below 1e-40 here
const REPLICATIONS = 20;
const DAYS = 2;
const WARMUP_INTERVALS = 4;

interface ChainTruth {
  pWait: number;
  outboundPerHour: number;
}

/**
 * Stationary distribution of the blended line with threshold T (infinite list, p = 1, no patience):
 * an arrival takes an idle agent or queues; a completion with a queue takes the next caller; without
 * one, the freed agent dials when at least T others stay idle (the state keeps n), else it idles.
 */
function solveBlendingChain(threshold: number): ChainTruth {
  // States 0..AGENTS: (n, 0); AGENTS + q: (AGENTS, q) for q = 1..QUEUE_CAP.
  const size = AGENTS + QUEUE_CAP + 1;
  const busy = (s: number) => Math.min(s, AGENTS);
  const queue = (s: number) => Math.max(0, s - AGENTS);
  // Incoming transitions per state: from, rate.
  const into: { from: number; rate: number }[][] = Array.from({ length: size }, () => []);
  const out = new Float64Array(size);
  const add = (from: number, to: number, rate: number) => {
    if (from === to || rate === 0) return;
    into[to]!.push({ from, rate });
    out[from]! += rate;
  };
  for (let s = 0; s < size; s++) {
    const n = busy(s);
    const q = queue(s);
    if (s + 1 < size) add(s, s + 1, LAMBDA); // arrival: an idle agent, or one more in queue
    if (q > 0) add(s, s - 1, n * MU);
    else if (AGENTS - n < threshold) add(s, s - 1, n * MU); // too few others idle: the agent idles
    // else: the freed agent dials at once, n unchanged (no transition).
  }
  const pi = new Float64Array(size).fill(1 / size);
  for (let sweep = 0; sweep < 100_000; sweep++) {
    let change = 0;
    for (let s = 0; s < size; s++) {
      if (out[s] === 0) continue;
      let inflow = 0;
      for (const { from, rate } of into[s]!) inflow += pi[from]! * rate;
      const next = inflow / out[s]!;
      change = Math.max(change, Math.abs(next - pi[s]!));
      pi[s] = next;
    }
    const sum = pi.reduce((a, b) => a + b, 0);
    for (let s = 0; s < size; s++) pi[s]! /= sum;
    if (change < 1e-14) break;
  }
  let pWait = 0;
  for (let s = AGENTS; s < size; s++) pWait += pi[s]!; // PASTA: arrivals see every agent busy
  // Outbound dials start (and, in steady state, complete) at completions without a queue that leave
  // at least T other agents idle.
  let dialRate = 0;
  for (let n = 0; n <= AGENTS; n++) if (AGENTS - n >= threshold) dialRate += pi[n]! * n * MU;
  return { pWait, outboundPerHour: dialRate * 3600 };
}

function simulateBlending(threshold: number) {
  const model = blendedScenario(
    outboundFragment({
      campaign: { numbersPerDay: 1_000_000, window: '24/7' },
      connectProbability: 1,
      talkTime: { kind: 'exponential', mean: '180s' },
      reserveIdleAgents: threshold,
    }),
    (f) => {
      f.calendar.days = DAYS;
      f.channels.phone.patience = '366d';
    },
  );
  const pWait: number[] = [];
  const perHour: number[] = [];
  for (let r = 0; r < REPLICATIONS; r++) {
    const { phone, outbound } = simulateReplication(model, 2026, r);
    const from = WARMUP_INTERVALS;
    const to = phone!.intervals;
    let zeroWait = 0;
    for (let i = from; i < to; i++) zeroWait += phone!.waitHistogram[i * WAIT_BUCKETS]!;
    pWait.push(1 - zeroWait / total(phone!.answered, from, to));
    perHour.push(total(outbound!.completed, from, to) / (((to - from) * 1800) / 3600));
  }
  return { pWait: summarizeValues(pWait), perHour: summarizeValues(perHour) };
}

function expectCovers(
  summary: ReturnType<typeof summarizeValues>,
  truth: number,
  allowance: number,
  label: string,
) {
  const half = (summary.ci95![1] - summary.ci95![0]) / 2;
  const message = `${label}: sim ${summary.mean!.toFixed(5)} ±${half.toFixed(5)} vs chain ${truth.toFixed(5)}`;
  if (process.env.HOTLINE_TEST_VERBOSE) console.log(message);
  expect(Math.abs(summary.mean! - truth), message).toBeLessThanOrEqual(half + allowance);
}

describe('threshold blending vs its Markov chain', () => {
  it.each([1, 3, 5])('T = %i: inbound P(wait) and outbound completions per hour', (threshold) => {
    const truth = solveBlendingChain(threshold);
    const sim = simulateBlending(threshold);
    // Warm-up bias (each replication starts with T idle agents and no queue): a small stated allowance.
    expectCovers(sim.pWait, truth.pWait, 0.005, `T=${threshold} P(wait)`);
    expectCovers(sim.perHour, truth.outboundPerHour, 0.5, `T=${threshold} outbound/h`);
  });

  it('a higher threshold protects inbound and costs outbound throughput (the chain, monotone)', () => {
    const [low, high] = [solveBlendingChain(1), solveBlendingChain(5)];
    expect(high.pWait).toBeLessThan(low.pWait);
    expect(high.outboundPerHour).toBeLessThan(low.outboundPerHour);
    // Busy agents are conserved: inbound load (10 Erlangs) + outbound load = agents busy <= 14.
    expect(10 + (low.outboundPerHour / 3600) * 180).toBeLessThanOrEqual(AGENTS + 1e-9);
  });
});
