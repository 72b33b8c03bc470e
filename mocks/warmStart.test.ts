import { afterEach, describe, expect, it } from 'vitest';
import type { ScenarioModel } from '../scenarios/ScenarioModel.js';
import { runUntil } from '../sim/engine/BatchDriver.js';
import { createModelRun } from '../sim/ModelRun.js';
import { studentT975 } from '../sim/metrics/studentT975.js';
import { ManualTime } from '../sim/testing/ManualTime.js';
import { scenarioModel } from '../sim/testing/scenarioText.js';
import { buildMocks } from './buildMocks.js';
import { postCall, untilHeld } from './phone/testing.js';

// The mocks' warm start: a window that starts mid-day starts with the state the simulator has at
// that instant. The truth is the batch simulator itself (runUntil on a batch run of the same seed and
// replication 0), and over seeds, the spread of its replications. No wall clock: the mocks' clock is
// a ManualTime that is never moved, so the model stands at the window start.

const NINE = 9 * 3600;
const apps: { close(): Promise<unknown> }[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});

function covidMonday(): ScenarioModel {
  return scenarioModel('covid-hotline', (f) => {
    f.calendar.days = 1;
  });
}

interface State {
  queueLength: number;
  agentsBusy: number;
  agentsOnDuty: number;
  trunkLinesBusy: number;
  retrialsPending: number;
  modelTimeS: number;
}

async function mocksState(scenario: ScenarioModel, seed: number, startAtS: number, warmStart = true) {
  const time = new ManualTime();
  const app = await buildMocks(scenario, {
    seed,
    startAtS,
    warmStart,
    wallNowMs: time.wallNowMs,
    timers: time,
  });
  apps.push(app);
  const state = (await app.inject({ method: 'GET', url: '/v1/state' })).json() as State;
  return { app, state };
}

function simulatorState(scenario: ScenarioModel, seed: number, replication: number, atS: number) {
  const run = createModelRun(scenario, { seed, replication, mode: 'batch' });
  runUntil(run.simulation, atS);
  return {
    queueLength: run.processes.phone!.queued,
    agentsBusy: run.agents.agentsBusy,
    agentsOnDuty: run.agents.agentsOnDuty,
    trunkLinesBusy: run.processes.phone!.trunkLinesBusy,
    retrialsPending: run.processes.phone!.pendingRetrials,
    offered: Array.from(run.processes.phone!.counters.offered),
  };
}

function meanCi(values: readonly number[]) {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  return { mean, sd, half: (studentT975(n - 1) * sd) / Math.sqrt(n) };
}

describe('mocks: warm start of a window that starts mid-day', () => {
  it("reaches the simulator's state at the window start (same seed, replication 0)", async () => {
    const scenario = covidMonday();
    for (const [seed, atS] of [
      [1, NINE],
      [4, NINE + 7 * 60],
    ] as const) {
      const { app, state } = await mocksState(scenario, seed, atS);
      const truth = simulatorState(scenario, seed, 0, atS);
      expect(state.modelTimeS).toBe(atS);
      const { offered, ...truthState } = truth;
      const { queueLength, agentsBusy, agentsOnDuty, trunkLinesBusy, retrialsPending } = state;
      expect(
        { queueLength, agentsBusy, agentsOnDuty, trunkLinesBusy, retrialsPending },
        `seed ${seed} at ${atS} s`,
      ).toEqual(truthState);
      // The morning happened in the model, counted as the simulator counts it.
      expect(Array.from(app.hotline.model.run.processes.phone!.counters.offered)).toEqual(offered);
      // None of it is a call of the transport's.
      expect(state).toMatchObject({ pendingCalls: 0, calls: { answered: 0, abandoned: 0 } });
    }
  });

  it("stops the model's own calls at the window start when the clock starts later (hotline load)", async () => {
    const scenario = covidMonday();
    const time = new ManualTime();
    // hotline load: window from 09:00, its first call (and the clock) at 09:10.
    const app = await buildMocks(scenario, {
      seed: 3,
      startAtS: NINE + 600,
      warmStart: true,
      warmStartArrivalsUntilS: NINE,
      wallNowMs: time.wallNowMs,
      timers: time,
    });
    apps.push(app);
    const { counters } = app.hotline.model.run.processes.phone!;
    const window = app.hotline.model.run.simulation.intervalAt(NINE);
    expect(app.hotline.model.now()).toBe(NINE + 600);
    // Between 09:00 and 09:10 only the morning callers' retrials came, no first call of the model's.
    expect(counters.retrials[window]).toBeGreaterThan(0);
    expect(counters.offered[window]).toBe(counters.retrials[window]);
    expect(counters.offered[window - 1]).toBe(simulatorState(scenario, 3, 0, NINE).offered[window - 1]);
  });

  it("starts the model's own calls again at the window's end, the simulator's own instants (hotline load's grace)", async () => {
    const scenario = covidMonday();
    const time = new ManualTime();
    const TEN = 10 * 3600;
    // hotline load: window 09:00-10:00, its clock from the first call at 09:00; nobody posts a call.
    const app = await buildMocks(scenario, {
      seed: 3,
      startAtS: NINE,
      warmStart: true,
      warmStartArrivalsUntilS: NINE,
      warmStartArrivalsResumeAtS: TEN,
      wallNowMs: time.wallNowMs,
      timers: time,
    });
    apps.push(app);
    await app.ready();
    const run = app.hotline.model.run;
    // Ninety model minutes at time scale 1 (10:30 is the end of the 10:00 interval).
    for (let m = 0; m < 90; m++) time.advance(60_000);
    expect(app.hotline.model.now()).toBe(TEN + 1800);
    const { counters } = run.processes.phone!;
    const firstCalls = (c: { offered: ArrayLike<number>; retrials: ArrayLike<number> }, i: number) =>
      c.offered[i]! - c.retrials[i]!;
    const nine = run.simulation.intervalAt(NINE);
    const ten = run.simulation.intervalAt(TEN);
    const batch = createModelRun(scenario, { seed: 3, replication: 0, mode: 'batch' });
    runUntil(batch.simulation, TEN + 1800);
    // The window's intervals had no first call of the model's (k6 would have sent them) ...
    expect(firstCalls(counters, nine)).toBe(0);
    expect(firstCalls(counters, nine + 1)).toBe(0);
    // ... and from 10:00 the model's own first calls are the batch run's, call for call.
    const expected = firstCalls(batch.processes.phone!.counters, ten);
    expect(expected).toBeGreaterThan(100);
    expect(firstCalls(counters, ten)).toBe(expected);
  });

  it('starts empty without the warm start (what the replay measured before)', async () => {
    const { state } = await mocksState(covidMonday(), 1, NINE, false);
    expect(state).toMatchObject({ queueLength: 0, agentsBusy: 0, retrialsPending: 0 });
  });

  it("matches the simulator's spread at 09:00 over seeds (busy agents, pending retrials)", async () => {
    const scenario = covidMonday();
    const mocks: State[] = [];
    for (let seed = 1; seed <= 12; seed++) mocks.push((await mocksState(scenario, seed, NINE)).state);
    const replications = Array.from({ length: 30 }, (_, r) => simulatorState(scenario, 99, r, NINE));
    for (const field of ['agentsBusy', 'retrialsPending', 'trunkLinesBusy'] as const) {
      const m = meanCi(mocks.map((s) => s[field]));
      const s = meanCi(replications.map((s) => s[field]));
      // Welch: the difference of the two means lies within its 95% interval of 0.
      const half =
        studentT975(Math.min(mocks.length, replications.length) - 1) *
        Math.sqrt(m.sd ** 2 / mocks.length + s.sd ** 2 / replications.length);
      expect(
        Math.abs(m.mean - s.mean),
        `${field}: mocks ${m.mean}, simulator ${s.mean} ± ${s.half}`,
      ).toBeLessThan(half);
      // and it is far from the empty start the mocks had before.
      expect(s.mean - s.half, field).toBeGreaterThan(0);
    }
  });

  it("answers a call from outside after the warm start; the model's own callers are not its calls", async () => {
    const scenario = covidMonday();
    const time = new ManualTime();
    const app = await buildMocks(scenario, {
      seed: 1,
      startAtS: NINE,
      warmStart: true,
      wallNowMs: time.wallNowMs,
      timers: time,
    });
    apps.push(app);
    const run = app.hotline.model.run;
    const busyBefore = run.agents.agentsBusy;
    const retrialsBefore = run.processes.phone!.pendingRetrials;
    const window = run.simulation.intervalAt(NINE);
    const pending = postCall(app, { callId: 'k6-1' });
    await untilHeld(app, 1);
    // 10 model minutes: the morning's calls end, retrials come, our call leaves the IVR.
    time.advance(600_000);
    const posted = await pending;
    // Agents are free at 09:00 (busy ~110 of 185): no wait, whatever the IVR's self-service draw says.
    expect(posted.body).toMatchObject({ callId: 'k6-1', waitS: 0 });
    expect(['answered', 'selfServed']).toContain(posted.body.outcome);
    const state = (await app.inject({ method: 'GET', url: '/v1/state' })).json() as State & {
      calls: Record<string, number>;
    };
    // The transport counts its one call; the model also took the morning callers' retrials.
    expect(Object.values(state.calls).reduce((a, b) => a + b, 0)).toBe(1);
    // The model's own callers (the morning's retrials) ended too, counted apart from the HTTP calls.
    const own = (state as unknown as { ownCalls: Record<string, number> }).ownCalls;
    expect(own.answered).toBeGreaterThan(0);
    expect(retrialsBefore).toBeGreaterThan(3);
    expect(run.processes.phone!.counters.retrials[window]).toBeGreaterThan(0);
    expect(run.processes.phone!.counters.offered[window]).toBe(
      1 + run.processes.phone!.counters.retrials[window]!,
    );
    expect(busyBefore).toBeGreaterThan(50);
  });
});
