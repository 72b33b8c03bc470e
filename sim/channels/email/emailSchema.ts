// The e-mail channel's fragment of the scenario file (format 2: `channels.email`).
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
  strict,
} from '../../../scenarios/schemaParts.js';

const EmailDemand = Type.Object(
  {
    emailsPerDay: Type.Union(
      [Type.Number({ minimum: 0 }), byWeekday(Type.Number({ minimum: 0 }), 'E-mails per day.')],
      { description: 'E-mails received per day: one number, or per weekday (every weekday must be given).' },
    ),
    emailsPerDate: Type.Optional(
      Type.Record(Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' }), Type.Number({ minimum: 0 }), {
        description: 'E-mails on particular dates, overriding emailsPerDay.',
      }),
    ),
    scale: Type.Optional(DemandScale),
    intradayShape: Type.Union([IntradayShape, byWeekday(IntradayShape, 'Shape per weekday.')], {
      description:
        'When e-mails are sent (around the clock, whatever the working hours): one shape, or one per weekday.',
    }),
    dailyCv: Type.Optional(
      Type.Number({ minimum: 0, maximum: 2, description: 'Day-to-day variability of volume.' }),
    ),
  },
  strict,
);

/** The service-level variants of the e-mail channel (see emailMetricSpecs.ts). */
export const EMAIL_SL_VARIANTS = ['slIncludingOverdue', 'slAnswered'] as const;

const EmailTargets = Type.Object(
  {
    answeredWithin: Type.Optional({
      ...Duration,
      description:
        'Working time within which an e-mail should be answered, on the working-hours clock ("9h" = 9 working hours); default one working day (the longest day of workingHours).',
    }),
    goal: { ...Share, description: 'Share of e-mails answered within answeredWithin, e.g. 0.9.' },
    variant: Type.Optional(
      Type.Union(
        EMAIL_SL_VARIANTS.map((v) => Type.Literal(v)),
        {
          description:
            'slIncludingOverdue (default): answered within / (answered + still unanswered past answeredWithin at the end); slAnswered: answered within / answered.',
        },
      ),
    ),
  },
  {
    ...strict,
    description: 'Share of e-mails answered within N working hours (FACTS: portal-support, one working day).',
  },
);

export const EmailChannel = Type.Object(
  {
    workingHours: {
      ...OpeningHours,
      description:
        'When agents work e-mails, and what the response clock counts: "24/7" or ranges per weekday, to the minute, e.g. {"mon": ["09:00-18:00"]}.',
    },
    closedDates: channelClosedDates(
      'Dates nobody works e-mails, besides calendar.closedDates (holidays of the back office while the phone line runs).',
    ),
    demand: EmailDemand,
    handleTime: DistributionSpec,
    targets: EmailTargets,
  },
  {
    ...strict,
    description:
      'E-mails: a FIFO backlog worked in working hours by agents with the email skill when their higher-priority skills leave them idle (or by a dedicated group).',
  },
);

export type EmailChannelFile = Static<typeof EmailChannel>;
