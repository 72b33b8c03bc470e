import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ScenarioSource } from './ScenarioSource.js';
import { MAX_TAPED_CONTACTS, type TaskRef, TaskRunner } from './TaskRunner.js';

// stationary-mmc: 4,800 calls a day, one day.
const base = JSON.parse(readFileSync('scenarios/stationary-mmc.json', 'utf8'));
const withCalls = (callsPerDay: number): ScenarioSource => {
  const copy = structuredClone(base);
  copy.channels.phone.demand.callsPerDay = callsPerDay;
  return { text: JSON.stringify(copy) };
};
const tasks = (...pairs: [number, number][]): TaskRef[] =>
  pairs.map(([source, replication], task) => ({ task, source, replication }));

describe('TaskRunner.tapeFor', () => {
  const runner = new TaskRunner(3, undefined, undefined);
  runner.addSource(0, withCalls(4800));
  runner.addSource(1, withCalls(9600));
  runner.addSource(2, withCalls(MAX_TAPED_CONTACTS * 1.01));

  it('gives several runs of one replication one tape of that seed and replication', () => {
    const tape = runner.tapeFor(tasks([0, 2], [1, 2]));
    expect(tape?.seed).toBe(3);
    expect(tape?.replication).toBe(2);
  });

  it('gives none to a lone run, to runs of different replications, or to branches', () => {
    expect(runner.tapeFor(tasks([0, 2]))).toBeUndefined();
    expect(runner.tapeFor(tasks([0, 2], [1, 3]))).toBeUndefined();
    const branches = new TaskRunner(3, undefined, { replication: 0, atS: 3600 });
    branches.addSource(0, withCalls(4800));
    expect(branches.tapeFor(tasks([0, 0], [0, 1]))).toBeUndefined();
  });

  it('gives none when a run expects more contacts than a tape may hold (memory)', () => {
    expect(runner.tapeFor(tasks([0, 1], [2, 1]))).toBeUndefined();
    const justUnder = new TaskRunner(3, undefined, undefined);
    justUnder.addSource(0, withCalls(MAX_TAPED_CONTACTS * 0.99));
    expect(justUnder.tapeFor(tasks([0, 1], [0, 1]))).toBeDefined();
  });
});
