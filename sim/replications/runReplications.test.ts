import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ReplicationMetrics } from './measureReplication.js';
import { type ReplicationTask, runReplicationTasks } from './runReplications.js';
import type { ScenarioSource } from './ScenarioSource.js';

// The pool uses the built worker (dist/replication-worker.js): `npm run build` first.
const base = JSON.parse(readFileSync('scenarios/stationary-mmc.json', 'utf8')) as {
  agents: { groups: { staffing: { scale?: number } }[] };
};
const variant = (scale: number): ScenarioSource => {
  const copy = structuredClone(base);
  copy.agents.groups[0]!.staffing.scale = scale;
  return { text: JSON.stringify(copy), options: { days: 1 } };
};

async function run(
  sources: ScenarioSource[],
  tasks: ReplicationTask[],
  threads: number,
): Promise<{ metrics: ReplicationMetrics[]; calls: number[] }> {
  const metrics: ReplicationMetrics[] = new Array(tasks.length);
  const calls = new Array<number>(tasks.length).fill(0);
  await runReplicationTasks(sources, tasks, { seed: 5, threads }, (task, result) => {
    calls[task]!++;
    metrics[task] = result;
  });
  return { metrics, calls };
}

describe('runReplicationTasks', () => {
  it('hands every task out exactly once, whatever the threads, with the metrics one thread gives', async () => {
    // Sources interleaved and more tasks than threads x tasks in hand, so threads pull several each
    // and switch scenarios: a worker must run the source the task names, not the one it last loaded.
    const sources = [variant(0.9), variant(1.1)];
    const tasks: ReplicationTask[] = [0, 1, 0, 0, 1, 1, 0, 1, 0].map((source, i) => ({
      source,
      replication: i % 4,
    }));
    const one = await run(sources, tasks, 1);
    for (const threads of [2, 3]) {
      const many = await run(sources, tasks, threads);
      expect(many.calls).toEqual(tasks.map(() => 1));
      expect(many.metrics).toEqual(one.metrics);
    }
    // The sources do differ: replication 0 of each (tasks 0 and 4) with other staffing.
    expect(one.metrics[4]).not.toEqual(one.metrics[0]);
  }, 120_000);

  it('with shared draws, a group of cells run replication by replication gives every cell its own metrics', async () => {
    // covid-hotline: IVR, trunk lines, retrials, lognormal and gamma draws; cells differ in demand
    // (arrival tapes of their own) and in staffing (arrivals shared).
    const covid = JSON.parse(readFileSync('scenarios/covid-hotline.json', 'utf8'));
    const cell = (demand: number, staffing: number): ScenarioSource => {
      const copy = structuredClone(covid);
      copy.channels.phone.demand.scale = demand;
      copy.agents.groups[0].staffing.scale = staffing;
      return { text: JSON.stringify(copy), options: { days: 1 } };
    };
    const sources = [cell(1, 0.9), cell(1, 1.1), cell(1.2, 0.9), cell(1.2, 1.1)];
    const tasks: ReplicationTask[] = [0, 1, 2].flatMap((replication) =>
      sources.map((_, source) => ({ source, replication })),
    );
    const apart = await run(sources, tasks, 1);
    for (const threads of [1, 2]) {
      const metrics: ReplicationMetrics[] = new Array(tasks.length);
      await runReplicationTasks(sources, tasks, { seed: 5, threads, shareDraws: true }, (task, result) => {
        metrics[task] = result;
      });
      expect(metrics).toEqual(apart.metrics);
    }
    // The cells do differ, so equal metrics are not equal by accident.
    expect(apart.metrics[1]).not.toEqual(apart.metrics[0]);
    expect(apart.metrics[2]).not.toEqual(apart.metrics[0]);
  }, 120_000);
});
