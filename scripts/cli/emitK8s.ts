// `hotline sim --emit-k8s <dir> --shards n`: writes the Kubernetes manifests of a sharded run instead of
// running it (scripts/k8s/simJobManifests.ts). Everything is checked here first, so a manifest that
// would fail in the cluster on bad input fails here with exit 2.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureFolder } from '../../results/outputPath.js';
import { InputError, type InputIssue } from '../../scenarios/inputError.js';
import { loadScenarioText, readScenarioFile } from '../../scenarios/loadScenario.js';
import { resolveRunWindow, type WindowSpec } from '../../sim/replications/runWindow.js';
import { dnsLabel } from '../k6/k6Operator.js';
import { RESULTS_MOUNT, simJobManifests } from '../k8s/simJobManifests.js';
import { printNotices } from './printNotices.js';

export interface EmitK8sFlags {
  emitK8s: string;
  shards?: number;
  image?: string;
  replications: number;
  seed: number | string;
  days?: number;
  threads?: number;
  window?: WindowSpec;
  shard?: unknown;
  out?: string;
  json?: boolean;
  givenReplication?: number;
}

/** Shared volume size: a shard folder holds every interval's metrics of its replications. */
const STORAGE = '10Gi';

export function emitK8s(file: string, flags: EmitK8sFlags, toolVersion: string): void {
  checkFlags(flags);
  const scenarioText = readScenarioFile(file);
  const scenario = loadScenarioText(scenarioText, file, { days: flags.days });
  printNotices(file, scenario);
  if (flags.window) resolveRunWindow(scenario.calendar, flags.window);
  const name = dnsLabel(`hotline-${scenario.name}-s${flags.seed}`);
  const dir = ensureFolder('--emit-k8s', flags.emitK8s);
  const manifests = simJobManifests({
    name,
    scenarioText,
    replications: flags.replications,
    seed: flags.seed,
    shards: flags.shards!,
    days: flags.days,
    window: flags.window,
    threads: flags.threads,
    image: flags.image ?? `hotline-harness:${toolVersion}`,
    storage: STORAGE,
  });
  for (const [fileName, manifest] of Object.entries(manifests)) {
    writeFileSync(join(dir, fileName), `${JSON.stringify(manifest, null, 2)}\n`);
  }
  const files = Object.keys(manifests);
  process.stdout.write(
    `wrote ${files.slice(0, -1).join(', ')} and ${files.at(-1)} to ${flags.emitK8s} (kubectl apply -f ${flags.emitK8s}): ` +
      `${flags.shards} shard pods, then a merge pod that writes the run to ${RESULTS_MOUNT}/${name}/run on the ${name}-results volume\n`,
  );
}

function checkFlags(flags: EmitK8sFlags): void {
  const issues: InputIssue[] = [];
  if (flags.shards === undefined) {
    issues.push({
      path: '--emit-k8s',
      message: 'needs --shards <n>: the number of pods to split the replications over',
    });
  } else if (flags.shards > flags.replications) {
    issues.push({
      path: '--shards',
      message: `more shards than replications (${flags.replications})`,
      value: flags.shards,
      allowed: `1 to --replications (${flags.replications})`,
    });
  }
  for (const [flag, given] of [
    ['--shard', flags.shard !== undefined],
    ['--out', flags.out !== undefined],
    ['--json', flags.json === true],
  ] as const) {
    if (given)
      issues.push({ path: flag, message: 'not with --emit-k8s: each pod gets its own --shard and --out' });
  }
  if (flags.givenReplication !== undefined) {
    issues.push({
      path: '--given-replication',
      message: 'not with --emit-k8s yet: run the conditional prediction with --shard and hotline merge',
      value: flags.givenReplication,
    });
  }
  if (issues.length > 0) throw new InputError(undefined, issues);
}

/** --shards and --image mean nothing without --emit-k8s: bad input rather than silently ignored. */
export function refuseK8sFlagsAlone(flags: { shards?: number; image?: string }): void {
  const alone = [flags.shards !== undefined && '--shards', flags.image !== undefined && '--image'].filter(
    (flag): flag is string => flag !== false,
  );
  if (alone.length > 0) {
    throw new InputError(
      undefined,
      alone.map((flag) => ({
        path: flag,
        message: 'only with --emit-k8s <dir> (to run one shard here: --shard i/n)',
      })),
    );
  }
}
