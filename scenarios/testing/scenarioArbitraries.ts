// Test support: fast-check generators of scenario files, valid and broken, for the property tests of
// the loader and the CLI. Values are biased towards the edges that used to break things: huge and
// tiny numbers, 2^31, durations written with hundreds of digits, dates near 9999-12-31, overlapping
// breaks, deep nesting.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import type { ScenarioFile } from '../scenarioSchema.js';

export function referenceScenario(name = 'stationary-mmc'): ScenarioFile {
  const path = fileURLToPath(new URL(`../${name}.json`, import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8')) as ScenarioFile;
}

/** Numbers at the edges (JSON has no NaN or Infinity: JSON.stringify writes those as null). */
export const edgyNumber: fc.Arbitrary<number> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      0,
      1,
      -1,
      0.5,
      2 ** 31,
      2 ** 32,
      2 ** 53,
      1e6,
      1e9,
      1e200,
      1e-200,
      -1e-200,
      1e308,
      366,
      367,
    ),
  },
  fc.integer({ min: -10, max: 2000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

const units = ['ms', 's', 'm', 'h', 'd'] as const;

export const duration: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.integer({ min: 0, max: 500 }), fc.constantFrom(...units))
      .map(([n, u]) => `${n}${u}`),
  },
  fc
    .tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 999 }), fc.constantFrom(...units))
    .map(([a, b, u]) => `${a}.${b}${u}`),
  fc.constantFrom(
    '0s',
    '366d',
    '367d',
    '8785h',
    `1${'0'.repeat(400)}s`,
    `${'9'.repeat(30)}ms`,
    '1e400s',
    '20',
    's',
    '-5s',
    '',
  ),
);

const distributionParams = {
  exponential: () => fc.record({ kind: fc.constant('exponential'), mean: duration }),
  deterministic: () => fc.record({ kind: fc.constant('deterministic'), value: duration }),
  uniform: () => fc.record({ kind: fc.constant('uniform'), min: duration, max: duration }),
  lognormal: () => fc.record({ kind: fc.constant('lognormal'), mean: duration, cv: edgyNumber }),
  gamma: () => fc.record({ kind: fc.constant('gamma'), mean: duration, cv: edgyNumber }),
  erlang: () => fc.record({ kind: fc.constant('erlang'), mean: duration, k: edgyNumber }),
  empirical: () =>
    fc.record(
      {
        kind: fc.constant('empirical'),
        values: fc.array(duration, { minLength: 0, maxLength: 5 }),
        weights: fc.array(edgyNumber, { minLength: 0, maxLength: 5 }),
      },
      { requiredKeys: ['kind', 'values'] },
    ),
};

export const distribution: fc.Arbitrary<unknown> = fc.oneof(
  duration,
  ...Object.values(distributionParams).map((make) => make()),
  fc.record({ kind: fc.constantFrom('weibull', 'Gamma', ''), mean: duration }),
);

const clock = fc.oneof(
  fc
    .tuple(fc.integer({ min: 0, max: 24 }), fc.constantFrom(0, 15, 30, 45))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
  fc.constantFrom('24:00', '23:59', '25:00', '7:00', 'noon'),
);

const shift = fc.record(
  {
    start: clock,
    length: duration,
    agents: edgyNumber,
    days: fc.subarray(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']),
    breaks: fc.array(fc.record({ after: duration, length: duration }), { maxLength: 3 }),
  },
  { requiredKeys: ['start', 'length', 'agents'] },
);

const agentsTable = (n: number) =>
  fc.oneof(
    fc.array(fc.integer({ min: 0, max: 50 }), { minLength: n, maxLength: n }),
    fc.array(edgyNumber, { maxLength: 50 }),
  );

export const staffing: fc.Arbitrary<unknown> = fc.oneof(
  fc.record({ kind: fc.constant('constant'), agents: edgyNumber }),
  fc.record({ kind: fc.constant('perInterval'), agents: agentsTable(48) }),
  fc.record({
    kind: fc.constant('weekly'),
    agents: fc.record({ mon: agentsTable(48), sat: agentsTable(48) }),
  }),
  fc.record({ kind: fc.constant('shifts'), shifts: fc.array(shift, { minLength: 0, maxLength: 4 }) }),
);

const isoDate = fc.oneof(
  fc
    .date({ min: new Date('1900-01-01'), max: new Date('9999-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom('9999-12-31', '9999-12-01', '2021-02-30', '0000-01-01', '2024-13-01'),
);

/** Parsed JSON edited freely: the point is to produce any shape, valid or not. */
// biome-ignore lint/suspicious/noExplicitAny: generated edits of parsed JSON of any shape
type LooseJson = Record<string, any>;

/** One change to a scenario file: which part, and what it becomes. */
type Change = (file: LooseJson) => void;

const changes: fc.Arbitrary<Change>[] = [
  isoDate.map((v) => (f) => {
    f.calendar.startDate = v;
  }),
  edgyNumber.map((v) => (f) => {
    f.calendar.days = v;
  }),
  fc.constantFrom('15m', '30m', '60m', '45m').map((v) => (f) => {
    f.calendar.interval = v;
  }),
  fc.oneof(edgyNumber, fc.record({ mon: edgyNumber, tue: edgyNumber })).map((v) => (f) => {
    f.channels.phone.demand.callsPerDay = v;
  }),
  fc.array(edgyNumber, { maxLength: 60 }).map((v) => (f) => {
    f.channels.phone.demand.intradayShape = v;
  }),
  edgyNumber.map((v) => (f) => {
    f.channels.phone.demand.dailyCv = v;
  }),
  distribution.map((v) => (f) => {
    f.channels.phone.talkTime = v;
  }),
  distribution.map((v) => (f) => {
    f.channels.phone.patience = v;
  }),
  distribution.map((v) => (f) => {
    f.channels.phone.afterCallWork = v;
  }),
  fc.tuple(distribution, edgyNumber).map(([time, share]) => (f) => {
    f.channels.phone.ivr = { time, selfServiceShare: share };
  }),
  edgyNumber.map((v) => (f) => {
    f.channels.phone.trunkLines = v;
  }),
  staffing.map((v) => (f) => {
    f.agents.groups[0].staffing = v;
  }),
  // The chat channel, served by the same group, with one edgy part.
  fc
    .tuple(
      fc.constantFrom(
        'messages',
        'replyTime',
        'patience',
        'concurrencyFactors',
        'sessionsPerDay',
        'maxChats',
      ),
      fc.oneof(edgyNumber, distribution, fc.array(edgyNumber, { maxLength: 4 })),
    )
    .map(([part, v]) => (f) => {
      f.agents.groups[0].skills = ['phone', 'chat'];
      f.agents.groups[0].maxChats = part === 'maxChats' ? v : 3;
      const chat: LooseJson = {
        hours: '24/7',
        demand: { sessionsPerDay: 500, intradayShape: [1] },
        messages: { kind: 'geometric', mean: 2 },
        thinkTime: '1m',
        replyTime: '2m',
        concurrencyFactors: [1, 1.2, 1.5],
        patience: '10m',
        targets: { firstResponse: { variant: 'slOffered', threshold: '2m', goal: 0.8 } },
      };
      chat.demand.intradayShape = Array(48).fill(1);
      if (part === 'sessionsPerDay') chat.demand.sessionsPerDay = v;
      else if (part !== 'maxChats') chat[part] = v;
      f.channels.chat = chat;
    }),
  fc.tuple(distribution, edgyNumber, edgyNumber).map(([delay, p, attempts]) => (f) => {
    f.channels.phone.retrial = { afterAbandoned: p, delay, maxAttempts: attempts };
  }),
  fc
    .array(
      fc.record({
        name: fc.constantFrom('a', 'b', ''),
        share: edgyNumber,
        priority: edgyNumber,
        patience: distribution,
      }),
      {
        maxLength: 3,
      },
    )
    .map((v) => (f) => {
      f.channels.phone.priorityClasses = v;
    }),
  fc
    .oneof(
      fc.constant('24/7'),
      fc.record({
        mon: fc.array(
          fc.tuple(clock, clock).map(([a, b]) => `${a}-${b}`),
          { maxLength: 3 },
        ),
      }),
    )
    .map((v) => (f) => {
      f.channels.phone.hours = v;
    }),
  fc.tuple(duration, edgyNumber).map(([threshold, goal]) => (f) => {
    f.channels.phone.targets.serviceLevel = { variant: 'slOffered', threshold, goal };
  }),
  fc.record({ addedLatency: distribution, errorRate: edgyNumber }, { requiredKeys: [] }).map((v) => (f) => {
    f.channels.phone.faults = v;
  }),
  // Anything anywhere: a JSON value, possibly deeply nested, in place of a field or as an extra one.
  fc
    .tuple(
      fc.constantFrom('name', 'description', 'calendar', 'channels', 'source', 'extra'),
      fc.oneof(
        fc.jsonValue({ maxDepth: 4 }),
        fc.integer({ min: 1, max: 20_000 }).map((n) => `${NESTED}${n}`),
      ),
    )
    .map(([key, value]) => (f) => {
      f[key] = value;
    }),
];

// Deep nesting is spliced into the text (JSON.stringify itself would overflow the stack).
const NESTED = '__nested__';
const NESTED_RE = new RegExp(`"${NESTED}(\\d+)"`, 'g');

/** The text of a scenario file: a reference scenario with 0 to 3 changes. */
export function scenarioText(base = 'stationary-mmc'): fc.Arbitrary<string> {
  // Mostly one change, so an edge value is judged on its own rather than hidden by another error.
  const change = fc.oneof(...changes);
  const list = fc.oneof(
    { weight: 4, arbitrary: change.map((c) => [c]) },
    { weight: 1, arbitrary: fc.array(change, { minLength: 0, maxLength: 3 }) },
  );
  return list.map((list) => {
    const file = referenceScenario(base) as unknown as LooseJson;
    for (const change of list) {
      try {
        change(file);
      } catch {
        // an earlier change replaced the part this one edits: nothing to change
      }
    }
    return JSON.stringify(file).replace(
      NESTED_RE,
      (_, depth) => '['.repeat(Number(depth)) + ']'.repeat(Number(depth)),
    );
  });
}
