// `npm run bench`: the timing targets (never asserted in tests); `npm run bench -- --help` lists the
// sections. The mocks, replay, gate-k6 and soak sections run the real k6 against loopback only. The
// soak (30 minutes by default) and gate-k6 (~12 minutes) run only when asked for by name.
import { fileURLToPath } from 'node:url';
import { BENCH_USAGE, type BenchOptions, benchOptions, runsSection } from './bench/benchOptions.js';
import { chatBench } from './bench/chatBench.js';
import { checkinBench } from './bench/checkinBench.js';
import { gateBench } from './bench/gateBench.js';
import { gateK6Bench } from './bench/gateK6Bench.js';
import { mocksBench } from './bench/mocksBench.js';
import { replayBench } from './bench/replayBench.js';
import { rosterBench } from './bench/rosterBench.js';
import { memoryChild, simBenches } from './bench/simBenches.js';
import { soakBench } from './bench/soakBench.js';
import { staffBench } from './bench/staffBench.js';
import { whatifBench } from './bench/whatifBench.js';
import { toolVersion } from './cli/toolVersion.js';

const repo = fileURLToPath(new URL('..', import.meta.url));
const argv = process.argv.slice(2);

let options: BenchOptions | undefined;
try {
  options = benchOptions(argv);
} catch (error) {
  process.stderr.write(
    `error: ${(error as Error).message}\n(npm run bench -- --help lists the sections and flags)\n`,
  );
  process.exitCode = 2;
}

if (options?.help) {
  process.stdout.write(`${BENCH_USAGE}\n`);
} else if (options?.memoryChild) {
  memoryChild(repo);
} else if (options) {
  const on = (section: Parameters<typeof runsSection>[1]) => runsSection(options, section);
  if (on('sim')) await simBenches(repo, fileURLToPath(import.meta.url));
  if (on('mocks')) await mocksBench(repo);
  if (on('chat')) await chatBench(repo);
  if (on('checkin')) await checkinBench(repo);
  if (on('replay')) await replayBench(repo, toolVersion());
  if (on('gate')) await gateBench(repo, toolVersion());
  if (on('whatif')) whatifBench(repo);
  if (on('roster')) await rosterBench(repo);
  if (on('staff')) await staffBench(repo);
  if (on('soak')) await soakBench(repo, argv);
  if (on('gate-k6')) await gateK6Bench(repo, toolVersion());
}
