// `npm run probe`: the QA probe of issue 10 as a tool. About 2,150 cases, each run as a user runs
// it (the built CLI as a child process in a sandbox of its own, or HTTP to `hotline mocks` on
// 127.0.0.1), two at a time, each with its own time limit; a tally by category and every broken
// case with its command line. Exit 1 if any case breaks the contract (see checkContract.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveK6 } from '../k6/resolveK6.js';
import { findRepoRoot } from '../repoRoot.js';
import { flagCases } from './flagCases.js';
import { httpCases, TOKEN } from './httpCases.js';
import { startMocks } from './mocksServer.js';
import { outPathCases } from './outPathCases.js';
import { runOverloadCases } from './overloadCases.js';
import type { CaseResult, CliCase, HttpCase, ProbeCategory } from './ProbeCase.js';
import { ProbeProgress } from './ProbeProgress.js';
import { PROBE_USAGE, parseProbeFlags } from './parseProbeFlags.js';
import { prepareFixtures } from './prepareFixtures.js';
import { runCliCase } from './runCliCase.js';
import { runFolderCases } from './runFolderCases.js';
import { runHttpCase } from './runHttpCase.js';
import { runPool } from './runPool.js';
import { scenarioCases } from './scenarioCases.js';
import { signalCases } from './signalCases.js';

const HTTP_PARALLEL = 4;

async function main(): Promise<number> {
  const flags = parseProbeFlags(process.argv.slice(2));
  if (flags.help) {
    console.log(PROBE_USAGE);
    return 0;
  }
  const repo = findRepoRoot()?.dir;
  if (!repo) throw new Error('the probe runs from the repository (dist/probe.js inside it)');
  const cli = join(repo, 'dist', 'hotline.js');
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
  delete env.HOTLINE_DEBUG;
  const k6 = await resolveK6().catch(() => undefined);
  if (k6) {
    env.K6_BIN = k6.path;
    env.PROBE_K6 = '1';
  }
  const root = mkdtempSync(join(tmpdir(), 'hotline-probe-'));
  process.once('SIGINT', () => stopProbe(root, 130));
  process.once('SIGTERM', () => stopProbe(root, 143));
  console.log(
    `probe: ${cli}; k6 ${k6 ? `${k6.version} (${k6.path})` : 'not found: load cases expect exit 2'}`,
  );
  console.log(
    `probe: sandboxes in ${root}; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const fixtures = prepareFixtures(join(root, 'fixtures'), repo, cli, env);
  delete env.PROBE_K6;

  const wanted = (category: ProbeCategory) => flags.only.length === 0 || flags.only.includes(category);
  const sample = <T extends { name: string }>(cases: T[]) =>
    cases.filter((c, i) => i % flags.every === 0 && (flags.match?.test(c.name) ?? true));
  const cli_cases: CliCase[] = sample(
    [...scenarioCases(repo), ...flagCases(), ...outPathCases(), ...runFolderCases(), ...signalCases()].filter(
      (c) => wanted(c.category),
    ),
  );
  const http: HttpCase[] = wanted('http') ? sample(httpCases()) : [];
  const overload = wanted('overload');
  const progress = new ProbeProgress(
    cli_cases.length + http.length + (overload ? 4 : 0) + (http.length ? 1 : 0),
  );
  const results: CaseResult[] = [];
  const record = (r: CaseResult) => {
    results.push(r);
    progress.add(r);
  };

  if (http.length > 0) {
    const server = await startMocks(
      cli,
      [
        join(repo, 'scenarios', 'ecosystem-all.json'),
        '--port',
        '0',
        '--token',
        TOKEN,
        '--time-scale',
        '60',
        '-q',
      ],
      env,
      'http',
      'mocks stay healthy and stop cleanly after every request',
    );
    await runPool(http, HTTP_PARALLEL, async (c) => record(await runHttpCase(c, server.url)));
    record(await server.stop());
  }
  if (overload) {
    await runOverloadCases({ cli, env, fixturesDir: fixtures.dir, tiny: fixtures.tiny }, record);
  }
  const context = { cli, root, fixtures, env };
  await runPool(cli_cases, flags.parallel, async (c, i) => record(await runCliCase(c, i, context)));

  progress.finish(results);
  if (!flags.keep) rmSync(root, { recursive: true, force: true });
  return results.some((r) => r.problems.length > 0) ? 1 : 0;
}

function stopProbe(root: string, code: number): void {
  process.stderr.write('probe: interrupted; cleaning up\n');
  rmSync(root, { recursive: true, force: true });
  process.exit(code);
}

process.exitCode = await main().catch((error: unknown) => {
  process.stderr.write(`probe: ${error instanceof Error ? error.message : String(error)}\n`);
  return 2;
});
