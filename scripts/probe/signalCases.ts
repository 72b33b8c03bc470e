// SIGINT and SIGTERM to the commands that own children or take long (load with its k6, mocks, sim
// and whatif with worker threads, staff by simulation), at several moments, sent to the process (as
// `kill` does) or to its whole group (as Ctrl-C does). Contract: the signal's code (130/143, or 0
// for a server's clean stop, or the normal codes if it finished first), no process it started left
// running (k6 checked by PID), TMPDIR empty, no run folder half written.
import { join } from 'node:path';
import type { CaseSandbox, CliCase, CliOutcome } from './ProbeCase.js';

type Signal = 'SIGINT' | 'SIGTERM';

interface Target {
  name: string;
  args: (box: CaseSandbox) => string[];
  /** Moments: ms after start, or after a line matching `when` (then ms after it). */
  moments: readonly { name: string; afterMs: number; when?: RegExp }[];
  allowedCodes: readonly number[];
  /** Checks that the moment was reached (k6 was running when the signal came). */
  expectK6?: (moment: string) => boolean;
}

const TARGETS: readonly Target[] = [
  {
    name: 'load',
    args: (b) => [
      'load',
      b.fixtures.tiny,
      '--from',
      '00:00',
      '--to',
      '04:00',
      '--time-scale',
      '600',
      '--out',
      join(b.dir, 'run'),
    ],
    moments: [
      { name: 'at start', afterMs: 200 },
      { name: 'while preparing', afterMs: 1200 },
      { name: 'with k6 running', afterMs: 2500, when: /k6|replay/i },
      { name: 'late in the replay', afterMs: 12_000, when: /k6|replay/i },
    ],
    allowedCodes: [0, 2, 99],
    expectK6: (moment) => moment.includes('k6') || moment.includes('late'),
  },
  {
    name: 'mocks',
    args: (b) => ['mocks', b.fixtures.tiny, '--port', '0', '--time-scale', '60'],
    moments: [
      { name: 'at start', afterMs: 150 },
      { name: 'while serving', afterMs: 800, when: /http:\/\// },
    ],
    allowedCodes: [0],
  },
  {
    name: 'mocks --warm-start',
    args: (b) => ['mocks', b.fixtures.tiny, '--port', '0', '--warm-start', '--start', '20:00'],
    moments: [
      { name: 'while fast-forwarding', afterMs: 400 },
      { name: 'while serving', afterMs: 500, when: /http:\/\// },
    ],
    allowedCodes: [0],
  },
  {
    name: 'sim',
    args: (b) => ['sim', b.fixtures.tiny, '-r', '400', '-t', '2', '--out', join(b.dir, 'run')],
    moments: [
      { name: 'at start', afterMs: 200 },
      { name: 'starting workers', afterMs: 900 },
      { name: 'mid-run', afterMs: 1500, when: /\d+%|replication/i },
    ],
    allowedCodes: [0],
  },
  {
    name: 'whatif',
    args: (b) => [
      'whatif',
      b.fixtures.tiny,
      '-r',
      '100',
      '-t',
      '2',
      '--vary',
      'channels.phone.demand.scale=0.8,1,1.2',
      '--out',
      join(b.dir, 'grid'),
    ],
    moments: [
      { name: 'at start', afterMs: 300 },
      { name: 'mid-run', afterMs: 2500 },
    ],
    allowedCodes: [0],
  },
  {
    name: 'staff --method simulation',
    args: (b) => ['staff', b.fixtures.tiny, '--method', 'simulation', '-t', '2'],
    moments: [{ name: 'mid-run', afterMs: 2500 }],
    allowedCodes: [0],
  },
];

export function signalCases(): CliCase[] {
  const cases: CliCase[] = [];
  for (const target of TARGETS) {
    for (const moment of target.moments) {
      for (const signal of ['SIGINT', 'SIGTERM'] as Signal[]) {
        for (const toGroup of [false, true]) {
          cases.push({
            kind: 'cli',
            category: 'signals',
            name: `${target.name}: ${signal} to the ${toGroup ? 'group' : 'process'} ${moment.name}`,
            args: target.args,
            signal: { name: signal, afterMs: moment.afterMs, toGroup, when: moment.when },
            allowedCodes: target.allowedCodes,
            timeoutMs: 90_000,
            after: (_, outcome) => (target.expectK6?.(moment.name) ? k6Seen(outcome) : []),
          });
        }
      }
    }
  }
  return cases;
}

/** The case meant to catch k6 running: the probe must have seen a k6 process, or the moment was missed. */
function k6Seen(outcome: CliOutcome): string[] {
  if (outcome.code !== 130 && outcome.code !== 143) return [];
  const seen = [...outcome.seenProcesses.values()].some((command) =>
    /\bk6\b/.test(command.split(' ')[0] ?? ''),
  );
  return seen ? [] : ['probe: no k6 process was seen before the signal (moment missed)'];
}
