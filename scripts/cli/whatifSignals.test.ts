import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { interruptedCli } from './testing/interruptedCli.js';

// `hotline whatif` stopped by a signal once cells are written into the temporary folder (the CLI says
// `replications 2000/4000` on stderr, an event, not a sleep; by then the first group of cells, ten,
// has all its replications in): nothing of the grid may remain.
it('SIGINT after the first cell exits 130 and leaves no whatif folder and no temporary folder', async () => {
  const parent = mkdtempSync(join(tmpdir(), 'hotline-whatif-signal-'));
  const out = join(parent, 'grid');
  const { code, killedBy, sent, stdout, stderr } = await interruptedCli(
    [
      'whatif',
      'scenarios/stationary-mmc.json',
      '-r',
      '100',
      '--threads',
      '2',
      '--vary',
      'channels.phone.demand.scale=0.25:10:0.25',
      '--out',
      out,
    ],
    /replications 2000\/4000\n/,
    'SIGINT',
  );
  expect(sent).toBe(true);
  expect(killedBy).toBeNull();
  expect(code, stderr).toBe(130);
  expect(stderr).toContain('interrupted by SIGINT: whatif stopped, worker threads ended; nothing written');
  expect(stderr).not.toMatch(/\n\s+at /);
  expect(stdout).toBe('');
  expect(stderr).not.toMatch(/replications 4000\/4000/);
  expect(existsSync(out)).toBe(false);
  expect(readdirSync(parent)).toEqual([]);
}, 120_000);
