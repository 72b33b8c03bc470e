// The portal channel's fragment of the scenario file (format 2: `channels.portal`).
import { type Static, Type } from '@sinclair/typebox';
import {
  byWeekday,
  channelClosedDates,
  DemandScale,
  DistributionSpec,
  IntradayShape,
  Share,
  strict,
} from '../../../scenarios/schemaParts.js';
import { MAX_DOCUMENTS } from './portalLimits.js';
import { SUPPORT_CAUSES, SUPPORT_CHANNELS } from './supportCauses.js';

/** The most working days a decision may take (about a year of working days). */
export const MAX_DECISION_DAYS = 250;

const PortalDemand = Type.Object(
  {
    applicationsPerDay: Type.Union(
      [Type.Number({ minimum: 0 }), byWeekday(Type.Number({ minimum: 0 }), 'Applications per day.')],
      {
        description:
          'Applications started per day: one number, or per weekday (every weekday must be given).',
      },
    ),
    applicationsPerDate: Type.Optional(
      Type.Record(Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' }), Type.Number({ minimum: 0 }), {
        description: 'Applications on particular dates, overriding applicationsPerDay.',
      }),
    ),
    scale: Type.Optional(DemandScale),
    intradayShape: Type.Union([IntradayShape, byWeekday(IntradayShape, 'Shape per weekday.')], {
      description: 'When applicants submit: one shape, or one per weekday.',
    }),
    dailyCv: Type.Optional(
      Type.Number({ minimum: 0, maximum: 2, description: 'Day-to-day variability of volume.' }),
    ),
  },
  strict,
);

const WorkingDayCount = Type.Integer({ minimum: 1, maximum: MAX_DECISION_DAYS });

const DecisionDays = Type.Union(
  [
    Type.Integer({
      minimum: 1,
      maximum: MAX_DECISION_DAYS,
      description: 'Every decision takes this many working days.',
    }),
    Type.Object(
      { kind: Type.Literal('uniform'), min: WorkingDayCount, max: WorkingDayCount },
      { ...strict, description: 'Each whole number of working days from min to max equally likely (5-7).' },
    ),
    Type.Object(
      {
        kind: Type.Literal('empirical'),
        values: Type.Array(WorkingDayCount, { minItems: 1 }),
        weights: Type.Optional(Type.Array(Type.Number({ minimum: 0 }), { minItems: 1 })),
      },
      strict,
    ),
  ],
  {
    description:
      'Working days from receipt to decision (receipt day not counted; weekends and calendar.closedDates are not working days).',
  },
);

const ApplicationType = Type.Object(
  {
    name: Type.String({ minLength: 1, pattern: '^[A-Za-z][A-Za-z0-9_-]*$' }),
    share: Share,
    decisionDays: DecisionDays,
    deadlineDays: Type.Integer({
      minimum: 1,
      maximum: MAX_DECISION_DAYS,
      description: 'The decision is on time within this many working days after receipt.',
    }),
  },
  strict,
);

const DocumentCount = Type.Union(
  [
    Type.Integer({
      minimum: 1,
      maximum: MAX_DOCUMENTS,
      description: 'Every application has this many documents.',
    }),
    Type.Object(
      { kind: Type.Literal('geometric'), mean: Type.Number({ minimum: 1, maximum: MAX_DOCUMENTS }) },
      { ...strict, description: 'Geometric on 1, 2, ... with this mean.' },
    ),
    Type.Object(
      {
        kind: Type.Literal('empirical'),
        values: Type.Array(Type.Integer({ minimum: 1, maximum: MAX_DOCUMENTS }), { minItems: 1 }),
        weights: Type.Optional(Type.Array(Type.Number({ minimum: 0 }), { minItems: 1 })),
      },
      strict,
    ),
  ],
  { description: 'Documents (PDF or JPG, at most 5 MB each) uploaded with each submission.' },
);

const Validation = Type.Object(
  {
    refused: Type.Object(
      { wrongType: Type.Optional(Share), tooBig: Type.Optional(Share), badField: Type.Optional(Share) },
      {
        ...strict,
        description:
          'Share of submissions refused, by the first problem found: wrongType (not PDF/JPG, empty), tooBig (over 5 MB), badField (a date not yyyy-mm-dd, a missing field). Together at most 1.',
      },
    ),
    resubmit: Type.Object(
      {
        probability: Share,
        delay: DistributionSpec,
        maxAttempts: Type.Optional(
          Type.Integer({ minimum: 1, maximum: 20, description: 'Submissions at most (default 3).' }),
        ),
      },
      {
        ...strict,
        description: 'After a refusal the applicant submits again with this probability, after this delay.',
      },
    ),
  },
  strict,
);

const SupportRule = Type.Object(
  {
    cause: Type.Union(SUPPORT_CAUSES.map((c) => Type.Literal(c))),
    probability: Share,
    channel: Type.Union(SUPPORT_CHANNELS.map((c) => Type.Literal(c))),
    delay: DistributionSpec,
  },
  {
    ...strict,
    description:
      'A share of the events of this cause make the applicant contact support on this channel after the delay (the contact joins that channel in the same run).',
  },
);

/** The largest document the replay's size range may name, KB (a valid upload is at most 5 MB). */
export const MAX_REPLAY_DOCUMENT_KB = 5120;
const DocumentKB = Type.Number({ minimum: 1, maximum: MAX_REPLAY_DOCUMENT_KB });

// How the k6 replay (`hotline load`) builds its uploads. The simulator models no file contents, so
// nothing here changes a simulated figure (as phone's `faults` only shape the mocks' answers).
const Replay = Type.Object(
  {
    pdfShare: Type.Optional({
      ...Share,
      description: 'Share of the uploaded documents that are PDFs; the rest are JPEGs (default 0.5).',
    }),
    documentKB: Type.Optional(
      Type.Object(
        { min: DocumentKB, max: DocumentKB },
        {
          ...strict,
          description:
            'Size of each uploaded document, KB (1 KB = 1024 bytes), uniform from min to max (default 100-1000: scans at 300 dpi).',
        },
      ),
    ),
    badUploads: Type.Optional(
      Type.Boolean({
        description:
          'Whether the replay sends the refused shares of validation.refused as deliberately bad uploads (415 wrong type, 413 over 5 MB, 400 a date like 12/31/2024), so the refusal path is under load. Default false: every upload is valid.',
      }),
    ),
  },
  {
    ...strict,
    description:
      'How the k6 replay builds its uploads (document types and sizes, deliberately bad uploads); the simulator ignores it.',
  },
);

export const PortalChannel = Type.Object(
  {
    demand: PortalDemand,
    closedDates: channelClosedDates(
      'Dates the back office does not work, besides calendar.closedDates: not working days for decisions.',
    ),
    applicationTypes: Type.Array(ApplicationType, {
      minItems: 1,
      maxItems: 16,
      description: 'Kinds of application, with shares adding up to 1 and decision times in working days.',
    }),
    documents: DocumentCount,
    validation: Validation,
    statusChecks: Type.Object(
      {
        perDay: Type.Number({
          minimum: 0,
          maximum: 48,
          description:
            'Status checks per applicant per day while the decision is pending (a Poisson process).',
        }),
      },
      strict,
    ),
    support: Type.Optional(Type.Array(SupportRule, { maxItems: 32 })),
    replay: Type.Optional(Replay),
    targets: Type.Object(
      {
        decisionsOnTime: Type.Object(
          { goal: Share },
          { ...strict, description: "Share of decisions within their type's deadlineDays." },
        ),
      },
      strict,
    ),
  },
  {
    ...strict,
    description:
      'Portal applications with documents: validation refusals and resubmissions, status checks, decisions after working days (back office, not the hotline agents), and support contacts they cause on phone or chat.',
  },
);

export type PortalChannelFile = Static<typeof PortalChannel>;
