// Building blocks of the scenario schema that every part of the file uses (durations, shares,
// distributions, opening hours, demand shapes, bounds, service-level variants). Channel fragments in
// sim/channels/<name>/ import them from here, so the schema has no import cycle.
import { FormatRegistry, type Static, type TSchema, Type } from '@sinclair/typebox';
import { DURATION_FORMAT, DURATION_PATTERN, isBoundedDuration, MAX_DURATION_TEXT } from './duration.js';
import {
  MAX_AGENTS,
  MAX_CALLS_PER_DAY,
  MAX_CV,
  MAX_ERLANG_K,
  MAX_SCALE,
  MAX_WEIGHT,
  MIN_CV,
} from './limits.js';

FormatRegistry.Set(DURATION_FORMAT, isBoundedDuration);

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const strict = { additionalProperties: false } as const;
export const Duration = Type.String({
  pattern: DURATION_PATTERN,
  format: DURATION_FORMAT,
  description: `A duration with a unit: "250ms", "20s", "3m", "2h", "1d"; at most ${MAX_DURATION_TEXT}.`,
  examples: ['20s', '3m', '2h'],
});

export const Share = Type.Number({ minimum: 0, maximum: 1 });
export const Cv = Type.Number({
  minimum: MIN_CV,
  maximum: MAX_CV,
  description: `Coefficient of variation (standard deviation / mean), ${MIN_CV} to ${MAX_CV}.`,
});
export const Weight = Type.Number({ minimum: 0, maximum: MAX_WEIGHT });
export const Calls = Type.Number({ minimum: 0, maximum: MAX_CALLS_PER_DAY });
export const Agents = Type.Integer({ minimum: 0, maximum: MAX_AGENTS });
/** `demand.scale` of every channel: declared once so phone and chat say the same thing. */
export const DemandScale = Type.Number({
  exclusiveMinimum: 0,
  maximum: MAX_SCALE,
  default: 1,
  description: `Multiplies every day's volume (per day and per date) of this channel; default 1. A what-if knob (hotline whatif --vary ...demand.scale=0.8,1,1.2); more than 0, at most ${MAX_SCALE}.`,
});
/** `staffing.scale` of every staffing form. */
export const StaffingScale = Type.Number({
  exclusiveMinimum: 0,
  maximum: MAX_SCALE,
  default: 1,
  description: `Multiplies the agents on duty at every step of the group's staffing (after shifts and breaks add up), rounded to the nearest whole agent, halves up (Math.round: 2.5 -> 3); default 1. More than 0, at most ${MAX_SCALE}.`,
});
export const IsoDate = Type.String({
  pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
  description: 'A date, yyyy-mm-dd.',
});
/**
 * A channel's own closed days, besides calendar.closedDates (which close every channel): a back-office
 * holiday while the 24/7 phone line runs. Read by the core (scenarios/loadScenario.ts) for every
 * channel whose fragment has it.
 */
export const channelClosedDates = (
  description = 'Dates this channel is closed besides calendar.closedDates, e.g. a back-office holiday while the phone line runs.',
) => Type.Optional(Type.Array(IsoDate, { description }));
export const Clock = Type.String({
  pattern: '^[0-9]{2}:[0-9]{2}$',
  description: 'A time of day, HH:MM (24:00 allowed).',
});
export const ClockRange = Type.String({
  pattern: '^[0-9]{2}:[0-9]{2}-[0-9]{2}:[0-9]{2}$',
  description: 'Opening hours "HH:MM-HH:MM", e.g. "07:00-20:00".',
});

export function byWeekday<T extends TSchema>(value: T, description: string) {
  return Type.Partial(
    Type.Object(Object.fromEntries(WEEKDAYS.map((day) => [day, value])) as Record<Weekday, T>, strict),
    {
      description,
    },
  );
}

// Distributions by name; a bare duration string is a constant. Each variant is strict so a typo in a
// parameter name is an error, not a silent default.
export const DISTRIBUTION_KINDS = [
  'exponential',
  'deterministic',
  'uniform',
  'lognormal',
  'gamma',
  'erlang',
  'empirical',
] as const;
export type DistributionKind = (typeof DISTRIBUTION_KINDS)[number];

export const DistributionVariants = {
  exponential: Type.Object({ kind: Type.Literal('exponential'), mean: Duration }, strict),
  deterministic: Type.Object({ kind: Type.Literal('deterministic'), value: Duration }, strict),
  uniform: Type.Object({ kind: Type.Literal('uniform'), min: Duration, max: Duration }, strict),
  lognormal: Type.Object({ kind: Type.Literal('lognormal'), mean: Duration, cv: Cv }, strict),
  gamma: Type.Object({ kind: Type.Literal('gamma'), mean: Duration, cv: Cv }, strict),
  erlang: Type.Object(
    {
      kind: Type.Literal('erlang'),
      mean: Duration,
      k: Type.Integer({
        minimum: 1,
        maximum: MAX_ERLANG_K,
        description: `Phases, 1 to ${MAX_ERLANG_K} (cv = 1/sqrt(k)); for a smaller cv use gamma.`,
      }),
    },
    strict,
  ),
  empirical: Type.Object(
    {
      kind: Type.Literal('empirical'),
      values: Type.Array(Duration, { minItems: 1 }),
      weights: Type.Optional(Type.Array(Weight, { minItems: 1 })),
    },
    strict,
  ),
} as const;

export const DistributionSpec = Type.Union([Duration, ...Object.values(DistributionVariants)], {
  description: 'A duration string (constant) or {"kind": ...} with the parameters of that distribution.',
});
export type DistributionSpec = Static<typeof DistributionSpec>;

export const OpeningHours = Type.Union(
  [
    Type.Literal('24/7'),
    byWeekday(Type.Array(ClockRange), 'Opening ranges per weekday; a missing day is closed.'),
  ],
  { description: '"24/7" or opening ranges per weekday, e.g. {"mon": ["07:00-20:00"]}.' },
);
export const IntradayShape = Type.Array(Weight, {
  description: 'Relative demand per interval of the day (normalised); length = intervals per day.',
});

export const SL_VARIANTS = ['slOffered', 'slAnswered', 'slExcludingShortAbandons'] as const;
export type SlVariant = (typeof SL_VARIANTS)[number];
