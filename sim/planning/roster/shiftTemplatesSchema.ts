// The shift-template file of `hotline roster` in TypeBox: the TypeScript types and the JSON Schema
// editors use (scenarios/shifts/shifts.schema.json, `hotline schema --shifts`), as for scenarios.
import { type Static, Type } from '@sinclair/typebox';
import { Clock, Duration, strict, WEEKDAYS } from '../../../scenarios/schemaParts.js';

const Weekday = Type.Union(
  WEEKDAYS.map((day) => Type.Literal(day)),
  { description: 'A weekday: mon, tue, wed, thu, fri, sat, sun.' },
);

const Money = Type.Number({ minimum: 0, maximum: 1e6, description: 'Cost per agent-hour.' });
const Extra = Type.Number({
  minimum: 0,
  maximum: 10,
  description: 'Extra share of the hourly cost, e.g. 0.25 for +25%.',
});

const StartsEvery = Type.Object(
  {
    every: Duration,
    from: Clock,
    to: Clock,
  },
  { ...strict, description: 'A start every `every` from `from` to `to` (both included), times of day.' },
);

const BreakRule = Type.Object(
  {
    length: Duration,
    earliest: Duration,
    latest: Duration,
  },
  {
    ...strict,
    description:
      'One break of `length`, starting no sooner than `earliest` after the shift start and ending no later than `latest` after it. Placed by the solver on the interval grid.',
  },
);

const Template = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 60 }),
    lengths: Type.Array(Duration, { minItems: 1, maxItems: 24, description: 'Shift lengths, e.g. ["8h"].' }),
    starts: Type.Union([Type.Array(Clock, { minItems: 1, maxItems: 1440 }), StartsEvery], {
      description:
        'Allowed start times: a list of HH:MM, or {"every": "30m", "from": "00:00", "to": "23:30"}.',
    }),
    days: Type.Optional(
      Type.Array(Weekday, {
        minItems: 1,
        description: 'Weekdays the shift may start on (default: every day).',
      }),
    ),
    breaks: Type.Optional(Type.Array(BreakRule, { maxItems: 4 })),
    minAgents: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 1_000_000,
        description: 'At least this many agents on every start of every allowed day (default 0).',
      }),
    ),
    maxAgents: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 1_000_000,
        description: 'At most this many agents on one start of one day (default: no cap).',
      }),
    ),
    costPerAgentHour: Type.Optional(Money),
  },
  strict,
);

export const ShiftTemplatesSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    description: Type.Optional(Type.String()),
    group: Type.Optional(
      Type.String({ description: 'The agent group the shifts are for (default: the scenario has one).' }),
    ),
    costPerAgentHour: Money,
    premiums: Type.Optional(
      Type.Object(
        {
          night: Type.Optional(Type.Object({ from: Clock, to: Clock, extra: Extra }, strict)),
          weekend: Type.Optional(
            Type.Object({ days: Type.Array(Weekday, { minItems: 1 }), extra: Extra }, strict),
          ),
        },
        strict,
      ),
    ),
    templates: Type.Array(Template, { minItems: 1, maxItems: 200 }),
  },
  strict,
);

export type ShiftTemplatesFile = Static<typeof ShiftTemplatesSchema>;
export type ShiftTemplateFile = Static<typeof Template>;
