// Every flag that writes (run folders, pages, manifests, files) x every way its path can be wrong:
// an existing file, under a file, a dangling symbolic link, under /proc, a read-only folder, missing
// parents, a folder that holds other things, the root, an empty string. The contract: checked before
// the work (exit 2 naming the flag), or written where asked; never a bystander touched.
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseSandbox, CliCase } from './ProbeCase.js';

interface Hazard {
  name: string;
  /** Makes the hazard in the sandbox and returns the path to give the flag. */
  make: (box: CaseSandbox) => string;
}

const HAZARDS: readonly Hazard[] = [
  { name: 'an existing file', make: (box) => file(join(box.dir, 'hazard-file')) },
  { name: 'under a file', make: (box) => join(file(join(box.dir, 'hazard-file')), 'sub') },
  {
    name: 'a dangling symlink',
    make: (box) => {
      const link = join(box.dir, 'dangling');
      symlinkSync(join(box.dir, 'nowhere'), link);
      return link;
    },
  },
  { name: 'under /proc', make: () => '/proc/hotline-probe/out' },
  { name: 'in /proc itself', make: () => '/proc/self/hotline-probe' },
  {
    name: 'a read-only folder',
    make: (box) => {
      const folder = join(box.dir, 'read-only');
      mkdirSync(folder);
      chmodSync(folder, 0o555);
      return join(folder, 'out');
    },
  },
  { name: 'missing parents', make: (box) => join(box.dir, 'a', 'b', 'c', 'out') },
  { name: 'a folder with other things in it', make: (box) => join(box.dir, 'keep') },
  { name: 'the root folder', make: () => '/' },
  { name: 'an empty string', make: () => '' },
  { name: 'a path under /dev/null', make: () => '/dev/null/out' },
];

function file(path: string): string {
  writeFileSync(path, 'not a folder\n');
  return path;
}

interface OutputFlag {
  name: string;
  flag: string;
  /** A file output: an existing file at the path is replaced (a folder output must leave it alone). */
  file?: boolean;
  args: (box: CaseSandbox, out: string) => string[];
  allowedCodes?: readonly number[];
  timeoutMs?: number;
}

const OUTPUT_FLAGS: readonly OutputFlag[] = [
  {
    name: 'sim --out',
    flag: '--out',
    args: (b, o) => ['sim', b.fixtures.tiny, '-r', '1', '-t', '1', '-q', '--out', o],
  },
  {
    name: 'sim --shard --out',
    flag: '--out',
    args: (b, o) => ['sim', b.fixtures.tiny, '-r', '3', '-t', '1', '-q', '--shard', '1/3', '--out', o],
  },
  {
    name: 'sim --emit-k8s',
    flag: '--emit-k8s',
    args: (b, o) => ['sim', b.fixtures.tiny, '-r', '4', '--emit-k8s', o, '--shards', '2'],
  },
  { name: 'merge --out', flag: '--out', args: (b, o) => ['merge', ...b.fixtures.shards, '--out', o] },
  {
    name: 'whatif --out',
    flag: '--out',
    args: (b, o) => [
      'whatif',
      b.fixtures.tiny,
      '-r',
      '1',
      '-t',
      '1',
      '-q',
      '--vary',
      'channels.phone.demand.scale=1,1.1',
      '--out',
      o,
    ],
  },
  {
    name: 'load --out',
    flag: '--out',
    args: (b, o) => [
      'load',
      b.fixtures.tiny,
      '--from',
      '00:00',
      '--to',
      '01:00',
      '--time-scale',
      '3600',
      '-q',
      '--out',
      o,
    ],
    allowedCodes: [0, 2, 99],
    timeoutMs: 120_000,
  },
  {
    name: 'load --emit-k6-operator',
    flag: '--emit-k6-operator',
    args: (b, o) => ['load', b.fixtures.tiny, '--target', 'http://127.0.0.1:9', '--emit-k6-operator', o],
  },
  {
    name: 'compare --out',
    file: true,
    flag: '--out',
    args: (b, o) => ['compare', b.fixtures.simA, b.fixtures.simB, '--out', o],
  },
  {
    name: 'compare --junit',
    file: true,
    flag: '--junit',
    args: (b, o) => [
      'compare',
      b.fixtures.simA,
      b.fixtures.simB,
      '--fail-on',
      'slOffered<-0.5',
      '--junit',
      o,
      '--out',
      join(b.dir, 'c.html'),
    ],
    allowedCodes: [0, 1, 2],
  },
  { name: 'schema --out', file: true, flag: '--out', args: (_, o) => ['schema', '--out', o] },
  {
    name: 'staff --write',
    file: true,
    flag: '--write',
    args: (b, o) => ['staff', b.fixtures.mmc, '-q', '-r', '1', '--check-replications', '1', '--write', o],
  },
  {
    name: 'staff --html',
    file: true,
    flag: '--html',
    args: (b, o) => ['staff', b.fixtures.mmc, '-q', '-r', '1', '--check-replications', '1', '--html', o],
  },
];

export function outPathCases(): CliCase[] {
  const cases: CliCase[] = [];
  for (const output of OUTPUT_FLAGS) {
    for (const hazard of HAZARDS) {
      let out = '';
      cases.push({
        kind: 'cli',
        category: 'out-paths',
        name: `${output.name} at ${hazard.name}`,
        setup: (box) => {
          out = hazard.make(box);
        },
        args: (box) => output.args(box, out),
        names: [[output.flag]],
        mayChange: output.file && hazard.name === 'an existing file' ? ['hazard-file'] : [],
        allowedCodes: output.allowedCodes,
        timeoutMs: output.timeoutMs,
      });
    }
  }
  return cases;
}
