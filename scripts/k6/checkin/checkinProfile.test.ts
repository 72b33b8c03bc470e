import { describe, expect, it } from 'vitest';
import { checkinScenario, quietCheckin } from '../../../sim/channels/checkin/testing.js';
import { compileProfile } from '../compileProfile.js';
import { drawResponseDelays, submittedShare, withinDeadline } from './checkinProfile.js';
import { checkinUploadEntries } from './checkinReplayConfig.js';

// 1,000 people (steady) prompted every 2 h: 500 prompts an hour. 3% cannot use the app; of the others' prompts
// 5% go unanswered and 2% fail in the app; the response (5 min) is always before the deadline (1 h).
// Uploads an hour: 500 x 0.97 x 0.93 = 451.05.
const scenario = checkinScenario({
  ...quietCheckin(),
  // Steady state: as many admitted a day as leave.
  population: { initial: 1000, admissionsPerDay: 1000, daysMonitored: 1 },
  failures: { noResponse: 0.05, appError: 0.02, geolocationWrong: 0.03, photoNotIdentified: 0.04 },
  cannotUseApp: { share: 0.03, callProbability: 0.3, callDelay: '10m' },
});

describe('the check-in replay plan', () => {
  it("uploads = the model's expected prompts x the submitted share, per interval", () => {
    const checkin = scenario.channels.checkin!;
    expect(submittedShare(checkin)).toBeCloseTo(0.97 * 0.93, 12);
    const profile = compileProfile(scenario, { day: 0, from: '00:00', to: '02:00' }, 60, {
      arrivals: 'even',
    });
    const plan = profile.channels.checkin!;
    expect(plan.intervals.map((i) => i.expectedCalls)).toEqual([
      expect.closeTo(451.05, 9),
      expect.closeTo(451.05, 9),
    ]);
    // Even arrivals: the expected count rounded per interval.
    expect(plan.intervals.map((i) => i.plannedCalls)).toEqual([451, 451]);
    expect(plan.plannedUploads).toBe(902);
    const entries = checkinUploadEntries(plan);
    expect(entries).toHaveLength(902);
    // Each upload is sent its response delay after its prompt: 5 model min = 5,000 wall ms at 60x.
    expect(entries.every((e) => e.atMs === null && e.delayMs === 5000)).toBe(true);
    expect(profile.thresholds).toEqual({});
  });

  it('Poisson arrivals: the drawn count is within 4 sd of the expected; every upload has an instant, in order per interval', () => {
    const profile = compileProfile(scenario, { day: 0, from: '00:00', to: '02:00' }, 60, { seed: 3 });
    const plan = profile.channels.checkin!;
    expect(Math.abs(plan.plannedUploads - 902.1)).toBeLessThan(4 * Math.sqrt(902.1));
    const entries = checkinUploadEntries(plan);
    expect(entries).toHaveLength(plan.plannedUploads);
    expect(entries.every((e) => e.atMs !== null && e.person < 1000)).toBe(true);
    for (let k = 0; k < plan.intervals.length; k++) {
      const times = entries.slice(plan.cumulative[k]!, plan.cumulative[k + 1]!).map((e) => e.atMs!);
      expect(times).toEqual([...times].sort((x, y) => x - y));
    }
  });

  it('P(response before the deadline): 1 for a constant inside it; 1 - e^-7.5 for an exponential of 8 min and 1 h', () => {
    expect(withinDeadline(scenario.channels.checkin!)).toBe(1);
    const slow = checkinScenario({ ...quietCheckin(), responseDelay: { kind: 'exponential', mean: '8m' } });
    expect(Math.abs(withinDeadline(slow.channels.checkin!) - (1 - Math.exp(-7.5)))).toBeLessThan(0.002);
    const late = checkinScenario({ ...quietCheckin(), responseDelay: { kind: 'exponential', mean: '1h' } });
    expect(Math.abs(withinDeadline(late.channels.checkin!) - (1 - Math.exp(-1)))).toBeLessThan(4 * 0.0034);
  });
});

describe('drawResponseDelays', () => {
  it('draws the response delay from the simulator stream, given it is within the deadline', () => {
    // Exponential of mean 30 min cut at 1 h: E[X | X <= D] = m - D e^{-D/m} / (1 - e^{-D/m}).
    const slow = checkinScenario({ ...quietCheckin(), responseDelay: { kind: 'exponential', mean: '30m' } });
    const delays = drawResponseDelays(slow.channels.checkin!, 4000, 9);
    expect(drawResponseDelays(slow.channels.checkin!, 4000, 9)).toEqual(delays);
    expect(delays.every((d) => d >= 0 && d <= 3600)).toBe(true);
    const e = Math.exp(-2);
    const expected = 1800 - (3600 * e) / (1 - e);
    const mean = delays.reduce((a, b) => a + b, 0) / delays.length;
    // sd of the truncated exponential is below 1,040 s: 4 sd of the mean of 4,000 is under 66 s.
    expect(Math.abs(mean - expected)).toBeLessThan(66);
  });
});
