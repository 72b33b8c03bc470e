// The check-in channel's fragment of the scenario file (format 2: `channels.checkin`).
import { type Static, Type } from '@sinclair/typebox';
import { DistributionSpec, Duration, Share, strict } from '../../../scenarios/schemaParts.js';

const Population = Type.Object(
  {
    initial: Type.Integer({
      minimum: 0,
      maximum: 10_000_000,
      description:
        'People under monitoring at the start; their remaining days are spread evenly over daysMonitored.',
    }),
    admissionsPerDay: Type.Number({
      minimum: 0,
      maximum: 1_000_000,
      description: 'People admitted per day, evenly over the day.',
    }),
    daysMonitored: Type.Integer({
      minimum: 1,
      maximum: 366,
      description: 'Days each person stays under monitoring (a quarantine: 14).',
    }),
  },
  {
    ...strict,
    description:
      'The monitored population. With initial = admissionsPerDay x daysMonitored it stays constant (steady state).',
  },
);

const Prompts = Type.Object(
  {
    meanGap: Duration,
    dailyProfile: Type.Optional(
      Type.Array(Type.Number({ minimum: 0 }), {
        description:
          'Relative prompt rate per interval of the day (normalised to mean 1, so meanGap stays the daily mean); default flat, day and night.',
      }),
    ),
  },
  {
    ...strict,
    description:
      'Each person gets prompts at random times, a Poisson process with this mean gap (scaled by the daily profile).',
  },
);

const Failures = Type.Object(
  {
    noResponse: Share,
    appError: Share,
    geolocationWrong: Share,
    photoNotIdentified: Share,
  },
  {
    ...strict,
    description:
      'Probabilities per prompt to a person who can use the app (sum at most 1): never answers; the app fails on sending; verification finds the geolocation wrong; the selfie is not identified. A response later than the deadline also counts as noResponse.',
  },
);

const Verification = Type.Object(
  {
    capacity: Type.Integer({
      minimum: 1,
      maximum: 100_000,
      description: 'Check-ins the automatic verification service works on at once; the rest queue.',
    }),
    latency: DistributionSpec,
    reviewShare: Type.Optional(
      Type.Number({
        minimum: 0,
        maximum: 1,
        description:
          'Share of prompts (of app users) whose check-in the service cannot decide: sent to manual review, where agents with the review skill confirm it. Default 0.',
      }),
    ),
  },
  strict,
);

const CallRule = Type.Object(
  {
    probability: Share,
    delay: DistributionSpec,
  },
  { ...strict, description: 'Whether the person calls the hotline after this failure, and after how long.' },
);

const Calls = Type.Object(
  {
    noResponse: Type.Optional(CallRule),
    appError: Type.Optional(CallRule),
    geolocationWrong: Type.Optional(CallRule),
    photoNotIdentified: Type.Optional(CallRule),
  },
  {
    ...strict,
    description:
      'Calls to the phone channel of the same run, per failure mode (a mode left out: nobody calls).',
  },
);

const CannotUseApp = Type.Object(
  {
    share: Share,
    callProbability: Share,
    callDelay: DistributionSpec,
  },
  {
    ...strict,
    description:
      'People who cannot run the app (push-button phones): a share of the population; each prompt they miss becomes a call with this probability.',
  },
);

const CheckinTargets = Type.Object(
  {
    confirmation: Type.Object(
      { threshold: Duration, goal: Share },
      {
        ...strict,
        description: 'Share of confirmed check-ins confirmed within the threshold of their submission.',
      },
    ),
    maxFailureRate: Type.Optional(Share),
  },
  strict,
);

export const CheckinChannel = Type.Object(
  {
    population: Population,
    prompts: Prompts,
    responseDelay: DistributionSpec,
    deadline: Duration,
    failures: Failures,
    verification: Verification,
    reviewTime: Type.Optional(DistributionSpec),
    calls: Type.Optional(Calls),
    cannotUseApp: Type.Optional(CannotUseApp),
    targets: CheckinTargets,
  },
  {
    ...strict,
    description:
      'Check-ins of a monitored population (home quarantine): prompts, selfie + geolocation responses, automatic verification, manual review, and the calls failures cause on the phone channel.',
  },
);

export type CheckinChannelFile = Static<typeof CheckinChannel>;
