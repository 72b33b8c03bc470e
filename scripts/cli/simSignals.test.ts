import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { interruptedCli } from './testing/interruptedCli.js';

// `hotline sim` stopped by a signal mid-run: the signal is sent once the CLI reports its first
// finished replication on stderr (an event, not a sleep), and the test awaits the exit event. The run
// asked for is far longer than the test (10,000 replications), so only the signal can end it early.
async function interruptedSim(signal: 'SIGINT' | 'SIGTERM', extra: string[]) {
  const parent = mkdtempSync(join(tmpdir(), 'hotline-signal-'));
  const out = join(parent, 'run');
  const run = await interruptedCli(
    ['sim', 'scenarios/stationary-mmc.json', '-r', '10000', '--out', out, ...extra],
    /replications \d+\/\d+\n/,
    signal,
  );
  return { ...run, parent, out };
}

describe('hotline sim under SIGINT / SIGTERM', () => {
  it.each([
    ['SIGINT', 130, ['--threads', '1']],
    ['SIGTERM', 143, ['--threads', '2']],
    ['SIGTERM', 143, ['--threads', '2', '--shard', '1/2']],
  ] as const)(
    '%s exits %i (%j): workers stopped, no run folder, no temporary folder',
    async (signal, exit, extra) => {
      const result = await interruptedSim(signal, [...extra]);
      expect(result.killedBy).toBeNull(); // it handled the signal and exited by itself
      expect(result.code, result.stderr).toBe(exit);
      expect(result.stderr).toContain(
        `interrupted by ${signal}: simulation stopped, worker threads ended; nothing written`,
      );
      expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
      expect(result.stdout).toBe('');
      // The workers were stopped, not left to finish: progress never reached the total.
      const last = [...result.stderr.matchAll(/replications (\d+)\/(\d+)\n/g)].at(-1)!;
      expect(Number(last[1])).toBeLessThan(Number(last[2]));
      expect(existsSync(result.out)).toBe(false);
      expect(readdirSync(result.parent)).toEqual([]); // no .run.tmp-<pid> left beside it
    },
    120_000,
  );
});
