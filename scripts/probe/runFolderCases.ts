// Corrupted run folders (truncated CSV, bad JSON, replications of the wrong length, missing files, a
// newer format, non-run folders and dangling links beside the runs) read by every command that reads
// runs: report, compare (as A and as B), runs list, runs prune, merge (corrupted shards). Prune may
// delete only what it recognises as runs; everything else must stay.
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseSandbox, CliCase } from './ProbeCase.js';

interface Corruption {
  name: string;
  /** Damages the run folder `run` (a copy of a good sim run). */
  apply: (run: string) => void;
}

const edit = (file: string, change: (text: string) => string) => (run: string) =>
  writeFileSync(join(run, file), change(readFileSync(join(run, file), 'utf8')));
const remove = (file: string) => (run: string) => rmSync(join(run, file), { force: true });
const json = (file: string, change: (value: Record<string, unknown>) => unknown) =>
  edit(file, (text) => JSON.stringify(change(JSON.parse(text) as Record<string, unknown>)));

const CORRUPTIONS: readonly Corruption[] = [
  {
    name: 'intervals.csv truncated mid-line',
    apply: edit('intervals.csv', (t) => t.slice(0, Math.floor(t.length / 2))),
  },
  { name: 'intervals.csv empty', apply: edit('intervals.csv', () => '') },
  { name: 'intervals.csv header only', apply: edit('intervals.csv', (t) => t.split('\n')[0]!) },
  {
    name: 'intervals.csv with NaN cells',
    apply: edit('intervals.csv', (t) => t.replace(/,\d+(\.\d+)?/g, ',NaN')),
  },
  {
    name: 'intervals.csv with a renamed column',
    apply: edit('intervals.csv', (t) => t.replace(/^(\w+)/, 'nope')),
  },
  { name: 'intervals.csv binary garbage', apply: edit('intervals.csv', () => '\u0000\u00ff'.repeat(500)) },
  { name: 'summary.json bad JSON', apply: edit('summary.json', (t) => `${t}}`) },
  { name: 'summary.json truncated', apply: edit('summary.json', (t) => t.slice(0, t.length / 3)) },
  { name: 'summary.json null', apply: edit('summary.json', () => 'null') },
  { name: 'summary.json an array', apply: edit('summary.json', () => '[]') },
  {
    name: 'summary.json nested 10,000 deep',
    apply: edit('summary.json', () => `${'['.repeat(10_000)}${']'.repeat(10_000)}`),
  },
  { name: 'summary.json missing', apply: remove('summary.json') },
  { name: 'run.json missing', apply: remove('run.json') },
  { name: 'run.json bad JSON', apply: edit('run.json', (t) => t.slice(0, 10)) },
  { name: 'run.json newer format', apply: json('run.json', (v) => ({ ...v, formatVersion: 99 })) },
  { name: 'run.json formatVersion a string', apply: json('run.json', (v) => ({ ...v, formatVersion: '2' })) },
  { name: 'run.json kind unknown', apply: json('run.json', (v) => ({ ...v, kind: 'simulated' })) },
  {
    name: 'run.json replications 1e400',
    apply: edit('run.json', (t) => t.replace(/"replications": \d+/, '"replications": 1e400')),
  },
  { name: 'run.json scenario missing', apply: json('run.json', ({ scenario: _, ...rest }) => rest) },
  { name: 'replications.json one short', apply: json('replications.json', shortenReplications) },
  {
    name: 'replications.json replications 0',
    apply: json('replications.json', (v) => ({ ...v, replications: 0 })),
  },
  { name: 'replications.json missing', apply: remove('replications.json') },
  { name: 'replications.json not an object', apply: edit('replications.json', () => '"x"') },
  { name: 'report.html missing', apply: remove('report.html') },
  {
    name: 'a file where intervals.csv is due is a folder',
    apply: (run) => {
      rmSync(join(run, 'intervals.csv'));
      mkdirSync(join(run, 'intervals.csv'));
    },
  },
  {
    name: 'summary.json a dangling symlink',
    apply: (run) => {
      rmSync(join(run, 'summary.json'));
      symlinkSync('/nonexistent/summary.json', join(run, 'summary.json'));
    },
  },
];

/** Drops the last replication of every series (the file then disagrees with run.json's count). */
function shortenReplications(value: Record<string, unknown>): unknown {
  return JSON.parse(JSON.stringify(value), (_, v: unknown) =>
    Array.isArray(v) && v.length === 3 ? v.slice(0, 2) : v,
  );
}

interface Reader {
  name: string;
  args: (box: CaseSandbox, victim: string) => string[];
  allowedCodes?: readonly number[];
  /** Sandbox paths the command may delete (prune: the runs it recognises). */
  mayChange?: readonly string[];
}

const READERS: readonly Reader[] = [
  { name: 'report', args: (_, v) => ['report', v] },
  { name: 'compare (as A)', args: (b, v) => ['compare', v, b.fixtures.simB, '--out', join(b.dir, 'c.html')] },
  {
    name: 'compare (as B)',
    args: (b, v) => ['compare', b.fixtures.simA, v, '--out', join(b.dir, 'c.html'), '--json'],
  },
  {
    name: 'compare --fail-on',
    args: (b, v) => [
      'compare',
      b.fixtures.simA,
      v,
      '--out',
      join(b.dir, 'c.html'),
      '--fail-on',
      'slOffered<-0.5',
    ],
    allowedCodes: [0, 1, 2],
  },
  { name: 'runs list', args: () => ['runs'] },
  { name: 'runs --json', args: () => ['runs', '--json'] },
  {
    name: 'runs prune --keep 0',
    args: () => ['runs', 'prune', '--keep', '0'],
    mayChange: ['runs/good', 'runs/victim'],
  },
  {
    name: 'runs prune --keep 1',
    args: () => ['runs', 'prune', '--keep', '1'],
    mayChange: ['runs/good', 'runs/victim'],
  },
];

export function runFolderCases(): CliCase[] {
  const cases: CliCase[] = [];
  for (const corruption of CORRUPTIONS) {
    for (const reader of READERS) {
      cases.push({
        kind: 'cli',
        category: 'run-folders',
        name: `${reader.name}: ${corruption.name}`,
        setup: (box) => placeRuns(box, corruption),
        args: (box) => reader.args(box, join(box.runs, 'victim')),
        names: [['victim']],
        allowedCodes: reader.allowedCodes,
        mayChange: reader.mayChange,
      });
    }
  }
  cases.push(...besideRunsCases(), ...shardCases());
  return cases;
}

/** A good run and the corrupted one under the case's runs folder (beside the bystander `src/`). */
function placeRuns(box: CaseSandbox, corruption: Corruption | undefined): void {
  cpSync(box.fixtures.simA, join(box.runs, 'good'), { recursive: true });
  const victim = join(box.runs, 'victim');
  cpSync(box.fixtures.simB, victim, { recursive: true });
  corruption?.apply(victim);
}

/** Things that are not runs beside the runs: dangling links, a file, an empty folder, a link to a run. */
function besideRunsCases(): CliCase[] {
  const oddities: [string, (box: CaseSandbox) => void][] = [
    ['a dangling symlink', (b) => symlinkSync('/nonexistent/run', join(b.runs, 'dangling'))],
    ['a symlink to a run', (b) => symlinkSync(join(b.runs, 'good'), join(b.runs, 'link'))],
    ['a plain file', (b) => writeFileSync(join(b.runs, 'notes.txt'), 'notes\n')],
    ['an empty folder', (b) => mkdirSync(join(b.runs, 'empty'))],
    ['a folder with run.json only', (b) => writeRunJsonOnly(join(b.runs, 'half'))],
    ['a symlink loop', (b) => symlinkSync(join(b.runs, 'loop'), join(b.runs, 'loop'))],
  ];
  const cases: CliCase[] = [];
  for (const [name, make] of oddities) {
    for (const reader of READERS.filter((r) => r.name.startsWith('runs'))) {
      cases.push({
        kind: 'cli',
        category: 'run-folders',
        name: `${reader.name}: ${name} beside the runs`,
        setup: (box) => {
          placeRuns(box, undefined);
          make(box);
        },
        args: (box) => reader.args(box, ''),
        mayChange: reader.mayChange,
      });
    }
    cases.push({
      kind: 'cli',
      category: 'run-folders',
      name: `report by id: ${name}`,
      setup: (box) => {
        placeRuns(box, undefined);
        make(box);
      },
      args: () => ['report', name.includes('loop') ? 'loop' : 'dangling'],
    });
  }
  return cases;
}

function writeRunJsonOnly(folder: string): void {
  mkdirSync(folder);
  writeFileSync(join(folder, 'run.json'), '{"formatVersion":2,"kind":"sim"}');
}

/** Shards with a damaged file, merged with the two good ones. */
function shardCases(): CliCase[] {
  const damages: [string, (shard: string) => void][] = [
    ['shard.json bad JSON', edit('shard.json', (t) => t.slice(0, 5))],
    ['shard.json index 7', json('shard.json', (v) => ({ ...v, index: 7 }))],
    ['metrics.json truncated', edit('metrics.json', (t) => t.slice(0, t.length / 2))],
    ['metrics.json missing', remove('metrics.json')],
    ['scenario.json changed', edit('scenario.json', (t) => t.replace('probe-tiny', 'probe-other'))],
    ['scenario.json missing', remove('scenario.json')],
    ['shard.json newer format', json('shard.json', (v) => ({ ...v, formatVersion: 99 }))],
    ['shard.json replications 2^31', json('shard.json', (v) => ({ ...v, replications: 2 ** 31 }))],
  ];
  return damages.map(([name, damage]) => ({
    kind: 'cli' as const,
    category: 'run-folders' as const,
    name: `merge: ${name}`,
    setup: (box: CaseSandbox) => {
      box.fixtures.shards.forEach((shard, i) => {
        cpSync(shard, join(box.dir, 'shards', String(i + 1)), { recursive: true });
      });
      damage(join(box.dir, 'shards', '2'));
    },
    args: (box: CaseSandbox) => [
      'merge',
      ...[1, 2, 3].map((i) => join(box.dir, 'shards', String(i))),
      '--out',
      join(box.dir, 'merged'),
    ],
    names: [['shards/2', 'shard 2', '2/3']],
  }));
}
