import { describe, expect, it } from 'vitest';
import type { NumericField } from './findNumericField.js';
import { parseVaryValues, splitVary } from './parseVary.js';

const numberField: NumericField = { path: 'a.b', segments: ['a', 'b'], kind: 'number', current: 1, base: 1 };
const durationField: NumericField = { ...numberField, kind: 'duration', current: '180s', base: '180s' };

describe('parseVaryValues', () => {
  it('reads a comma list in the given order', () => {
    expect(parseVaryValues(numberField, '1.2, 0.8,1', 100)).toEqual([1.2, 0.8, 1]);
  });

  it('expands from:to:step with both ends and without float drift', () => {
    expect(parseVaryValues(numberField, '0.8:1.2:0.1', 100)).toEqual([0.8, 0.9, 1, 1.1, 1.2]);
    expect(parseVaryValues(numberField, '50:60:4', 100)).toEqual([50, 54, 58]);
    expect(parseVaryValues(durationField, '150s:3.5m:30s', 100)).toEqual(['150s', '180s', '210s']);
  });

  it('keeps durations as written', () => {
    expect(parseVaryValues(durationField, '150s,3m', 100)).toEqual(['150s', '3m']);
  });

  it('refuses empty lists, bad numbers, missing units, duplicates, backwards ranges and too many values', () => {
    expect(() => parseVaryValues(numberField, '', 100)).toThrow(/a\.b: no values given/);
    expect(() => parseVaryValues(numberField, ' , ', 100)).toThrow(/no values given/);
    expect(() => parseVaryValues(numberField, '1,x', 100)).toThrow(/expected a number.*"x"/);
    expect(() => parseVaryValues(durationField, '150', 100)).toThrow(/duration with a unit/);
    expect(() => parseVaryValues(numberField, '1,1.0', 100)).toThrow(/given twice/);
    expect(() => parseVaryValues(numberField, '2:1:0.1', 100)).toThrow(/from <= to/);
    expect(() => parseVaryValues(numberField, '1:2:0', 100)).toThrow(/step.*more than 0/);
    expect(() => parseVaryValues(numberField, '0:1000:1', 100)).toThrow(/1001 values, more than 100/);
  });

  it('splitVary needs path=values', () => {
    expect(splitVary('a.b=1,2')).toEqual({ path: 'a.b', values: '1,2' });
    expect(() => splitVary('a.b')).toThrow(/expected <path>=<values>/);
  });
});
