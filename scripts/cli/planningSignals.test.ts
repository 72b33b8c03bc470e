import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { interruptedCli } from './testing/interruptedCli.js';

// `hotline staff` and `hotline roster` stopped by a signal mid-plan. The signal is sent when the CLI
// reports a step on stderr that comes after its signal handling is in place and before the plan can
// be done (an event, not a sleep); the test awaits the exit event.
async function interrupted(args: string[], sendOn: RegExp, signal: 'SIGINT' | 'SIGTERM') {
  const folder = mkdtempSync(join(tmpdir(), 'hotline-plan-signal-'));
  const run = await interruptedCli([...args, '--write', join(folder, 'planned.json')], sendOn, signal);
  return { ...run, folder };
}

describe('planning commands under SIGINT / SIGTERM', () => {
  it.each([
    [
      'staff',
      ['staff', 'scenarios/covid-hotline.json', '--threads', '2'],
      // The first of about twelve simulations of the week: the plan is far from done.
      /simulation 1 \(load\) done\n/,
      'SIGINT',
      130,
    ],
    [
      'roster',
      ['roster', 'scenarios/covid-hotline.json', '--shifts', 'scenarios/shifts/covid.json', '--rounds', '1'],
      /requirement: hotline staff's plan/,
      'SIGTERM',
      143,
    ],
  ] as const)(
    '%s: exit as the signal says, workers ended, nothing written',
    async (name, args, sendOn, signal, exit) => {
      const result = await interrupted([...args], sendOn, signal);
      expect(result.killedBy).toBeNull(); // it handled the signal and exited by itself
      expect(result.code, result.stderr).toBe(exit);
      expect(result.stderr).toContain(
        `interrupted by ${signal}: ${name} stopped, worker threads ended; nothing written`,
      );
      expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
      expect(result.stdout).toBe('');
      expect(readdirSync(result.folder)).toEqual([]); // no scenario, no temporary file
    },
    120_000,
  );
});
