import { afterEach, describe, expect, it } from 'vitest';
import { runUntil } from '../../sim/engine/BatchDriver.js';
import { createModelRun } from '../../sim/ModelRun.js';
import { ManualTime } from '../../sim/testing/ManualTime.js';
import { scenarioModel } from '../../sim/testing/scenarioText.js';
import { buildMocks } from '../buildMocks.js';

// The mocks' warm start with e-mail: a window that starts on Monday 10:00 of portal-support (from
// Saturday) starts with the weekend's backlog exactly as the simulator has it then (batch run, same
// seed, replication 0). The mocks' clock never moves, so the model stands at the window start.

const apps: { close(): Promise<unknown> }[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});

describe('e-mail warm start', () => {
  it('Monday 10:00 starts with the backlog and the e-mails in hand of the simulator', async () => {
    const scenario = scenarioModel('portal-support', (f) => {
      f.calendar.days = 3;
    });
    const atS = 2 * 86_400 + 10 * 3600;
    const run = createModelRun(scenario, { seed: 7, replication: 0, mode: 'batch' });
    runUntil(run.simulation, atS);
    const email = run.processes.email!;
    // The weekend's e-mails are there to be carried over, some already opened.
    expect(email.waiting).toBeGreaterThan(500);
    expect(email.inHand).toBeGreaterThan(0);

    const time = new ManualTime();
    const app = await buildMocks(scenario, {
      seed: 7,
      startAtS: atS,
      warmStart: true,
      wallNowMs: time.wallNowMs,
      timers: time,
    });
    apps.push(app);
    const state = (await app.inject({ url: '/v1/state' })).json();
    expect(state.email).toEqual({ waiting: email.waiting, inHand: email.inHand, submitted: 0, answered: 0 });
  });
});
