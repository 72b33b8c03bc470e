import { describe, expect, it } from 'vitest';
import { erlangC } from '../../analytic/erlangC.js';
import { runBatch } from '../../engine/BatchDriver.js';
import { createModelRun } from '../../ModelRun.js';
import { total } from '../../testing/scenarioText.js';
import { withEmail } from './testing.js';

// A dedicated e-mail desk around the clock with Poisson arrivals and exponential handle times is
// M/M/c: the mean wait in the backlog (receipt to an agent opening the e-mail) and the mean number
// waiting are Erlang C's. Stationary figures over days 2..DAYS (day 1 is the warm-up from an empty
// backlog); tolerance: 4 standard errors of the mean over replications plus 2% of the truth.

const DAYS = 15;
const REPLICATIONS = 20;

interface DeskCase {
  agents: number;
  emailsPerDay: number;
  handleMeanMin: number;
}

function simulate(c: DeskCase) {
  const scenario = withEmail(
    {
      workingHours: '24/7',
      demand: { emailsPerDay: c.emailsPerDay, intradayShape: Array(48).fill(1) },
      handleTime: { kind: 'exponential', mean: `${c.handleMeanMin}m` },
    },
    {
      days: DAYS,
      callsPerDay: 0,
      groups: [
        { name: 'operators', skills: ['phone'], staffing: { kind: 'constant', agents: 0 } },
        { name: 'mail-desk', skills: ['email'], staffing: { kind: 'constant', agents: c.agents } },
      ],
    },
  );
  const from = scenario.calendar.intervalsPerDay;
  const waits: number[] = [];
  const queues: number[] = [];
  for (let r = 0; r < REPLICATIONS; r++) {
    const run = createModelRun(scenario, { seed: 'email-analytic', replication: r, mode: 'batch' });
    runBatch(run.simulation);
    const counters = run.processes.email!.counters;
    waits.push(total(counters.waitSumS, from) / total(counters.started, from));
    queues.push(total(counters.waitingAreaS, from) / ((DAYS - 1) * 86_400));
  }
  return { wait: meanAndSe(waits), queue: meanAndSe(queues) };
}

function meanAndSe(xs: number[]) {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1));
  return { mean, se: sd / Math.sqrt(xs.length) };
}

describe('a dedicated 24/7 e-mail desk against Erlang C', () => {
  it.each([
    { agents: 5, emailsPerDay: 192, handleMeanMin: 30 },
    { agents: 12, emailsPerDay: 1440, handleMeanMin: 10 },
  ])('$agents agents, $emailsPerDay e-mails a day, $handleMeanMin min: mean wait and mean backlog', (c) => {
    const truth = erlangC({
      arrivalRatePerS: c.emailsPerDay / 86_400,
      meanHandleTimeS: c.handleMeanMin * 60,
      agents: c.agents,
      thresholdS: 0,
    });
    if (!truth.stable) throw new Error('the case must be stable');
    expect(truth.pWait).toBeGreaterThan(0.3); // a queue to measure
    const sim = simulate(c);
    expect(Math.abs(sim.wait.mean - truth.asaS)).toBeLessThanOrEqual(4 * sim.wait.se + 0.02 * truth.asaS);
    expect(Math.abs(sim.queue.mean - truth.meanQueueLength)).toBeLessThanOrEqual(
      4 * sim.queue.se + 0.02 * truth.meanQueueLength,
    );
  });
});
