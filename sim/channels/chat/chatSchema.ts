// The chat channel's fragment of the scenario file (format 2: `channels.chat`).
import { type Static, Type } from '@sinclair/typebox';
import {
  byWeekday,
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

const ChatDemand = Type.Object(
  {
    sessionsPerDay: Type.Union(
      [Type.Number({ minimum: 0 }), byWeekday(Type.Number({ minimum: 0 }), 'Sessions per day.')],
      { description: 'Chat sessions per day: one number, or per weekday (every weekday must be given).' },
    ),
    sessionsPerDate: Type.Optional(
      Type.Record(Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' }), Type.Number({ minimum: 0 }), {
        description: 'Sessions on particular dates, overriding sessionsPerDay.',
      }),
    ),
    scale: Type.Optional(DemandScale),
    intradayShape: Type.Union([IntradayShape, byWeekday(IntradayShape, 'Shape per weekday.')], {
      description: 'When residents open sessions (or post questions): one shape, or one per weekday.',
    }),
    dailyCv: Type.Optional(
      Type.Number({ minimum: 0, maximum: 2, description: 'Day-to-day variability of volume.' }),
    ),
  },
  strict,
);

const MessageCount = Type.Union(
  [
    Type.Integer({ minimum: 1, maximum: 1000, description: 'Every session has this many messages.' }),
    Type.Object(
      { kind: Type.Literal('geometric'), mean: Type.Number({ minimum: 1, maximum: 1000 }) },
      { ...strict, description: 'Geometric on 1, 2, ... with this mean.' },
    ),
    Type.Object(
      {
        kind: Type.Literal('empirical'),
        values: Type.Array(Type.Integer({ minimum: 1, maximum: 1000 }), { minItems: 1 }),
        weights: Type.Optional(Type.Array(Type.Number({ minimum: 0 }), { minItems: 1 })),
      },
      strict,
    ),
  ],
  {
    description:
      'Messages from the resident per session (each gets an agent reply): a number or a distribution.',
  },
);

const ChatTargets = Type.Object(
  {
    firstResponse: Type.Object(
      {
        variant: Type.Union(SL_VARIANTS.map((v) => Type.Literal(v))),
        threshold: Duration,
        goal: Share,
      },
      { ...strict, description: 'Service level on the first reply, e.g. 85% within 2 hours.' },
    ),
    maxAbandonRate: Type.Optional(Share),
  },
  strict,
);

export const ChatChannel = Type.Object(
  {
    hours: OpeningHours,
    closedDates: channelClosedDates(),
    asynchronous: Type.Optional(
      Type.Boolean({
        description:
          'true: questions posted outside the answering hours wait for them (messenger chats); false (default): a live chat is closed outside its hours.',
      }),
    ),
    demand: ChatDemand,
    messages: Type.Optional(MessageCount),
    thinkTime: Type.Optional(DistributionSpec),
    replyTime: DistributionSpec,
    concurrencyFactors: Type.Optional(
      Type.Array(Type.Number({ minimum: 1, maximum: 10 }), {
        minItems: 1,
        maxItems: 10,
        description:
          'Reply time stretch when an agent holds 1, 2, ... sessions, e.g. [1, 1.15, 1.4]; default 1 at every level.',
      }),
    ),
    patience: DistributionSpec,
    replyPatience: Type.Optional(DistributionSpec),
    targets: ChatTargets,
  },
  {
    ...strict,
    description:
      'Chat sessions: messages from the resident, each answered by an agent who holds up to maxChats sessions at once.',
  },
);

export type ChatChannelFile = Static<typeof ChatChannel>;
