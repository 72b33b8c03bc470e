// The inputs every case reads, made once before the cases run: the small scenario, and real run
// folders made by the built CLI (two sim runs, three shards of one, a k6 run when k6 is found), which
// the run-folder cases copy and corrupt.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tinyScenario } from './tinyScenario.js';

export interface Fixtures {
  dir: string;
  tiny: string;
  /** The repo's stationary M/M/c+M scenario (Erlang staffing applies to it). */
  mmc: string;
  shifts: string;
  simA: string;
  simB: string;
  shards: string[];
  /** A measured run of the small scenario's first hour, or undefined without k6. */
  k6Run: string | undefined;
}

export function prepareFixtures(dir: string, repo: string, cli: string, env: NodeJS.ProcessEnv): Fixtures {
  mkdirSync(dir, { recursive: true });
  const tiny = join(dir, 'tiny.json');
  writeFileSync(tiny, `${JSON.stringify(tinyScenario(), null, 2)}\n`);
  const mmc = join(dir, 'mmc.json');
  copyFileSync(join(repo, 'scenarios', 'stationary-mmc.json'), mmc);
  const shifts = join(repo, 'scenarios', 'shifts', 'covid.json');
  const run = (args: string[]) => {
    const result = spawnSync(process.execPath, [cli, ...args], { cwd: dir, env, encoding: 'utf8' });
    if (result.status !== 0 && result.status !== 99) {
      throw new Error(
        `preparing the fixtures: hotline ${args.join(' ')} exited ${result.status}\n${result.stderr}`,
      );
    }
  };
  const simA = join(dir, 'runs', 'sim-a');
  const simB = join(dir, 'runs', 'sim-b');
  run(['sim', tiny, '-r', '3', '-t', '1', '-q', '--out', simA]);
  run(['sim', tiny, '-r', '3', '-s', '2', '-t', '1', '-q', '--out', simB]);
  const shards = [1, 2, 3].map((i) => join(dir, 'shards', String(i)));
  shards.forEach((out, i) => {
    run(['sim', tiny, '-r', '3', '-t', '1', '-q', '--shard', `${i + 1}/3`, '--out', out]);
  });
  let k6Run: string | undefined;
  if (env.PROBE_K6) {
    k6Run = join(dir, 'runs', 'k6-run');
    run(['load', tiny, '--from', '00:00', '--to', '01:00', '--time-scale', '1200', '-q', '--out', k6Run]);
  }
  return { dir, tiny, mmc, shifts, simA, simB, shards, k6Run };
}
