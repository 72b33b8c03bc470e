// Where `hotline whatif --vary <path>` points: a numeric field of the scenario file, found by walking
// the file and its schema together, so a field the file leaves out (e.g. demand.scale, default 1)
// can be varied too, and a typo gets the nearest path that exists.
import type { TSchema } from '@sinclair/typebox';
import { DURATION_FORMAT } from '../../scenarios/duration.js';
import { editDistance } from '../../scenarios/editDistance.js';
import { InputError } from '../../scenarios/inputError.js';
import { ScenarioSchema } from '../../scenarios/scenarioSchema.js';

/** A number (`channels.phone.demand.scale`) or a duration with a unit (`channels.phone.talkTime.mean`). */
export type NumericFieldKind = 'number' | 'duration';

export interface NumericField {
  /** Dotted path as the file format names it, array items by index: `agents.groups.0.staffing.scale`. */
  readonly path: string;
  readonly segments: readonly string[];
  readonly kind: NumericFieldKind;
  /** The file's value there; undefined where the file leaves the field out (its default applies). */
  readonly current: number | string | undefined;
  /** The value the base scenario has there: the file's, else the schema's default (scale: 1). */
  readonly base: number | string | undefined;
}

type Schema = TSchema & {
  anyOf?: Schema[];
  properties?: Record<string, Schema>;
  patternProperties?: Record<string, Schema>;
  items?: Schema;
  const?: unknown;
};

/**
 * The numeric field at `path` in `file` (a format-2 scenario value), or an InputError for `flag`:
 * unknown path (with the nearest numeric path), or a path at something that is not a number.
 */
export function findNumericField(file: unknown, path: string, flag = '--vary'): NumericField {
  const segments = path.split('.');
  let schema: Schema | undefined = ScenarioSchema as Schema;
  let value: unknown = file;
  for (let i = 0; i < segments.length; i++) {
    const key = segments[i]!;
    const parent = value;
    const parentSchema: Schema | undefined = schema === undefined ? undefined : resolve(schema, parent);
    const childSchema: Schema | undefined =
      parentSchema === undefined ? undefined : childOf(parentSchema, parent, key);
    const present = isContainer(parent) && Object.hasOwn(parent, key);
    // An absent field is fine only as the last segment, where the schema allows it.
    if (childSchema === undefined || (!present && i < segments.length - 1)) {
      throw unknownPath(file, path, flag, segments.slice(0, i).join('.'));
    }
    schema = childSchema;
    value = present ? (parent as Record<string, unknown>)[key] : undefined;
  }
  const leaf = resolve(schema!, value);
  const kind = leaf === undefined ? undefined : leafKind(leaf);
  if (kind === undefined || (value !== undefined && typeof value === 'object')) {
    throw new InputError(undefined, [
      {
        path: flag,
        message: `${path} is ${describe(value, leaf)}, not a number or a duration${numericInside(file, path)}`,
      },
    ]);
  }
  return {
    path,
    segments,
    kind,
    current: typeof value === 'number' || typeof value === 'string' ? value : undefined,
    base:
      typeof value === 'number' || typeof value === 'string'
        ? value
        : (leaf!.default as number | string | undefined),
  };
}

/** Every numeric path of the file (fields it leaves out included), for suggestions and `--help`. */
export function numericPaths(file: unknown): string[] {
  const out: string[] = [];
  const walk = (schema: Schema, value: unknown, prefix: string, depth: number) => {
    if (depth > 12) return;
    const resolved = resolve(schema, value);
    if (resolved === undefined) return;
    if (typeof value !== 'object' || value === null) {
      if (leafKind(resolved) !== undefined && prefix !== '') out.push(prefix);
      return;
    }
    const keys = new Set(Object.keys(value));
    if (!Array.isArray(value)) for (const key of Object.keys(resolved.properties ?? {})) keys.add(key);
    for (const key of keys) {
      const child = childOf(resolved, value, key);
      if (child === undefined) continue;
      const path = prefix === '' ? key : `${prefix}.${key}`;
      const childValue = (value as Record<string, unknown>)[key];
      if (childValue === undefined) {
        const leaf = resolve(child, undefined);
        if (leaf !== undefined && leafKind(leaf) !== undefined) out.push(path);
      } else walk(child, childValue, path, depth + 1);
    }
  };
  walk(ScenarioSchema as Schema, file, '', 0);
  return out;
}

/** The variant of a union that the value is (by `kind`, else by JSON type); the schema itself otherwise. */
function resolve(schema: Schema, value: unknown): Schema | undefined {
  if (!schema.anyOf) return schema;
  const variants = schema.anyOf.map((v) => resolve(v, value)).filter((v): v is Schema => v !== undefined);
  if (value === undefined) return variants.find((v) => leafKind(v) !== undefined);
  return variants.find((v) => matches(v, value));
}

function matches(schema: Schema, value: unknown): boolean {
  switch (schema.type) {
    case 'number':
    case 'integer':
      return typeof value === 'number';
    case 'string':
      return typeof value === 'string';
    case 'array':
      return Array.isArray(value);
    case 'object': {
      if (!isContainer(value) || Array.isArray(value)) return false;
      const kind = schema.properties?.kind?.const;
      return kind === undefined || kind === (value as Record<string, unknown>).kind;
    }
    default:
      return schema.const !== undefined && schema.const === value;
  }
}

function childOf(schema: Schema, value: unknown, key: string): Schema | undefined {
  if (schema.type === 'array') {
    const index = Number(key);
    const inRange = Array.isArray(value) && /^[0-9]+$/.test(key) && index < value.length;
    return inRange ? schema.items : undefined;
  }
  if (schema.type !== 'object') return undefined;
  const property = schema.properties?.[key];
  if (property) return property;
  for (const [pattern, child] of Object.entries(schema.patternProperties ?? {})) {
    if (new RegExp(pattern).test(key)) return child;
  }
  return undefined;
}

function leafKind(schema: Schema): NumericFieldKind | undefined {
  if (schema.type === 'number' || schema.type === 'integer') return 'number';
  if (schema.type === 'string' && schema.format === DURATION_FORMAT) return 'duration';
  return undefined;
}

function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function describe(value: unknown, schema: Schema | undefined): string {
  if (Array.isArray(value)) return `a list (${value.length} items)`;
  if (isContainer(value)) return `an object (${Object.keys(value).slice(0, 6).join(', ')})`;
  if (typeof value === 'string') return `the text ${JSON.stringify(value)}`;
  if (typeof value === 'boolean') return `a yes/no field (${value})`;
  return schema?.type ? `a field of type ${schema.type}` : 'not a field of the format';
}

/** For a path at an object or list: the numeric fields inside it, so the user sees what to write. */
function numericInside(file: unknown, path: string): string {
  // Shallowest first (a stable sort), so `demand.scale` comes before `demand.callsPerDay.mon`.
  const depth = (p: string) => p.split('.').length;
  const inside = numericPaths(file)
    .filter((p) => p.startsWith(`${path}.`))
    .sort((a, b) => depth(a) - depth(b));
  if (inside.length === 0) return '';
  const shown = inside.slice(0, 4).join(', ');
  return `; numeric fields inside: ${shown}${inside.length > 4 ? `, ... (${inside.length} in all)` : ''}`;
}

function unknownPath(file: unknown, path: string, flag: string, known: string): InputError {
  const nearest = nearestPath(numericPaths(file), path);
  return new InputError(undefined, [
    {
      path: flag,
      message: `${path}: no such field in the scenario${known ? ` (${known} exists)` : ''}`,
      ...(nearest ? { allowed: `the nearest numeric path is ${nearest}` } : {}),
    },
  ]);
}

/** The candidate with the smallest edit distance to `path`. */
export function nearestPath(candidates: readonly string[], path: string): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const d = editDistance(candidate, path);
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  return best;
}
