import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../scenarios/inputError.js';
import { simulateScenarioFile } from '../sim/simulateScenario.js';
import { runComparison } from './compare/runComparison.js';
import { loadRun } from './loadRun.js';
import type { ReplicationsData } from './runSchema.js';
import { saveSimRun } from './saveSimRun.js';

type Replications = ReplicationsData & { run: Record<string, unknown[]>; days: Record<string, unknown[]>[] };

let dir: string;
let good: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hotline-load-run-'));
  const result = await simulateScenarioFile('scenarios/stationary-mmc.json', {
    replications: 3,
    seed: 1,
    threads: 1,
    days: 2,
  });
  good = saveSimRun(result, 'test', join(dir, 'good')).folder;
});

/** A copy of the good run with replications.json changed. */
function tampered(name: string, change: (data: Replications) => void): string {
  const folder = join(dir, name);
  cpSync(good, folder, { recursive: true });
  const file = join(folder, 'replications.json');
  const data = JSON.parse(readFileSync(file, 'utf8'));
  change(data);
  writeFileSync(file, JSON.stringify(data));
  return folder;
}

function refusal(folder: string): InputError {
  try {
    loadRun(folder);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected the run to be refused');
}

describe('loadRun: unreadable files are bad input', () => {
  it.each(['run.json', 'intervals.csv'])('%s that is a folder', (name) => {
    const folder = join(dir, `folder-${name}`);
    cpSync(good, folder, { recursive: true });
    rmSync(join(folder, name));
    mkdirSync(join(folder, name));
    const error = refusal(folder);
    expect(error.message).toMatch(
      new RegExp(`${name.replace('.', '\\.')}: cannot read the file \\(it is a folder\\)`),
    );
  });
});

describe('loadRun: replications.json must match its run', () => {
  it('reads a run whose replications.json matches', () => {
    const run = loadRun(good);
    expect(run.replications?.replications).toBe(3);
    expect(run.replications?.channels.phone?.run.slOffered).toHaveLength(3);
    expect(run.replications?.channels.phone?.days).toHaveLength(2);
  });

  it.each<[string, (data: Replications) => void, string]>([
    [
      'a column one value short',
      (d) => d.channels.phone!.run.slOffered!.pop(),
      '/channels/phone/run/slOffered',
    ],
    [
      'a day column one value long',
      (d) => d.channels.phone!.days[1]!.asaS!.push(1),
      '/channels/phone/days/1/asaS',
    ],
    ['another replication count', (d) => (d.replications = 4), '/replications'],
    ['a day missing', (d) => d.channels.phone!.days.pop(), '/channels/phone/days'],
  ])('refuses %s, naming the file and the path', (name, change, path) => {
    const error = refusal(tampered(name.replaceAll(' ', '-'), change));
    expect(error.file).toMatch(/replications\.json$/);
    expect(error.issues.map((i) => i.path)).toContain(path);
  });

  it('so compare refuses it as bad input instead of pairing the wrong numbers', () => {
    const short = tampered('short-for-compare', (d) => {
      for (const values of Object.values(d.channels.phone!.run)) values?.pop();
    });
    expect(() => runComparison([good, short], null)).toThrow(InputError);
    expect(() => runComparison([good, short], null)).toThrow(/replications\.json.*does not match its run/);
  });
});
