// The outbound channel's fragment of the scenario file (format 2: `channels.outbound`): a calling
// campaign dialled by the agents who have the `outbound` skill, blended with inbound by a threshold.
import { type Static, Type } from '@sinclair/typebox';
import { MAX_AGENTS, MAX_CALLS_PER_DAY } from '../../../scenarios/limits.js';
import {
  byWeekday,
  channelClosedDates,
  DemandScale,
  DistributionSpec,
  Duration,
  OpeningHours,
  Share,
  SL_VARIANTS,
  strict,
} from '../../../scenarios/schemaParts.js';

/** The most attempts a campaign may make per number. */
export const MAX_ATTEMPTS_PER_NUMBER = 50;

const Numbers = Type.Number({ minimum: 0, maximum: MAX_CALLS_PER_DAY });

const Campaign = Type.Object(
  {
    numbersPerDay: Type.Union([Numbers, byWeekday(Numbers, 'Numbers per weekday; a missing day has none.')], {
      description:
        "Numbers put on the dialling list each day, at the day's first dialling interval: one number, or per weekday.",
    }),
    scale: Type.Optional(DemandScale),
    window: Type.Union(OpeningHours.anyOf, {
      description:
        'Dialling hours: "24/7" or ranges per weekday on interval boundaries, e.g. {"mon": ["09:00-21:00"]}. No dial starts outside them; a dial in progress at the close finishes.',
    }),
    leftover: Type.Optional(
      Type.Union([Type.Literal('carry'), Type.Literal('drop')], {
        description:
          "Numbers not yet reached at the window's close: 'carry' (default) keeps them for the next window (fresh and retry numbers alike); 'drop' gives them up (counted as dropped).",
      }),
    ),
  },
  { ...strict, description: 'The dialling list: how many numbers each day, and when they may be dialled.' },
);

const OutboundTargets = Type.Object(
  {
    reached: Type.Object(
      {
        variant: Type.Union(SL_VARIANTS.map((v) => Type.Literal(v))),
        threshold: Duration,
        goal: Share,
      },
      {
        ...strict,
        description:
          'Campaign service level: numbers reached (a connected call completed) within `threshold` of being put on the list, e.g. 80% within 1 day. "abandoned" here = given up (failed or dropped).',
      },
    ),
    maxGivenUpShare: Type.Optional(Share),
  },
  strict,
);

export const OutboundChannel = Type.Object(
  {
    campaign: Campaign,
    closedDates: channelClosedDates(),
    maxAttempts: Type.Integer({
      minimum: 1,
      maximum: MAX_ATTEMPTS_PER_NUMBER,
      description: 'Attempts per number before it is counted as failed.',
    }),
    connectProbability: Type.Number({
      exclusiveMinimum: 0,
      maximum: 1,
      description: 'Probability that an attempt connects (the callee answers); more than 0, at most 1.',
    }),
    retryDelay: DistributionSpec,
    noAnswerTime: DistributionSpec,
    talkTime: DistributionSpec,
    afterCallWork: Type.Optional(DistributionSpec),
    reserveIdleAgents: Type.Integer({
      minimum: 0,
      maximum: MAX_AGENTS,
      description:
        'The threshold T of the blending policy: an agent starts a dial only when at least T agents of the outbound groups stay idle after it leaves, so inbound contacts find an agent at once.',
    }),
    targets: OutboundTargets,
  },
  {
    ...strict,
    description:
      'An outbound calling campaign worked by the agents with the `outbound` skill between their inbound contacts (threshold blending).',
  },
);

export type OutboundChannelFile = Static<typeof OutboundChannel>;
