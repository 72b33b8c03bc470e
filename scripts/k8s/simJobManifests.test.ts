import { describe, expect, it } from 'vitest';
import { shardCommand, simJobManifests } from './simJobManifests.js';

// What the Kubernetes API requires of these objects (batch/v1 Job, v1 ConfigMap and PVC), checked on
// the parsed JSON a user applies: the fields, and that every reference resolves to a manifest here.
const options = {
  name: 'hotline-covid-hotline-s7',
  scenarioText: '{"name": "x"}\n',
  replications: 300,
  seed: 7,
  shards: 10,
  days: 2,
  window: { day: 1, from: '09:00', to: '10:00' },
  threads: 4,
  image: 'registry.example/hotline-harness:1.2.3',
  storage: '10Gi',
};

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
// biome-ignore lint/suspicious/noExplicitAny: parsed manifests are walked field by field, as the API server does
type Json = Record<string, any>;

function parsed(): Record<string, Json> {
  return JSON.parse(JSON.stringify(simJobManifests(options)));
}

describe('simJobManifests', () => {
  it('every manifest has apiVersion, kind and a DNS-label name with the harness label', () => {
    const manifests = parsed();
    expect(Object.keys(manifests).sort()).toEqual([
      'merge-job.json',
      'results-pvc.json',
      'scenario-configmap.json',
      'shards-job.json',
    ]);
    for (const manifest of Object.values(manifests)) {
      expect(typeof manifest.apiVersion).toBe('string');
      expect(typeof manifest.kind).toBe('string');
      expect(manifest.metadata.name).toMatch(DNS_LABEL);
      expect(manifest.metadata.name.length).toBeLessThanOrEqual(63);
      expect(manifest.metadata.labels['app.kubernetes.io/part-of']).toBe('hotline-harness');
    }
  });

  it('the shards Job is Indexed with completions = parallelism = n, one container running its shard', () => {
    const job = parsed()['shards-job.json']!;
    expect(job).toMatchObject({ apiVersion: 'batch/v1', kind: 'Job' });
    expect(job.spec).toMatchObject({ completionMode: 'Indexed', completions: 10, parallelism: 10 });
    const pod = job.spec.template.spec;
    expect(pod.restartPolicy).toBe('Never'); // a Job's pods: Never or OnFailure; podFailurePolicy needs Never
    expect(pod.containers).toHaveLength(1);
    const [container] = pod.containers;
    expect(container.image).toBe(options.image);
    expect(container.command.slice(0, 2)).toEqual(['/bin/sh', '-c']);
    expect(container.command[2]).toContain('--shard "$i/10"');
    expect(container.command[2]).toContain('i=$((JOB_COMPLETION_INDEX + 1))');
    expect(container.resources.requests.cpu).toBe('4');
    expect(job.spec.podFailurePolicy.rules[0]).toMatchObject({
      action: 'FailJob',
      onExitCodes: { containerName: container.name, operator: 'In', values: [2] },
    });
  });

  it('volumes resolve: the ConfigMap holds the scenario text verbatim, the PVC is shared (ReadWriteMany)', () => {
    const manifests = parsed();
    const configMap = manifests['scenario-configmap.json']!;
    const pvc = manifests['results-pvc.json']!;
    expect(configMap.kind).toBe('ConfigMap');
    expect(configMap.data['scenario.json']).toBe(options.scenarioText);
    expect(pvc.kind).toBe('PersistentVolumeClaim');
    expect(pvc.spec).toEqual({
      accessModes: ['ReadWriteMany'],
      resources: { requests: { storage: '10Gi' } },
    });
    for (const job of [manifests['shards-job.json']!, manifests['merge-job.json']!]) {
      const pod = job.spec.template.spec;
      const volumes = new Map<string, Json>(pod.volumes.map((v: Json) => [v.name, v]));
      expect(volumes.get('scenario')!.configMap.name).toBe(configMap.metadata.name);
      expect(volumes.get('results')!.persistentVolumeClaim.claimName).toBe(pvc.metadata.name);
      for (const container of [...(pod.initContainers ?? []), ...pod.containers]) {
        expect(container.name).toMatch(DNS_LABEL);
        for (const mount of container.volumeMounts) expect(volumes.has(mount.name), mount.name).toBe(true);
        const scenarioFile = container.env.find((e: Json) => e.name === 'SCENARIO_FILE').value;
        const mount = container.volumeMounts.find((m: Json) => m.name === 'scenario').mountPath;
        expect(scenarioFile).toBe(`${mount}/scenario.json`); // the ConfigMap key, under its mount
      }
    }
  });

  it('the merge Job waits for n shard folders, then merges shard-1..shard-n into run', () => {
    const job = parsed()['merge-job.json']!;
    expect(job.spec).toMatchObject({ completions: 1, parallelism: 1 });
    expect(job.spec.activeDeadlineSeconds).toBeGreaterThan(0); // the wait is bounded
    const pod = job.spec.template.spec;
    expect(pod.restartPolicy).toBe('Never');
    expect(pod.initContainers[0].command[2]).toContain('-ge 10 ]');
    const merge = pod.containers[0].command[2];
    const folders = [...merge.matchAll(/"\$RESULTS_DIR\/shard-(\d+)"/g)].map((m: RegExpMatchArray) =>
      Number(m[1]),
    );
    expect(folders).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    expect(merge).toContain('--out "$RESULTS_DIR/run"');
  });

  it('the shard command carries every flag that makes the run (replications, seed, days, window, threads)', () => {
    expect(shardCommand(options)).toContain(
      'hotline sim "$SCENARIO_FILE" --replications 300 --seed 7 --days 2 --day 1 --from 09:00 --to 10:00 --threads 4 --shard',
    );
    const plain = shardCommand({ ...options, days: undefined, window: undefined, threads: undefined });
    expect(plain).toContain('--replications 300 --seed 7 --shard');
  });
});
