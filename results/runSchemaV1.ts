// Result format 1 (before the format was keyed by channel), kept only so run folders written then
// still load: loadRun validates them against these schemas and migrates them (migrateRunV1.ts).
import { type Static, Type } from '@sinclair/typebox';
import { channelObject, classSchema, MetricSummarySchema, TargetsSchema, WindowSchema } from './runSchema.js';

// Format 1 had the phone channel only.
const V1ChannelSummarySchema = channelObject('phone', MetricSummarySchema);
const V1ClassSummarySchema = classSchema('phone');

const IsoDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });
const MetricColumnsV1 = Type.Record(Type.String(), Type.Array(Type.Union([Type.Number(), Type.Null()])));

export const RunSummaryV1Schema = Type.Object({
  formatVersion: Type.Literal(1),
  kind: Type.Union([Type.Literal('sim'), Type.Literal('k6')]),
  scenario: Type.String(),
  replications: Type.Integer({ minimum: 1 }),
  channels: Type.Array(Type.String()),
  window: Type.Optional(WindowSchema),
  phone: V1ChannelSummarySchema,
  targets: Type.Object({ phone: TargetsSchema }),
  days: Type.Object({
    phone: Type.Array(
      Type.Intersect([Type.Object({ date: IsoDate, weekday: Type.String() }), V1ChannelSummarySchema]),
    ),
  }),
  classes: Type.Optional(Type.Object({ phone: Type.Array(V1ClassSummarySchema) })),
});

export const ReplicationsFileV1Schema = Type.Object({
  formatVersion: Type.Literal(1),
  replications: Type.Integer({ minimum: 1 }),
  run: MetricColumnsV1,
  days: Type.Array(MetricColumnsV1),
});

export type RunSummaryV1 = Static<typeof RunSummaryV1Schema>;
export type ReplicationsFileV1 = Static<typeof ReplicationsFileV1Schema>;
