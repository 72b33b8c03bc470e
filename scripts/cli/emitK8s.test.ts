import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtCli, type CliResult, repo } from './testing/builtCli.js';

// The emitted manifests exercised without a cluster: each pod's container command runs as a local
// process, as the kubelet would run it (sh -c, JOB_COMPLETION_INDEX set per index, the container's
// env with its volume mounts mapped to local folders, `hotline` on the PATH), then the merge pod's.
let runsDir: string;
let hotline: (...args: string[]) => CliResult;

beforeAll(() => {
  ({ runsDir, hotline } = builtCli('hotline-k8s'));
});

// biome-ignore lint/suspicious/noExplicitAny: parsed manifests are walked field by field
type Json = Record<string, any>;

const sim = ['sim', 'scenarios/stationary-mmc.json', '-r', '7', '--seed', '4'];

/** Runs a container's command locally; resolves with its exit code and output. */
function runContainer(
  container: Json,
  mounts: Record<string, string>,
  extraEnv: Record<string, string>,
): Promise<{ code: number | null; stderr: string }> {
  const local = (value: string) => {
    for (const mount of container.volumeMounts as Json[]) {
      if (value.startsWith(mount.mountPath)) return mounts[mount.name] + value.slice(mount.mountPath.length);
    }
    return value;
  };
  const env = Object.fromEntries((container.env as Json[]).map((e) => [e.name, local(e.value)]));
  const [shell, ...args] = container.command as string[];
  return new Promise((resolve) => {
    const child = spawn(shell!, args, {
      cwd: repo,
      env: { ...process.env, ...env, ...extraEnv, PATH: `${mounts.bin}:${process.env.PATH}` },
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

describe('hotline sim --emit-k8s', () => {
  it('the Indexed Job run as local processes, then the merge Job, gives the unsharded run byte for byte', async () => {
    const dir = join(runsDir, 'k8s');
    const emitted = hotline(...sim, '--emit-k8s', dir, '--shards', '3', '--threads', '1');
    expect(emitted.code, emitted.stderr).toBe(0);
    expect(emitted.stdout).toContain(`(kubectl apply -f ${dir})`);
    const manifests = Object.fromEntries(
      readdirSync(dir).map((name) => [name, JSON.parse(readFileSync(join(dir, name), 'utf8')) as Json]),
    );

    // The "cluster": the ConfigMap's files in one folder, the shared volume another, hotline on PATH.
    const mounts = {
      scenario: join(runsDir, 'mnt-scenario'),
      results: join(runsDir, 'mnt-results'),
      bin: join(runsDir, 'bin'),
    };
    for (const folder of Object.values(mounts)) mkdirSync(folder);
    for (const [key, text] of Object.entries(
      manifests['scenario-configmap.json']!.data as Record<string, string>,
    )) {
      writeFileSync(join(mounts.scenario, key), text);
    }
    writeFileSync(
      join(mounts.bin, 'hotline'),
      `#!/bin/sh\nexec "${process.execPath}" "${join(repo, 'dist', 'hotline.js')}" "$@"\n`,
    );
    chmodSync(join(mounts.bin, 'hotline'), 0o755);

    const job = manifests['shards-job.json']!;
    const [container] = job.spec.template.spec.containers;
    const pods = await Promise.all(
      Array.from({ length: job.spec.completions }, (_, index) =>
        runContainer(container, mounts, { JOB_COMPLETION_INDEX: String(index) }),
      ),
    );
    for (const pod of pods) expect(pod.code, pod.stderr).toBe(0);
    // A pod run again once its shard is written (a retry after an eviction) succeeds and changes nothing.
    const shardFile = join(mounts.results, 'hotline-stationary-mmc-s4', 'shard-2', 'shard.json');
    const before = readFileSync(shardFile, 'utf8');
    const retried = await runContainer(container, mounts, { JOB_COMPLETION_INDEX: '1' });
    expect(retried.code, retried.stderr).toBe(0);
    expect(readFileSync(shardFile, 'utf8')).toBe(before);

    const merge = manifests['merge-job.json']!.spec.template.spec;
    const waited = await runContainer(merge.initContainers[0], mounts, {}); // returns at once: all shards are there
    expect(waited.code, waited.stderr).toBe(0);
    const merged = await runContainer(merge.containers[0], mounts, {});
    expect(merged.code, merged.stderr).toBe(0);
    const again = await runContainer(merge.containers[0], mounts, {}); // a retry after the run is written
    expect(again.code, again.stderr).toBe(0);

    const full = join(runsDir, 'full');
    expect(hotline(...sim, '-q', '--out', full).code).toBe(0);
    const runFolder = join(mounts.results, 'hotline-stationary-mmc-s4', 'run');
    expect(readdirSync(join(mounts.results, 'hotline-stationary-mmc-s4')).sort()).toEqual([
      'run',
      'shard-1',
      'shard-2',
      'shard-3',
    ]);
    for (const name of ['summary.json', 'intervals.csv', 'replications.json']) {
      expect(readFileSync(join(runFolder, name), 'utf8'), name).toBe(readFileSync(join(full, name), 'utf8'));
    }
  }, 180_000);

  it('bad combinations exit 2 naming the flag, writing nothing', () => {
    const dir = join(runsDir, 'never');
    const cases: Array<[string[], string]> = [
      [['--emit-k8s', dir], '--emit-k8s: needs --shards <n>'],
      [['--emit-k8s', dir, '--shards', '8'], '--shards: more shards than replications (7)'],
      [['--emit-k8s', dir, '--shards', '2', '--out', 'x'], '--out: not with --emit-k8s'],
      [['--emit-k8s', dir, '--shards', '2', '--shard', '1/2'], '--shard: not with --emit-k8s'],
      [['--emit-k8s', dir, '--shards', '2', '--day', '9'], '--day: day outside the simulated calendar'],
      [['--shards', '2'], '--shards: only with --emit-k8s'],
    ];
    for (const [flags, message] of cases) {
      const { code, stderr } = hotline(...sim, ...flags);
      expect(code, flags.join(' ')).toBe(2);
      expect(stderr).toContain(`error: ${message}`);
      expect(stderr).not.toMatch(/internal error|\n\s+at /);
    }
    expect(() => readdirSync(dir)).toThrow();
  });
});
