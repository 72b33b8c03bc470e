// Manifests to run `hotline sim` sharded in Kubernetes: an Indexed Job with one pod per shard (the
// pod's JOB_COMPLETION_INDEX is its shard), a second Job that waits for every shard folder and merges
// them, the scenario in a ConfigMap and a shared volume for the shard folders and the run. Same
// naming and labels as the k6-operator manifests of `hotline load` (scripts/k6/k6Operator.ts).
// Plain objects, written as JSON (kubectl applies JSON as it applies YAML; no YAML library needed).
import { dnsLabel } from '../k6/k6Operator.js';

export interface SimJobOptions {
  /** Base name of the resources (made a DNS label). */
  name: string;
  /** The scenario file's text; it travels in a ConfigMap. */
  scenarioText: string;
  replications: number;
  seed: number | string;
  shards: number;
  days?: number;
  window?: { day: number; from: string; to: string };
  /** Worker threads per pod (also its CPU request); default: the pod's cores. */
  threads?: number;
  /** Container image with `hotline` on its PATH. */
  image: string;
  /** Size of the shared results volume, e.g. "1Gi". */
  storage: string;
}

/** File name -> manifest. `kubectl apply -f <dir>` applies them all; the merge Job waits by itself. */
export type SimJobManifests = Record<string, Record<string, unknown>>;

export const SCENARIO_MOUNT = '/scenario';
export const RESULTS_MOUNT = '/results';
export const CONTAINER = 'hotline';
/** How long the merge Job waits for the shards before it gives up (its activeDeadlineSeconds). */
const MERGE_DEADLINE_S = 7 * 24 * 3600;

const LABELS = { 'app.kubernetes.io/part-of': 'hotline-harness' };

export function simJobManifests(options: SimJobOptions): SimJobManifests {
  const name = dnsLabel(options.name);
  const names = {
    scenario: `${name}-scenario`,
    results: `${name}-results`,
    shards: `${name}-shards`,
    merge: `${name}-merge`,
  };
  const runDir = `${RESULTS_MOUNT}/${name}`;
  const env = [
    { name: 'SCENARIO_FILE', value: `${SCENARIO_MOUNT}/scenario.json` },
    { name: 'RESULTS_DIR', value: runDir },
  ];
  const volumes = [
    { name: 'scenario', configMap: { name: names.scenario } },
    { name: 'results', persistentVolumeClaim: { claimName: names.results } },
  ];
  const volumeMounts = [
    { name: 'scenario', mountPath: SCENARIO_MOUNT, readOnly: true },
    { name: 'results', mountPath: RESULTS_MOUNT },
  ];
  const container = (command: string) => ({
    name: CONTAINER,
    image: options.image,
    command: ['/bin/sh', '-c', command],
    env,
    volumeMounts,
    ...(options.threads ? { resources: { requests: { cpu: String(options.threads) } } } : {}),
  });
  // Bad input (exit 2) fails the same way on every retry: fail the Job at once instead.
  const failOnBadInput = {
    rules: [{ action: 'FailJob', onExitCodes: { containerName: CONTAINER, operator: 'In', values: [2] } }],
  };
  return {
    'scenario-configmap.json': {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: names.scenario, labels: LABELS },
      data: { 'scenario.json': options.scenarioText },
    },
    'results-pvc.json': {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: names.results, labels: LABELS },
      // Pods on several nodes write to it at once.
      spec: { accessModes: ['ReadWriteMany'], resources: { requests: { storage: options.storage } } },
    },
    'shards-job.json': {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: names.shards, labels: LABELS },
      spec: {
        completionMode: 'Indexed',
        completions: options.shards,
        parallelism: options.shards,
        backoffLimit: options.shards,
        podFailurePolicy: failOnBadInput,
        template: {
          metadata: { labels: LABELS },
          spec: { restartPolicy: 'Never', containers: [container(shardCommand(options))], volumes },
        },
      },
    },
    'merge-job.json': {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: names.merge, labels: LABELS },
      spec: {
        completions: 1,
        parallelism: 1,
        backoffLimit: 2,
        activeDeadlineSeconds: MERGE_DEADLINE_S,
        podFailurePolicy: failOnBadInput,
        template: {
          metadata: { labels: LABELS },
          spec: {
            restartPolicy: 'Never',
            initContainers: [{ ...container(waitCommand(options.shards)), name: 'wait-for-shards' }],
            containers: [container(mergeCommand(options.shards))],
            volumes,
          },
        },
      },
    },
  };
}

/** The shard pod's command: shard JOB_COMPLETION_INDEX + 1 of n into $RESULTS_DIR/shard-<i>. */
export function shardCommand(options: SimJobOptions): string {
  const flags = [
    `--replications ${options.replications}`,
    `--seed ${options.seed}`,
    ...(options.days ? [`--days ${options.days}`] : []),
    ...(options.window
      ? [`--day ${options.window.day} --from ${options.window.from} --to ${options.window.to}`]
      : []),
    ...(options.threads ? [`--threads ${options.threads}`] : []),
  ];
  return [
    'i=$((JOB_COMPLETION_INDEX + 1))',
    // A pod retried after its shard was written (evicted between the rename and its exit) is done;
    // `hotline merge` still checks that the folder is a shard of this run.
    'if [ -f "$RESULTS_DIR/shard-$i/shard.json" ]; then echo "shard $i already written"; exit 0; fi',
    `exec hotline sim "$SCENARIO_FILE" ${flags.join(' ')} --shard "$i/${options.shards}" --out "$RESULTS_DIR/shard-$i"`,
  ].join('\n');
}

/** A shard folder appears whole (written beside and renamed), so n shard.json files mean n shards done. */
function waitCommand(shards: number): string {
  return `until [ "$(ls "$RESULTS_DIR"/shard-*/shard.json 2>/dev/null | wc -l)" -ge ${shards} ]; do sleep 10; done`;
}

function mergeCommand(shards: number): string {
  const folders = Array.from({ length: shards }, (_, i) => `"$RESULTS_DIR/shard-${i + 1}"`).join(' ');
  return [
    // As for the shards: a retry after the run was written is done.
    'if [ -f "$RESULTS_DIR/run/run.json" ]; then echo "run already written"; exit 0; fi',
    `exec hotline merge ${folders} --out "$RESULTS_DIR/run"`,
  ].join('\n');
}
