import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CallResult } from '../../mocks/phone/callTypes.js';
import { runLoad } from './runLoad.js';

// --warmup with the REAL k6 against the mocks on 127.0.0.1 (about 10 s of replay): the warm-up's
// calls are sent (the mocks' own log has them) but not measured (k6's samples of them are left out
// of the run). Only counts are asserted, which loopback latency cannot change.
const dir = mkdtempSync(join(tmpdir(), 'hotline-warmup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hotline load --warmup (real k6)', () => {
  it('sends the warm-up, measures only the window', async () => {
    const result = await runLoad({
      scenarioFile: 'scenarios/stationary-mmc.json',
      timeScale: 600,
      day: 0,
      from: '01:00',
      to: '01:30',
      warmupS: 3600,
      segments: 1,
      quiet: true,
      k6StdoutToStderr: true,
      toolVersion: 'test',
      out: join(dir, 'run'),
    });
    const { profile } = result;
    expect(profile.intervals.map((i) => [i.index, i.measured])).toEqual([
      [0, false],
      [1, false],
      [2, true],
    ]);
    const phone = profile.channels.phone!;
    const warmupCalls = phone.cumulative[2]!;
    const windowCalls = phone.plannedCalls - warmupCalls;
    expect(warmupCalls).toBeGreaterThan(150);
    expect(windowCalls).toBeGreaterThan(70);
    // stationary-mmc has no retrials: one call per planned caller.
    expect(result.measurement.channels.phone!.calls.every((c) => c.interval === 2)).toBe(true);
    expect(result.measurement.channels.phone!.calls).toHaveLength(windowCalls);
    // Every planned call reached the mocks, the warm-up's included (matched on the client's callId).
    const mock = result.mockContacts!.phone as CallResult[];
    const measured = new Set(result.measurement.channels.phone!.calls.map((c) => c.callId));
    expect(mock).toHaveLength(phone.plannedCalls);
    expect(mock.filter((c) => !measured.has(c.callId))).toHaveLength(warmupCalls);
    expect(result.summary.channels.phone!.offered!.mean).toBe(windowCalls);
    expect(result.summary.window).toEqual({ day: 1, from: '01:00', to: '01:30' });
    // The server's side of the cross-check is the window's calls only, as the client's.
    expect(result.summary.serverCrossCheck).toMatchObject({ source: 'mockLog', calls: windowCalls });
  }, 120_000);
});
