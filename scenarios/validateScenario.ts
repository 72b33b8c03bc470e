import type { TSchema } from '@sinclair/typebox';
import { type ValueError, ValueErrorType } from '@sinclair/typebox/errors';
import { Value } from '@sinclair/typebox/value';
import {
  DURATION_FORMAT,
  DURATION_HINT,
  DURATION_PATTERN,
  MAX_DURATION_TEXT,
  tryParseDuration,
} from './duration.js';
import { editDistance } from './editDistance.js';
import type { InputIssue } from './inputError.js';
import { ScenarioSchema } from './scenarioSchema.js';

const MAX_ISSUES = 12;

/**
 * Schema check with messages a planner can act on: the path, the value and what is allowed. Unions
 * with a `kind` are narrowed to the variant the user named, so a typo in a lognormal parameter is
 * reported as such, not as "expected union value".
 */
export function validateScenario(value: unknown): InputIssue[] {
  return collectIssues(ScenarioSchema, value, '');
}

/** The same readable checks against any part of the scenario schema (e.g. a distribution given as a flag). */
export function validateAgainst(schema: TSchema, value: unknown, path: string): InputIssue[] {
  return collectIssues(schema, value, path);
}

function collectIssues(schema: TSchema, value: unknown, prefix: string): InputIssue[] {
  const issues: InputIssue[] = [];
  const seen = new Set<string>();
  for (const error of Value.Errors(schema, value)) {
    const path = prefix + error.path;
    if ([...seen].some((p) => path.startsWith(`${p}/`) || path === p)) continue;
    seen.add(path);
    issues.push(...describe(error, path));
    if (issues.length >= MAX_ISSUES) break;
  }
  return issues;
}

function describe(error: ValueError, path: string): InputIssue[] {
  const { schema, value } = error;
  switch (error.type) {
    case ValueErrorType.ObjectAdditionalProperties: {
      const parentPath = path.slice(0, path.lastIndexOf('/'));
      const field = path.slice(path.lastIndexOf('/') + 1);
      const known = Object.keys((schema as { properties?: object }).properties ?? {});
      const guess = closest(field, known);
      return [
        {
          path: parentPath || '/',
          message: `unknown field "${field}"${guess ? ` (did you mean "${guess}"?)` : ''}`,
          allowed: known.join(', '),
        },
      ];
    }
    case ValueErrorType.ObjectRequiredProperty:
      return [{ path, message: 'required field is missing' }];
    case ValueErrorType.ObjectMinProperties: {
      // `channels: {}`: name the fields that would do (every object with a minimum lists them).
      const known = Object.keys((schema as { properties?: object }).properties ?? {});
      return [
        {
          path,
          message: `needs at least ${schema.minProperties} of its fields`,
          value,
          allowed: known.length > 0 ? known.join(', ') : undefined,
        },
      ];
    }
    case ValueErrorType.Union:
      return describeUnion(schema, value, path);
    case ValueErrorType.StringFormat:
      if (schema.format === DURATION_FORMAT) return [durationTooLong(path, value)];
      return [{ path, message: lowerFirst(error.message), value }];
    case ValueErrorType.StringPattern:
      if (schema.pattern === DURATION_PATTERN) {
        return [{ path, message: 'expected a duration with a unit', value, allowed: DURATION_HINT }];
      }
      return [
        {
          path,
          message: `expected ${lowerFirst(schema.description ?? `text matching ${schema.pattern}`)}`,
          value,
        },
      ];
    case ValueErrorType.NumberMaximum:
    case ValueErrorType.NumberMinimum:
    case ValueErrorType.IntegerMaximum:
    case ValueErrorType.IntegerMinimum:
      return [{ path, message: lowerFirst(error.message), value, allowed: numberRange(schema) }];
    default:
      return [{ path, message: lowerFirst(error.message), value }];
  }
}

function numberRange(schema: TSchema): string | undefined {
  const { minimum, maximum } = schema as { minimum?: number; maximum?: number };
  const range = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 6 });
  if (minimum !== undefined && maximum !== undefined) return `${range(minimum)} to ${range(maximum)}`;
  if (minimum !== undefined) return `at least ${range(minimum)}`;
  if (maximum !== undefined) return `at most ${range(maximum)}`;
  return undefined;
}

function describeUnion(schema: TSchema, value: unknown, path: string): InputIssue[] {
  const variants = (schema.anyOf ?? []) as TSchema[];
  const kinds = variants.flatMap((v) =>
    v.properties?.kind?.const ? [v.properties.kind.const as string] : [],
  );
  const acceptsDuration = variants.some(
    (v) => v.type === 'string' && v.pattern && v.pattern.includes('ms|s|m|h|d'),
  );
  if (kinds.length > 0 && isObject(value)) {
    const variant = variants.find((v) => v.properties?.kind?.const === value.kind);
    if (!variant) {
      return [
        { path: `${path}/kind`, message: 'unknown kind', value: value.kind, allowed: kinds.join(', ') },
      ];
    }
    return collectIssues(variant, value, path);
  }
  if (acceptsDuration && typeof value === 'string' && tryParseDuration(value) !== undefined) {
    return [durationTooLong(path, value)];
  }
  if (acceptsDuration && typeof value !== 'object') {
    return [
      {
        path,
        message: 'expected a duration or a distribution',
        value,
        allowed: `${DURATION_HINT}, or {"kind": ${kinds.map((k) => `"${k}"`).join(' | ')}, ...}`,
      },
    ];
  }
  if (kinds.length > 0) {
    return [{ path, message: `expected an object with "kind"`, value, allowed: kinds.join(', ') }];
  }
  // A union without kinds (e.g. one number or one per weekday): try the variant of the same JSON type.
  const sameType = variants.filter((v) => jsonTypeMatches(v, value));
  if (sameType.length === 1) return collectIssues(sameType[0]!, value, path);
  const consts = variants.flatMap((v) => (v.const !== undefined ? [JSON.stringify(v.const)] : []));
  if (consts.length === variants.length)
    return [{ path, message: 'not one of the allowed values', value, allowed: consts.join(', ') }];
  return [
    {
      path,
      message: `expected ${lowerFirst(schema.description ?? 'one of the allowed forms')}`,
      value,
      allowed: consts.length === variants.length ? consts.join(', ') : undefined,
    },
  ];
}

function durationTooLong(path: string, value: unknown): InputIssue {
  return {
    path,
    message: `duration too long, at most ${MAX_DURATION_TEXT}`,
    value,
    allowed: `0ms to ${MAX_DURATION_TEXT}`,
  };
}

function jsonTypeMatches(schema: TSchema, value: unknown): boolean {
  if (Array.isArray(value)) return schema.type === 'array';
  if (isObject(value)) return schema.type === 'object';
  if (typeof value === 'number') return schema.type === 'number' || schema.type === 'integer';
  if (typeof value === 'string') return schema.type === 'string' && schema.const === undefined;
  return false;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** The known name a typo most likely meant: same letters ignoring case, or at most two edits away. */
function closest(word: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const d = candidate.toLowerCase() === word.toLowerCase() ? 0 : editDistance(word, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
