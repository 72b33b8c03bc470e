import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../scenarios/loadScenario.js';
import { runBatch } from '../../sim/engine/BatchDriver.js';
import { createModelRun } from '../../sim/ModelRun.js';
import { runLoad } from './runLoad.js';
import { meanAndSd } from './testing/meanAndSd.js';

// The REAL k6 against the mocks on loopback, phone and chat in one run, and chat alone (a scenario
// without phone: no phone k6 scenario, no calls route): one hour of model time at 240x (15 s of wall
// time plus the sessions' tails). The prediction is the simulator's own chat process in batch
// replications over the same window, counted from its raw counters; one replay is one more
// replication, so it must lie inside their spread. The chat desk serves chat only, so phone's
// presence changes nothing of chat's.

function chatScenario(withPhone: boolean): string {
  const file = JSON.parse(readFileSync('scenarios/stationary-mmc.json', 'utf8'));
  delete file.$schema;
  if (!withPhone) {
    delete file.channels.phone;
    file.agents.groups = [];
  }
  file.agents.groups.push({
    name: 'chat-desk',
    skills: ['chat'],
    maxChats: 3,
    staffing: { kind: 'constant', agents: 3 },
  });
  file.channels.chat = {
    hours: '24/7',
    demand: { sessionsPerDay: 2880, intradayShape: Array(48).fill(1) },
    messages: { kind: 'geometric', mean: 2.5 },
    thinkTime: { kind: 'exponential', mean: '1m' },
    replyTime: { kind: 'exponential', mean: '50s' },
    concurrencyFactors: [1, 1.2, 1.5],
    patience: { kind: 'exponential', mean: '4m' },
    replyPatience: { kind: 'exponential', mean: '5m' },
    targets: {
      firstResponse: { variant: 'slOffered', threshold: '60s', goal: 0.5 },
      maxAbandonRate: 0.5,
    },
  };
  return JSON.stringify(file);
}

/** Chat's first-response SL (slOffered) and abandon rate over intervals [0, 2), per batch replication. */
function predicted(text: string, replications: number) {
  const scenario = loadScenarioText(text, 'chat-e2e.json');
  return Array.from({ length: replications }, (_, r) => {
    const run = createModelRun(scenario, { seed: 11, replication: r, mode: 'batch' });
    runBatch(run.simulation);
    const c = run.processes.chat!.counters;
    let answered = 0;
    let within = 0;
    let abandoned = 0;
    let offered = 0;
    for (let k = 0; k < 2; k++) {
      answered += c.answered[k]!;
      within += c.answeredWithinT[k]!;
      abandoned += c.abandoned[k]!;
      offered += c.offered[k]!;
    }
    return { sl: within / (answered + abandoned), abandon: abandoned / (answered + abandoned), offered };
  });
}

const stats = meanAndSd;

describe.each([
  ['beside phone', true],
  ['alone (no phone channel)', false],
])('chat replay (k6/websockets) against the mocks, %s', (_, withPhone) => {
  it('measures first-response SL and abandonment inside the simulator spread; the mock agrees on counts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hotline-chat-replay-'));
    const text = chatScenario(withPhone);
    const file = join(dir, 'chat-e2e.json');
    writeFileSync(file, text);
    const result = await runLoad({
      scenarioFile: file,
      timeScale: 240,
      day: 0,
      from: '00:00',
      to: '01:00',
      segments: 1,
      quiet: true,
      k6StdoutToStderr: true,
      toolVersion: 'test',
      out: join(dir, 'run'),
    });
    const chat = (result.summary.channels as Record<string, Record<string, { mean: number | null }>>).chat!;
    const planned = result.profile.channels.chat!.plannedSessions;
    const sim = predicted(text, 40);
    const sl = stats(sim.map((s) => s.sl));
    const abandon = stats(sim.map((s) => s.abandon));
    console.log(
      JSON.stringify({
        planned,
        sim: { sl, abandon, offered: stats(sim.map((s) => s.offered)) },
        k6: {
          offered: chat.offered!.mean,
          sl: chat.firstResponseSlOffered!.mean,
          abandon: chat.abandonRate!.mean,
          firstResponseMeanS: chat.firstResponseMeanS!.mean,
          replyMeanS: chat.replyMeanS!.mean,
        },
      }),
    );
    expect(Object.keys(result.summary.channels)).toEqual(withPhone ? ['phone', 'chat'] : ['chat']);
    if (!withPhone) expect(result.profile.channels.phone).toBeUndefined();
    // Every planned session was opened and ended with an outcome the mock counted too.
    expect(chat.offered!.mean).toBe(planned);
    const state = result.mockState as { chat: { sessions: Record<string, number>; open: number } };
    expect(state.chat.open).toBe(0);
    const ended = Object.values(state.chat.sessions).reduce((a, b) => a + b, 0);
    expect(ended).toBe(planned);
    expect(state.chat.sessions.abandoned).toBe(chat.abandoned!.mean);
    // A resident who ends the session while the agent's reply is on its way counts as completed on
    // one side and left on the other (a reply in flight, like phone's answers in flight); together
    // they agree session by session.
    expect((state.chat.sessions.completed ?? 0) + (state.chat.sessions.left ?? 0)).toBe(
      chat.completed!.mean! + (chat.leftAfterFirstReply?.mean ?? 0),
    );
    // 120 sessions expected in the hour: the drawn count is Poisson around it.
    expect(Math.abs(planned - 120)).toBeLessThan(4 * Math.sqrt(120));
    // One replay is one replication: within 3 sd of the simulator's spread, plus a small allowance
    // for real-time effects (1 ms of timer or socket delay is 0.24 model s at 240x).
    expect(Math.abs(chat.firstResponseSlOffered!.mean! - sl.mean)).toBeLessThanOrEqual(3 * sl.sd + 0.03);
    expect(Math.abs(chat.abandonRate!.mean! - abandon.mean)).toBeLessThanOrEqual(3 * abandon.sd + 0.02);
    // The run folder carries chat: summary.channels.chat and chat.<metric> columns in intervals.csv.
    const csv = readFileSync(join(result.saved.folder, 'intervals.csv'), 'utf8').split('\n');
    const header = csv[0]!.split(',');
    const column = header.indexOf('chat.offered');
    expect(column).toBeGreaterThan(0);
    expect(Number(csv[1]!.split(',')[column]) + Number(csv[2]!.split(',')[column])).toBe(planned);
  }, 120_000);
});
