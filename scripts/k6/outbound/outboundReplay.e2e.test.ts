import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRun } from '../../../results/loadRun.js';
import { loadScenarioText } from '../../../scenarios/loadScenario.js';
import { outboundFragment } from '../../../sim/channels/outbound/testing.js';
import { runUntil } from '../../../sim/engine/BatchDriver.js';
import { createModelRun } from '../../../sim/ModelRun.js';
import { scenarioText } from '../../../sim/testing/scenarioText.js';
import { conditionalPrediction } from '../../cli/conditionalPrediction.js';
import { runLoad } from '../runLoad.js';
import { compareWithPrediction } from '../testing/compareWithPrediction.js';
import { meanAndSd } from '../testing/meanAndSd.js';

// The REAL k6 against the mocks on loopback: stationary-mmc's inbound line (M/M/14, 10 Erlangs, 200
// calls an hour) blended with a campaign (T = 2, connect probability 0.6, 3-minute talks, 20-40 s
// rings, up to 3 attempts), replayed 10:00-11:00 at 120x (30 s of wall time): k6's phone callers and
// k6's callees together, the model dialling. The truth: the mocks' own counts (conservation), the
// binomial law of the callees' answers, and the simulator's spread of the same window.

const P = 0.6;
const WINDOW = [20, 21]; // 10:00-10:30, 10:30-11:00

function blendedText(): string {
  return scenarioText('stationary-mmc', (f) => {
    f.agents.groups[0]!.skills = ['phone', 'outbound'];
    f.channels.outbound = outboundFragment({
      campaign: { numbersPerDay: 3000, window: { mon: ['08:00-20:00'] } },
      connectProbability: P,
    });
  });
}

/** Attempts and numbers reached in the window's intervals per batch replication. */
function predicted(text: string, replications: number) {
  const scenario = loadScenarioText(text, 'outbound-e2e.json');
  const runs = Array.from({ length: replications }, (_, r) => {
    const run = createModelRun(scenario, { seed: 1, replication: r, mode: 'batch' });
    runUntil(run.simulation, run.simulation.horizonS);
    const c = run.processes.outbound!.counters;
    const sum = (xs: Float64Array) => WINDOW.reduce((acc, k) => acc + xs[k]!, 0);
    return {
      attempts: sum(c.attempts),
      completed: sum(c.completed),
      perInterval: WINDOW.map((k) => c.completed[k]!),
    };
  });
  return {
    attempts: meanAndSd(runs.map((r) => r.attempts)),
    completed: meanAndSd(runs.map((r) => r.completed)),
    completedPerInterval: WINDOW.map((_, i) => meanAndSd(runs.map((r) => r.perInterval[i]!))),
  };
}

describe('outbound replay (k6 callees) against the mocks', () => {
  it('claims every dial the model rings, answers a binomial share, and lands in the simulator spread', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hotline-outbound-replay-'));
    const text = blendedText();
    const file = join(dir, 'outbound-e2e.json');
    writeFileSync(file, text);
    const result = await runLoad({
      scenarioFile: file,
      timeScale: 120,
      day: 0,
      from: '10:00',
      to: '11:00',
      segments: 1,
      quiet: true,
      k6StdoutToStderr: true,
      toolVersion: 'test',
      out: join(dir, 'k6-run'),
    });
    const channels = result.summary.channels as Record<string, Record<string, { mean: number | null }>>;
    const outbound = channels.outbound!;
    const facts = result.measurement.channels.outbound!;
    const count = (o: string) => facts.dials.filter((d) => d.outcome === o).length;
    const state = result.mockState as {
      outbound: {
        dials: { completed: number; noAnswer: number };
        callees: Record<
          'rung' | 'claimed' | 'answered' | 'declined' | 'missed' | 'unclaimed' | 'ringingUnclaimed',
          number
        > & { firstUnclaimedAtS: number | null };
      };
    };
    const callees = state.outbound.callees;
    const k6Own = JSON.parse(readFileSync(join(result.saved.folder, 'k6-summary.json'), 'utf8')).metrics;
    const sim = predicted(text, 40);
    console.log(
      JSON.stringify({
        vus: result.profile.channels.outbound!.calleeVus,
        mock: state.outbound,
        k6: {
          claimedAll: k6Own.outbound_dials.count,
          answered: count('answered'),
          declined: count('declined'),
          missed: count('missed'),
          error: count('error'),
          attempts: outbound.attempts!.mean,
          connected: outbound.connected!.mean,
          completed: outbound.completed!.mean,
          failed: outbound.failed!.mean,
          answerDelayS: k6Own.outbound_answer_delay_s,
          phoneSl: channels.phone!.slOffered!.mean,
        },
        sim,
      }),
    );
    expect(Object.keys(result.summary.channels)).toEqual(['phone', 'outbound']);
    // Conservation at the mocks: every dial rung was claimed, rang out unclaimed, or is still ringing;
    // every claimed dial was answered, declined or missed.
    expect(callees.rung).toBe(callees.claimed + callees.unclaimed + callees.ringingUnclaimed);
    expect(callees.claimed).toBe(callees.answered + callees.declined + callees.missed);
    // k6 recorded every dial the mocks handed it, with the same outcome counts (the whole run: the
    // k6 summary counts dials outside the measured window too).
    expect(k6Own.outbound_dials.count).toBe(callees.claimed);
    expect(count('error')).toBe(0);
    // In the measured window: attempts = connected + declined + missed.
    expect(outbound.attempts!.mean).toBe(facts.dials.length);
    expect(outbound.connected!.mean).toBe(count('answered'));
    expect(facts.dials.length).toBe(count('answered') + count('declined') + count('missed'));
    // The callees kept up: only dials rung after the window (k6 stops claiming; the mocks run on
    // while the last lines are held, until closed) go unclaimed; a late answer (missed) is rare.
    const windowEndS = 11 * 3600;
    expect(callees.firstUnclaimedAtS ?? windowEndS).toBeGreaterThanOrEqual(windowEndS);
    expect(count('missed')).toBeLessThanOrEqual(Math.max(2, 0.03 * facts.dials.length));
    // The callees answer with probability 0.6 whatever else happens: the decision to answer (answered
    // or missed) is Binomial(dials, 0.6); 4 sd.
    const n = facts.dials.length;
    expect(n).toBeGreaterThan(50);
    const decidedToAnswer = count('answered') + count('missed');
    expect(Math.abs(decidedToAnswer - P * n)).toBeLessThanOrEqual(4 * Math.sqrt(n * P * (1 - P)));
    // One replay is one replication: attempts and numbers reached within 4 sd of the simulator's
    // spread, plus 10% for real-time effects (a ring that waits for a claim, a hang-up's latency) and
    // a warm start that is one replication's morning, not the average.
    const near = (value: number, spread: { mean: number; sd: number }) =>
      expect(Math.abs(value - spread.mean)).toBeLessThanOrEqual(4 * spread.sd + 0.1 * spread.mean);
    near(outbound.attempts!.mean!, sim.attempts);
    near(outbound.completed!.mean!, sim.completed);
    // Per interval too (numbers reached in each half hour).
    const run = loadRun(result.saved.folder);
    const series = run.intervals.channels.outbound.completed!.mean;
    const perInterval = WINDOW.map((k) => series[k]!);
    perInterval.forEach((value, i) => {
      near(value, sim.completedPerInterval[i]!);
    });

    // The prediction given the mocks' morning judges outbound on what the callees measure (its
    // headline, the campaign's SL, is the model's): attempts and numbers reached.
    const given = await conditionalPrediction(
      file,
      { seed: 1, day: 1, from: '10:00', to: '11:00' },
      result.summary,
    );
    const judgedOutbound = given.metrics.filter((m) => m.channel === 'outbound');
    console.log(JSON.stringify(judgedOutbound));
    expect(judgedOutbound.map((m) => m.metric)).toEqual(expect.arrayContaining(['attempts', 'completed']));
    expect(judgedOutbound.find((m) => m.metric === 'attempts')!.measured).toBe(outbound.attempts!.mean);

    // The run folder compares with a sim run of the window: outbound rows side by side.
    const printed = compareWithPrediction(file, result.saved.folder, dir, {
      day: 1,
      from: '10:00',
      to: '11:00',
    });
    expect(printed).toMatch(/outbound: dial attempts/);
    expect(printed).toMatch(/outbound: numbers reached/);
  }, 180_000);
});
