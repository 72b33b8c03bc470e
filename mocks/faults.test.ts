import { describe, expect, it } from 'vitest';
import { InputError, type InputIssue } from '../scenarios/inputError.js';
import { buildFaults, checkLatency, MAX_LATENCY_S } from './faults.js';

function refusal(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected bad input');
}

describe('faults: added latency is bounded', () => {
  it.each([
    ['30d', /latency too long: 30d/],
    ['11m', /latency too long/],
    [{ kind: 'uniform', min: '1s', max: '1h' }, /latency too long/],
    [{ kind: 'empirical', values: ['1s', '2h'] }, /latency too long/],
    [{ kind: 'exponential', mean: '20m' }, /latency too long: exponential\(mean 20m\)/],
  ])('refuses %j, which timers could not deliver (30d used to become 1 ms)', (spec, message) => {
    const error = refusal(() => buildFaults({ addedLatency: spec as never }));
    expect(error.issues[0]).toMatchObject({ path: 'addedLatency', message: expect.stringMatching(message) });
    expect(error.issues[0]!.allowed).toMatch(/at most 10m/);
  });

  it('refuses an erlang latency whose draws would block the event loop, naming k', () => {
    const issues: InputIssue[] = [];
    expect(checkLatency({ kind: 'erlang', mean: '50ms', k: 1e8 }, '--latency', issues)).toBeNull();
    expect(issues).toEqual([expect.objectContaining({ path: '--latency/k', allowed: '1 to 1,000' })]);
  });

  it('accepts the limit and caps each draw at it', () => {
    const faults = buildFaults({ addedLatency: { kind: 'exponential', mean: '10m' } }, 3);
    let largest = 0;
    for (let i = 0; i < 20_000; i++) largest = Math.max(largest, faults.latencyMs());
    // An exponential with mean 10 min exceeds 10 min in e^-1 of the draws: those are capped.
    expect(largest).toBe(MAX_LATENCY_S * 1000);
    expect(buildFaults({ addedLatency: '10m' }).latencyMs()).toBe(600_000);
    expect(buildFaults({ addedLatency: '50ms' }).latencyMs()).toBe(50);
  });
});
