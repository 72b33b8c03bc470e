// The phone channel's fragment of the scenario file (format 2: `channels.phone`).
import { type Static, Type } from '@sinclair/typebox';
import { MAX_CALLS_PER_DAY, MAX_PRIORITY, MAX_TRUNK_LINES } from '../../../scenarios/limits.js';
import {
  byWeekday,
  Calls,
  Clock,
  channelClosedDates,
  DemandScale,
  DistributionSpec,
  Duration,
  IntradayShape,
  OpeningHours,
  Share,
  SL_VARIANTS,
  strict,
} from '../../../scenarios/schemaParts.js';

const PhoneDemand = Type.Object(
  {
    callsPerDay: Type.Union([Calls, byWeekday(Calls, 'Calls per day.')], {
      description: `Calls per day (at most ${MAX_CALLS_PER_DAY.toLocaleString('en-US')}): one number, or per weekday (every weekday must be given).`,
    }),
    callsPerDate: Type.Optional(
      Type.Record(Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' }), Calls, {
        description: 'Calls on particular dates, overriding callsPerDay.',
      }),
    ),
    scale: Type.Optional(DemandScale),
    intradayShape: Type.Union([IntradayShape, byWeekday(IntradayShape, 'Shape per weekday.')], {
      description: 'One shape for every day, or one per weekday (every weekday must be given).',
    }),
    dailyCv: Type.Optional(
      Type.Number({
        minimum: 0,
        maximum: 2,
        description: 'Day-to-day variability of volume (coefficient of variation).',
      }),
    ),
  },
  strict,
);

const Ivr = Type.Object(
  {
    time: DistributionSpec,
    selfServiceShare: Type.Optional(Share),
  },
  strict,
);

const Retrial = Type.Object(
  {
    afterBlocked: Type.Optional(Share),
    afterAbandoned: Type.Optional(Share),
    afterClosed: Type.Optional(Share),
    delay: DistributionSpec,
    maxAttempts: Type.Integer({
      minimum: 1,
      maximum: 100,
      description: 'Attempts in all, the first one included.',
    }),
  },
  strict,
);

const PriorityClass = Type.Object(
  {
    name: Type.String({ minLength: 1 }),
    share: Share,
    priority: Type.Integer({
      minimum: 0,
      maximum: MAX_PRIORITY,
      description:
        'Higher is answered first; first come, first served within a priority (classes of equal priority share one line).',
    }),
    patience: Type.Optional(DistributionSpec),
  },
  strict,
);

const Targets = Type.Object(
  {
    serviceLevel: Type.Object(
      {
        variant: Type.Union(SL_VARIANTS.map((v) => Type.Literal(v))),
        threshold: Duration,
        goal: Share,
      },
      strict,
    ),
    maxAbandonRate: Type.Optional(Share),
    maxAsa: Type.Optional(Duration),
  },
  strict,
);

// Faults are what the mocks inject into their answers, so a replay can rehearse a bad day; the
// simulator does not model them (a real deployment under `hotline load --target` has its own).
const Faults = Type.Object(
  {
    addedLatency: Type.Optional(DistributionSpec),
    errorRate: Type.Optional(Share),
    outage: Type.Optional(Type.Object({ from: Clock, to: Clock }, strict)),
  },
  {
    ...strict,
    description:
      'Faults of the mocks: wall-clock latency added to each answer, share of calls answered 500, a daily outage window of model time (503).',
  },
);
export type FaultsFile = Static<typeof Faults>;

export const PhoneChannel = Type.Object(
  {
    hours: OpeningHours,
    closedDates: channelClosedDates(),
    demand: PhoneDemand,
    trunkLines: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: MAX_TRUNK_LINES,
        description: 'Lines; a call is blocked when all are busy.',
      }),
    ),
    ivr: Type.Optional(Ivr),
    talkTime: DistributionSpec,
    afterCallWork: Type.Optional(DistributionSpec),
    patience: DistributionSpec,
    retrial: Type.Optional(Retrial),
    priorityClasses: Type.Optional(Type.Array(PriorityClass, { minItems: 1, maxItems: 50 })),
    targets: Targets,
    faults: Type.Optional(Faults),
  },
  strict,
);

export type PhoneChannelFile = Static<typeof PhoneChannel>;
