import { describe, expect, it } from 'vitest';
import { scenarioText } from '../sim/testing/scenarioText.js';
import { formatIssues, InputError, preview } from './inputError.js';
import { loadScenarioText } from './loadScenario.js';

/** [[[ ... ]]] nested `depth` levels, built without recursion. */
function nested(depth: number): unknown {
  let value: unknown = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

describe('InputError messages', () => {
  it('show a value nested 10,000 levels deep without overflowing the stack', () => {
    const text = preview(nested(10_000));
    expect(text.startsWith('[[[[')).toBe(true);
    expect(text.length).toBeLessThanOrEqual(80);
    expect(formatIssues('f.json', [{ path: '/a', message: 'bad', value: nested(10_000) }])).toMatch(
      /^f\.json at \/a: bad \(got \[\[\[/,
    );
  });

  it('stop at 80 characters of a huge value and keep small ones exact', () => {
    expect(preview(Array.from({ length: 100_000 }, (_, i) => i))).toMatch(/^\[0,1,2,.*\.\.\.$/);
    expect(preview(Array.from({ length: 100_000 }, (_, i) => i)).length).toBe(80);
    expect(preview({ kind: 'gamma', cv: 0.5, values: ['1s', null] })).toBe(
      '{"kind":"gamma","cv":0.5,"values":["1s",null]}',
    );
    expect(preview(Number.POSITIVE_INFINITY)).toBe('Infinity');
    expect(preview('x'.repeat(500))).toHaveLength(80);
  });

  it('a scenario with a deeply nested value is bad input naming the path, not a crash', () => {
    const text = scenarioText('stationary-mmc').replace(
      /"description":"[^"]*"/,
      `"description":${'['.repeat(10_000)}${']'.repeat(10_000)}`,
    );
    let error: unknown;
    try {
      loadScenarioText(text, 'deep.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(/^deep\.json at \/description: .*\(got \[\[\[/);
  });
});
