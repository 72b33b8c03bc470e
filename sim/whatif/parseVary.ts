// One `--vary <path>=<values>` flag: a path and the values it takes, as a comma list or a range.
import { tryParseDuration } from '../../scenarios/duration.js';
import { InputError } from '../../scenarios/inputError.js';
import type { NumericField } from './findNumericField.js';

/** An axis of the grid: a numeric field of the scenario and the values it takes, in the given order. */
export interface WhatifAxis {
  readonly path: string;
  readonly segments: readonly string[];
  readonly kind: NumericField['kind'];
  /** The base scenario's value (file or schema default), to find the base cell. */
  readonly base: number | string | undefined;
  /** Numbers for number fields, duration texts ("150s") for duration fields, as the file would hold them. */
  readonly values: readonly (number | string)[];
}

/** Splits `path=values`; the path is looked up by the caller (it needs the scenario). */
export function splitVary(raw: string): { path: string; values: string } {
  const at = raw.indexOf('=');
  if (at <= 0) {
    throw new InputError(undefined, [
      {
        path: '--vary',
        message: 'expected <path>=<values>',
        value: raw,
        allowed: 'e.g. channels.phone.demand.scale=0.8,1,1.2 or agents.groups.0.staffing.scale=0.9:1.1:0.1',
      },
    ]);
  }
  return { path: raw.slice(0, at).trim(), values: raw.slice(at + 1) };
}

/**
 * The values of one axis: `a,b,c` or a range `from:to:step` (both ends included; several ranges and
 * single values may be mixed: `0.8,1:1.2:0.1`). Durations keep their unit ("150s,180s",
 * "150s:210s:30s"). `maxValues` bounds a range before it is expanded.
 */
export function parseVaryValues(field: NumericField, text: string, maxValues: number): (number | string)[] {
  const fail = (message: string, value?: string, allowed?: string): never => {
    throw new InputError(undefined, [
      {
        path: '--vary',
        message: `${field.path}: ${message}`,
        ...(value === undefined ? {} : { value }),
        ...(allowed ? { allowed } : {}),
      },
    ]);
  };
  const items = text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  if (items.length === 0) fail('no values given (an empty list)', text, 'e.g. 0.8,1,1.2 or 0.8:1.2:0.1');
  const unit = field.kind === 'duration' ? 'a duration with a unit, e.g. 150s or 3m' : 'a number';
  const scalar = (item: string): number => {
    const value = field.kind === 'duration' ? tryParseDuration(item) : Number(item);
    if (value === undefined || !Number.isFinite(value) || (field.kind === 'number' && !/[0-9]/.test(item))) {
      return fail(`expected ${unit}`, item);
    }
    return value;
  };
  const out: (number | string)[] = [];
  for (const item of items) {
    if (!item.includes(':')) {
      const value = scalar(item);
      out.push(field.kind === 'duration' ? item : value);
      continue;
    }
    const parts = item.split(':');
    if (parts.length !== 3) fail('a range is from:to:step', item, 'e.g. 0.8:1.2:0.1');
    const [from, to, step] = parts.map(scalar) as [number, number, number];
    if (!(step > 0)) fail('the step of a range must be more than 0', item);
    if (to < from) fail('a range goes up: from <= to', item);
    // Steps counted, not added up, and rounded to 12 significant digits, so 0.8:1.2:0.1 gives
    // 0.8, 0.9, 1, 1.1, 1.2 and not 0.9000000000000001 (a value the file would then carry).
    const count = Math.floor((to - from) / step + 1e-9) + 1;
    if (out.length + count > maxValues) fail(`the range gives ${count} values, more than ${maxValues}`, item);
    for (let k = 0; k < count; k++) {
      const value = Number((from + k * step).toPrecision(12));
      out.push(field.kind === 'duration' ? `${value}s` : value);
    }
  }
  if (out.length > maxValues) fail(`${out.length} values, more than ${maxValues}`);
  const seen = new Set<number>();
  for (const value of out) {
    const key = typeof value === 'number' ? value : tryParseDuration(value)!;
    if (seen.has(key)) fail(`the value ${value} is given twice`, String(value));
    seen.add(key);
  }
  return out;
}
