import { describe, expect, it } from 'vitest';
import { runBatch, runUntil } from '../../engine/BatchDriver.js';
import { createModelRun } from '../../ModelRun.js';
import { total } from '../../testing/scenarioText.js';
import { portalScenario } from '../portal/testing.js';

// A chat session another channel caused (Couplings.ts) is one of the model's own residents: counted
// in `caused` and `offered`, and it runs to its end in the model on either clock. In the mocks (real
// time, residents outside) a session nobody holds must not wait for a client's next message.

const CAUSED_AT_S = [60, 600, 1_799, 1_800, 5_000];

function runWithCausedChats(mode: 'batch' | 'realtime') {
  const scenario = portalScenario((f) => {
    f.calendar.days = 1;
    f.channels.chat!.demand.sessionsPerDay = 0;
    f.channels.chat!.messages = 2;
    f.channels.chat!.thinkTime = '30s';
    f.channels.portal.demand.applicationsPerDay = 0;
  });
  const run = createModelRun(scenario, { seed: 4, replication: 0, mode });
  const base = run.simulation.register({
    handle: (_kind, t) => expect(run.couplings.offer('chat', t, 'refusedUpload')).toBe(true),
  });
  for (const t of CAUSED_AT_S) run.simulation.calendar.schedule(t, base | 1);
  if (mode === 'batch') runBatch(run.simulation);
  else runUntil(run.simulation, 4 * 3600);
  return run.processes.chat!;
}

describe('chat: sessions caused by another channel', () => {
  for (const mode of ['batch', 'realtime'] as const) {
    it(`${mode}: counted as caused and offered in the interval offered, and completed in the model`, () => {
      const chat = runWithCausedChats(mode);
      const c = chat.counters;
      const expected = new Float64Array(c.intervals);
      for (const t of CAUSED_AT_S) expected[Math.floor(t / 1800)]!++;
      expect(Array.from(c.caused)).toEqual(Array.from(expected));
      expect(Array.from(c.offered)).toEqual(Array.from(expected));
      // Two messages each: two replies, then completed (20 agents, nobody else to serve).
      expect(total(c.repliesSent)).toBe(2 * CAUSED_AT_S.length);
      expect(total(c.completed)).toBe(CAUSED_AT_S.length);
      expect(chat.sessionsInProgress).toBe(0);
    });
  }
});
