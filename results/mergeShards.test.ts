import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../scenarios/inputError.js';
import { readScenarioFile } from '../scenarios/loadScenario.js';
import { shardRange } from '../sim/replications/shardRange.js';
import { type SimulateOptions, simulateScenario } from '../sim/simulateScenario.js';
import { mergeShards } from './mergeShards.js';
import { saveShard } from './saveShard.js';
import { saveSimRun } from './saveSimRun.js';

const IDENTICAL = ['summary.json', 'intervals.csv', 'replications.json'];
const root = mkdtempSync(join(tmpdir(), 'hotline-merge-'));
let made = 0;
const fresh = (name: string) => join(root, `${name}-${made++}`);

interface Run {
  text: string;
  file: string;
  days?: number;
  options: Omit<SimulateOptions, 'range' | 'replications'>;
}

async function unsharded(run: Run, replications: number): Promise<string> {
  const result = await simulateScenario(
    { text: run.text, file: run.file, options: { days: run.days } },
    { ...run.options, replications, threads: 1 },
  );
  return saveSimRun(result, 'test', fresh('full')).folder;
}

async function shards(run: Run, replications: number, count: number): Promise<string[]> {
  const folders: string[] = [];
  for (let index = 1; index <= count; index++) {
    const shard = { index, count };
    const range = shardRange(shard, replications);
    const result = await simulateScenario(
      { text: run.text, file: run.file, options: { days: run.days } },
      { ...run.options, replications, range, threads: 1 },
    );
    folders.push(
      saveShard(
        { result, scenarioText: run.text, days: run.days, shard, range, toolVersion: 'test' },
        fresh('shard'),
      ),
    );
  }
  return folders;
}

function merged(folders: string[]): string {
  const { result, toolVersion } = mergeShards(folders);
  return saveSimRun(result, toolVersion, fresh('merged')).folder;
}

const read = (folder: string, name: string) => readFileSync(join(folder, name), 'utf8');

function expectSameRun(full: string, joined: string): void {
  for (const name of IDENTICAL) expect(read(joined, name), name).toBe(read(full, name));
  const strip = (folder: string) => {
    const { id: _id, startedAt: _s, durationMs: _d, ...rest } = JSON.parse(read(folder, 'run.json'));
    return rest;
  };
  expect(strip(joined)).toEqual(strip(full));
}

const mmc: Run = {
  text: readScenarioFile('scenarios/stationary-mmc.json'),
  file: 'scenarios/stationary-mmc.json',
  options: { seed: 11 },
};

describe('mergeShards', () => {
  it('3 shards of 7 replications, merged in any order, give the unsharded run byte for byte', async () => {
    const full = await unsharded(mmc, 7);
    const folders = await shards(mmc, 7, 3);
    expectSameRun(full, merged([folders[2]!, folders[0]!, folders[1]!]));
  });

  it('with chat, --days and a window: 2 shards of 3 replications give the unsharded run', async () => {
    const run: Run = {
      text: readScenarioFile('scenarios/ecosystem.json'),
      file: 'scenarios/ecosystem.json',
      days: 1,
      options: { seed: 'crn', window: { day: 1, from: '08:00', to: '12:00' } },
    };
    const full = await unsharded(run, 3);
    expect(read(full, 'intervals.csv')).toContain('chat.offered');
    expectSameRun(full, merged(await shards(run, 3, 2)));
  });

  it('any n of any replication count: merged summary.json equals the unsharded one (property)', async () => {
    // A lighter variant of the M/M/c scenario keeps each generated case to a fraction of a second.
    const scenario = JSON.parse(mmc.text);
    scenario.channels.phone.demand.callsPerDay = 480;
    scenario.agents.groups[0].staffing.agents = 2;
    const light: Run = { ...mmc, text: JSON.stringify(scenario) };
    const fulls = new Map<number, string>();
    const cases = fc
      .integer({ min: 1, max: 6 })
      .chain((r) => fc.tuple(fc.constant(r), fc.integer({ min: 1, max: r })));
    await fc.assert(
      fc.asyncProperty(cases, async ([replications, count]) => {
        if (!fulls.has(replications)) fulls.set(replications, await unsharded(light, replications));
        const joined = merged(await shards(light, replications, count));
        for (const name of IDENTICAL) expect(read(joined, name)).toBe(read(fulls.get(replications)!, name));
      }),
      { seed: 10, numRuns: 12 },
    );
  }, 120_000);
});

describe('mergeShards refuses what is not one whole run (exit 2, naming the problem)', () => {
  const failure = (folders: string[]): string => {
    try {
      mergeShards(folders);
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      return (error as InputError).message;
    }
    throw new Error('merged');
  };

  it('missing, repeated, mismatched and corrupted shards', async () => {
    const [one, two, three] = await shards(mmc, 6, 3);
    expect(failure([one!, three!])).toContain('missing shard 2/3 (replications 2 to 3)');
    expect(failure([one!, two!, two!, three!])).toMatch(/shard 2\/3 given more than once \(overlap\)/);

    const [otherSeed] = await shards({ ...mmc, options: { seed: 12 } }, 6, 3);
    expect(failure([otherSeed!, two!, three!])).toMatch(
      /shard\.json seed: differs from .* \(12\): not a shard of the same run \(got 11\)/,
    );

    const [half] = await shards(mmc, 6, 2);
    expect(failure([one!, half!])).toContain('shard.json shard.count: differs from');

    const truncated = fresh('truncated');
    cpSync(two!, truncated, { recursive: true });
    const metrics = JSON.parse(read(truncated, 'metrics.json'));
    metrics.replications.pop();
    writeFileSync(join(truncated, 'metrics.json'), JSON.stringify(metrics));
    expect(failure([one!, truncated, three!])).toMatch(
      /metrics\.json at \/replications: expected 2 replications \(2 to 3\) \(got "1 entries"\)/,
    );

    const edited = fresh('edited');
    cpSync(two!, edited, { recursive: true });
    writeFileSync(join(edited, 'scenario.json'), `${read(edited, 'scenario.json')} `);
    expect(failure([one!, edited, three!])).toContain(
      'scenario.json: its sha256 is not the scenario.contentHash',
    );

    expect(failure([one!, join(root, 'nowhere'), three!])).toContain('nowhere: not a folder');
    expect(failure([one!, root, three!])).toMatch(/shard\.json: cannot read the file \(ENOENT\)/);
  }, 60_000);
});
