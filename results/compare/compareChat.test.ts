import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { simulateScenario } from '../../sim/simulateScenario.js';
import { scenarioText } from '../../sim/testing/scenarioText.js';
import { loadRun } from '../loadRun.js';
import { saveSimRun } from '../saveSimRun.js';
import { compareRuns } from './compareRuns.js';

// Two sim runs of the ecosystem's Monday with the same seed, B with a smaller chat desk: chat rows
// come beside phone's, paired replication by replication (common random numbers).
const dir = mkdtempSync(join(tmpdir(), 'hotline-compare-chat-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(name: string, chatDesk: number) {
  const text = scenarioText('ecosystem', (f) => {
    f.calendar.days = 1;
    for (const shift of (f.agents.groups[1]!.staffing as { shifts: { agents: number }[] }).shifts)
      shift.agents = chatDesk;
  });
  const result = await simulateScenario(
    { text, file: `${name}.json` },
    { replications: 4, seed: 3, threads: 1 },
  );
  return loadRun(saveSimRun(result, 'test', join(dir, name)).folder);
}

describe('compare: chat beside phone', () => {
  it('compares the chat metrics of two sim runs, paired, with the first-reply SL first', async () => {
    const a = await run('a', 14);
    const b = await run('b', 2);
    const comparison = compareRuns(a, b);
    expect(comparison.method).toBe('paired');
    const chat = comparison.rows.filter((r) => r.channel === 'chat');
    expect(chat[0]!.metric).toBe('firstResponseSlOffered');
    // Same seed, same arrivals: the sessions offered are the same in every replication.
    const offered = chat.find((r) => r.metric === 'offered')!;
    expect(offered.a.mean).toBeGreaterThan(4000);
    expect(offered.difference.value).toBe(0);
    // Fewer chat-only agents: the first reply waits longer; the verdict follows the paired interval.
    const firstReply = chat.find((r) => r.metric === 'firstResponseMeanS')!;
    const { value, ci95 } = firstReply.difference;
    expect(value!).toBeGreaterThan(0);
    expect(value!).toBeCloseTo(firstReply.b.mean! - firstReply.a.mean!, 6); // replications.json keeps 9 digits
    expect(firstReply.verdict).toBe(ci95![0] > 0 ? 'worse' : 'no significant difference');
  });
});
