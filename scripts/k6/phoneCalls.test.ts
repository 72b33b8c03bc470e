import { describe, expect, it } from 'vitest';
import { measurePhone } from '../../results/k6Summary.js';
import { loadScenarioFile } from '../../scenarios/loadScenario.js';
import { compileProfile } from './compileProfile.js';
import {
  buildCallPayload,
  callHeaders,
  classifyCall,
  intervalAtWall,
  intervalOfIteration,
  retryProbability,
} from './phoneCalls.js';
import { k6Options, replayConfig } from './replayConfig.js';

describe('payloads', () => {
  it('builds a call with a unique id and only the fields given', () => {
    expect(buildCallPayload('run1', 7)).toEqual({ callId: 'run1-7' });
    expect(buildCallPayload('run1', 8, { patienceS: 30, class: 'vip' })).toEqual({
      callId: 'run1-8',
      patienceS: 30,
      class: 'vip',
    });
    expect(callHeaders(undefined)).toEqual({ 'Content-Type': 'application/json' });
    expect(callHeaders('t0k')).toMatchObject({ Authorization: 'Bearer t0k' });
  });
});

describe('classifyCall', () => {
  const reply = (body: object) => JSON.stringify(body);
  it('answered within and after T', () => {
    expect(classifyCall(200, reply({ outcome: 'answered', waitS: 12 }), 20)).toEqual({
      outcome: 'answered',
      waitS: 12,
      rates: { slOffered: 1, slAnswered: 1, slExcludingShortAbandons: 1, abandonRate: 0, blockRate: 0 },
    });
    expect(classifyCall(200, reply({ outcome: 'answered', waitS: 20.5 }), 20).rates).toMatchObject({
      slOffered: 0,
      slAnswered: 0,
    });
  });
  it('abandoned: counts against slOffered; short abandons are left out of the third variant', () => {
    expect(classifyCall(200, reply({ outcome: 'abandoned', waitS: 5 }), 20)).toEqual({
      outcome: 'abandoned',
      waitS: 5,
      rates: {
        slOffered: 0,
        slAnswered: null,
        slExcludingShortAbandons: null,
        abandonRate: 1,
        blockRate: 0,
      },
    });
    expect(classifyCall(200, reply({ outcome: 'abandoned', waitS: 50 }), 20).rates).toMatchObject({
      slExcludingShortAbandons: 0,
    });
  });
  it('blocked, closed and self-served count for no SL nor abandonment; closed not for blocking', () => {
    const rates = (outcome: string) => classifyCall(200, reply({ outcome, waitS: 0 }), 20).rates;
    for (const outcome of ['blocked', 'closed', 'selfServed']) {
      expect(rates(outcome)).toMatchObject({ slOffered: null, slAnswered: null, abandonRate: null });
    }
    expect(rates('blocked').blockRate).toBe(1);
    expect(rates('selfServed').blockRate).toBe(0);
    expect(rates('closed').blockRate).toBeNull();
  });
  it('per-call rates averaged over calls equal measurePhone on the same calls', () => {
    const calls: Array<[string, number]> = [
      ['answered', 3],
      ['answered', 25],
      ['abandoned', 4],
      ['abandoned', 40],
      ['blocked', 0],
      ['closed', 0],
      ['selfServed', 0],
      ['answered', 19.9],
    ];
    const classified = calls.map(([outcome, waitS]) => classifyCall(200, reply({ outcome, waitS }), 20));
    const measured = measurePhone(
      calls.map(([outcome, waitS]) => ({ interval: 0, outcome, waitS, retrial: false })),
      20,
    );
    // Hand count: answered within 20 s: 2 of 3 answered; abandoned 2 (1 after 20 s); blocked 1 of 7 not closed.
    const expected = {
      slOffered: 2 / 5,
      slAnswered: 2 / 3,
      slExcludingShortAbandons: 2 / 4,
      abandonRate: 2 / 5,
      blockRate: 1 / 7,
    };
    for (const [name, value] of Object.entries(expected)) {
      const samples = classified
        .map((c) => c.rates[name])
        .filter((x): x is 0 | 1 => x !== null && x !== undefined);
      expect(samples.reduce<number>((a, b) => a + b, 0) / samples.length, name).toBeCloseTo(value, 12);
      expect(measured[name as keyof typeof measured].mean, name).toBeCloseTo(value, 12);
    }
  });
  it('anything unusable is an error with a reason', () => {
    expect(classifyCall(0, null, 20)).toMatchObject({ outcome: 'error', error: 'no response' });
    expect(classifyCall(503, '{}', 20)).toMatchObject({ outcome: 'error', error: 'HTTP 503' });
    expect(classifyCall(200, 'nope', 20)).toMatchObject({ outcome: 'error', error: 'body is not JSON' });
    expect(classifyCall(200, reply({ outcome: 'lost' }), 20)).toMatchObject({ outcome: 'error' });
  });
});

describe('intervalOfIteration', () => {
  it('maps global iteration numbers onto the window intervals', () => {
    const cumulative = [0, 3, 3, 5];
    expect([0, 1, 2, 3, 4].map((n) => intervalOfIteration(cumulative, n))).toEqual([0, 0, 0, 2, 2]);
    expect(intervalOfIteration(cumulative, 5)).toBe(2);
    expect(intervalOfIteration(cumulative, -1)).toBe(-1);
  });
});

describe('k6Options', () => {
  it('one ramping-arrival-rate scenario with the compiled stages and thresholds', () => {
    const scenario = loadScenarioFile('scenarios/stationary-mmc.json');
    const profile = compileProfile(scenario, { day: 0, from: '00:00', to: '01:00' }, 120);
    const config = replayConfig(profile, 'http://127.0.0.1:1/', 'TOKEN', 'r');
    expect(config.target).toBe('http://127.0.0.1:1');
    const options = k6Options(config);
    expect(options.scenarios.phone).toMatchObject({
      executor: 'ramping-arrival-rate',
      startRate: 0,
      timeUnit: '15000ms',
      stages: profile.stages,
      preAllocatedVUs: profile.preAllocatedVUs,
      maxVUs: profile.maxVUs,
    });
    expect(options.thresholds).toBe(profile.thresholds);
  });
});

describe('retrials', () => {
  const retrial = {
    afterBlocked: 0.7,
    afterAbandoned: 0.5,
    afterClosed: 0.2,
    maxAttempts: 3,
    delay: '10m' as const,
  };
  it('calls again with the scenario probability after a failed call only', () => {
    expect(retryProbability('blocked', retrial)).toBe(0.7);
    expect(retryProbability('abandoned', retrial)).toBe(0.5);
    expect(retryProbability('closed', retrial)).toBe(0.2);
    expect(retryProbability('answered', retrial)).toBe(0);
    expect(retryProbability('error', retrial)).toBe(0);
    expect(retryProbability('blocked', null)).toBe(0);
  });
  it('places a retrial in the window interval of its instant, and none past the window', () => {
    const starts = [100, 1100, 2100];
    expect(intervalAtWall(starts, 3100, 50)).toBe(-1);
    expect(intervalAtWall(starts, 3100, 100)).toBe(0);
    expect(intervalAtWall(starts, 3100, 1099)).toBe(0);
    expect(intervalAtWall(starts, 3100, 2500)).toBe(2);
    expect(intervalAtWall(starts, 3100, 3100)).toBe(-1);
  });
});
