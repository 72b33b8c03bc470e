// The run folder format, written once in TypeBox: the loader validates run.json, summary.json and
// replications.json against it, and `runFormatJsonSchema()` gives the same rules to other tools
// (k6 result writers, notebooks) as a JSON Schema.
import { type Static, Type } from '@sinclair/typebox';
import { PHONE_METRICS, type PhoneMetric } from '../sim/metrics/PhoneMetrics.js';
import { ServerCrossCheckSchema } from './serverCrossCheck.js';

const Num = Type.Number();
const NullableNum = Type.Union([Num, Type.Null()]);
const IsoDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });

export const RunKindSchema = Type.Union([Type.Literal('sim'), Type.Literal('k6')]);

export const MetricSummarySchema = Type.Object({
  mean: NullableNum,
  ci95: Type.Union([Type.Tuple([Num, Num]), Type.Null()]),
  n: Type.Integer({ minimum: 0 }),
});

// Every metric is optional: a measured (k6) run cannot observe some of them (e.g. occupancy), and a
// missing metric is shown as "n/a" rather than making the whole run unreadable.
const metricEntries = <T extends ReturnType<typeof Type.Optional>>(value: T) =>
  Object.fromEntries(PHONE_METRICS.map((m) => [m, value])) as Record<PhoneMetric, T>;

export const PhoneSummarySchema = Type.Object(metricEntries(Type.Optional(MetricSummarySchema)));

export const RunInfoSchema = Type.Object({
  formatVersion: Type.Integer({ minimum: 1 }),
  kind: RunKindSchema,
  id: Type.String(),
  scenario: Type.Object({
    name: Type.String(),
    file: Type.Union([Type.String(), Type.Null()]),
    contentHash: Type.String(),
  }),
  seed: Type.Union([Type.Number(), Type.String()]),
  replications: Type.Integer({ minimum: 1 }),
  days: Type.Integer({ minimum: 1 }),
  startDate: IsoDate,
  intervalMinutes: Type.Number({ exclusiveMinimum: 0 }),
  toolVersion: Type.String(),
  startedAt: Type.String(),
  durationMs: Type.Number({ minimum: 0 }),
});

export const TargetsSchema = Type.Object({
  variant: Type.String(),
  thresholdS: Num,
  goal: Num,
  maxAbandonRate: NullableNum,
  maxAsaS: NullableNum,
});

/** The day window the run-level figures cover (absent: the whole horizon). */
export const WindowSchema = Type.Object({
  day: Type.Integer({ minimum: 1 }),
  from: Type.String({ pattern: '^[0-9]{2}:[0-9]{2}$' }),
  to: Type.String({ pattern: '^[0-9]{2}:[0-9]{2}$' }),
});

export const RunSummarySchema = Type.Object({
  formatVersion: Type.Integer({ minimum: 1 }),
  kind: RunKindSchema,
  scenario: Type.String(),
  replications: Type.Integer({ minimum: 1 }),
  channels: Type.Array(Type.String()),
  window: Type.Optional(WindowSchema),
  phone: PhoneSummarySchema,
  targets: Type.Object({ phone: TargetsSchema }),
  days: Type.Object({
    phone: Type.Array(
      Type.Intersect([Type.Object({ date: IsoDate, weekday: Type.String() }), PhoneSummarySchema]),
    ),
  }),
  serverCrossCheck: Type.Optional(ServerCrossCheckSchema),
});

const MetricColumnsSchema = Type.Object(metricEntries(Type.Optional(Type.Array(NullableNum))));

export const ReplicationsFileSchema = Type.Object({
  formatVersion: Type.Integer({ minimum: 1 }),
  replications: Type.Integer({ minimum: 1 }),
  run: MetricColumnsSchema,
  days: Type.Array(MetricColumnsSchema),
});

export type RunInfoData = Static<typeof RunInfoSchema>;
export type RunSummaryData = Static<typeof RunSummarySchema>;
export type PhoneSummaryData = Static<typeof PhoneSummarySchema>;
export type ReplicationsData = Static<typeof ReplicationsFileSchema>;

/** One JSON Schema document describing the three JSON files of a run folder. */
export function runFormatJsonSchema(): object {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'hotline run folder',
    description:
      'run.json, summary.json and replications.json of results/runs/<id>/; intervals.csv has one row ' +
      'per interval with <metric>, <metric>_lo, <metric>_hi columns.',
    definitions: { run: RunInfoSchema, summary: RunSummarySchema, replications: ReplicationsFileSchema },
  };
}
