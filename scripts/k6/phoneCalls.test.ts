import { describe, expect, it } from 'vitest';
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
      slOffered: 1,
      slAnswered: 1,
      slExcludingShortAbandons: 1,
      abandon: 0,
    });
    expect(classifyCall(200, reply({ outcome: 'answered', waitS: 20.5 }), 20)).toMatchObject({
      slOffered: 0,
      slAnswered: 0,
    });
  });
  it('abandoned: counts against slOffered; short abandons are left out of the third variant', () => {
    expect(classifyCall(200, reply({ outcome: 'abandoned', waitS: 5 }), 20)).toEqual({
      outcome: 'abandoned',
      waitS: 5,
      slOffered: 0,
      slAnswered: null,
      slExcludingShortAbandons: null,
      abandon: 1,
    });
    expect(classifyCall(200, reply({ outcome: 'abandoned', waitS: 50 }), 20)).toMatchObject({
      slExcludingShortAbandons: 0,
    });
  });
  it('blocked, closed and self-served count for none of the rates', () => {
    for (const outcome of ['blocked', 'closed', 'selfServed']) {
      expect(classifyCall(200, reply({ outcome, waitS: 0 }), 20)).toMatchObject({
        outcome,
        slOffered: null,
        abandon: null,
      });
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
