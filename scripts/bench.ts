// `npm run bench`: the timing targets (never asserted in tests). `npm run bench -- --only sim|mocks|chat|checkin|replay|gate|whatif|roster|staff|soak`
// runs one section; the mocks, replay and soak sections run the real k6 against loopback only. The soak
// (30 minutes by default, `--soak-duration 60s` for a quick check) runs only when asked for by name.
import { fileURLToPath } from 'node:url';
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
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;

if (process.argv.includes('--memory-child')) {
  memoryChild(repo);
} else {
  if (!only || only === 'sim') await simBenches(repo, fileURLToPath(import.meta.url));
  if (!only || only === 'mocks') await mocksBench(repo);
  if (!only || only === 'mocks' || only === 'chat') await chatBench(repo);
  if (!only || only === 'mocks' || only === 'checkin') await checkinBench(repo);
  if (!only || only === 'replay') await replayBench(repo, toolVersion());
  if (!only || only === 'gate') await gateBench(repo, toolVersion());
  if (!only || only === 'whatif') whatifBench(repo);
  if (!only || only === 'roster') await rosterBench(repo);
  if (!only || only === 'staff') await staffBench(repo);
  if (only === 'soak') await soakBench(repo, process.argv);
  if (only === 'gate-k6') await gateK6Bench(repo, toolVersion());
}
