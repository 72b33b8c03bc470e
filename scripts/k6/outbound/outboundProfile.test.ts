import { describe, expect, it } from 'vitest';
import { outboundFragment } from '../../../sim/channels/outbound/testing.js';
import { scenarioModel } from '../../../sim/testing/scenarioText.js';
import { compileProfile } from '../compileProfile.js';
import { K6_CLIENTS } from '../k6Clients.js';
import { k6Options } from '../k6Options.js';
import { replayConfig } from '../replayConfig.js';
import { outboundClient } from './outboundClient.js';
import { claimsBound, peakDiallers } from './outboundProfile.js';
import { CLAIM_TAIL_MS, CLAIM_WAIT_MS } from './outboundReplayConfig.js';
import { predictedPeakDialling } from './predictedDialling.js';

// stationary-mmc (14 agents around the clock) with the outbound skill and T = 2, 10:00-11:00 at 60x.
const scenario = scenarioModel('stationary-mmc', (f) => {
  f.agents.groups[0]!.skills = ['phone', 'outbound'];
  f.channels.outbound = outboundFragment({ reserveIdleAgents: 2, connectProbability: 0.5 });
});

describe('outbound replay profile (the callee service)', () => {
  it('sizes the callees by the diallers: every agent of the outbound groups but the T kept idle', () => {
    expect(peakDiallers(scenario, 36_000, 39_600)).toBe(12);
    // 2 x 12 diallers x 3,600 s / (0.5 x 180 s + 0.5 x 30 s) + the idle claims + 50.
    expect(claimsBound(scenario, 12, 3600, 700)).toBe(Math.ceil((2 * 12 * 3600) / 105) + 700 + 50);
  });

  it('plans no arrivals, a pool of callees that starts with the mocks clock and claims to the window end', () => {
    const profile = compileProfile(scenario, { day: 0, from: '10:00', to: '11:00' }, 60, { seed: 3 });
    const plan = profile.channels.outbound!;
    expect(plan.intervals.map((i) => [i.index, i.plannedCalls])).toEqual([
      [20, 0],
      [21, 0],
    ]);
    // A VU per line the simulator holds at its peak, half again and 5 spare; at most 12 + 1.
    const peak = predictedPeakDialling(scenario, 3, 36_000, 39_600);
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThanOrEqual(12);
    expect(plan.calleeVus).toBe(Math.min(13, Math.ceil(peak * 1.5) + 5));
    // 60 s of wall time: each VU's 2 s long polls may run out 31 times.
    const idle = plan.calleeVus * (60_000 / CLAIM_WAIT_MS + 1);
    expect(plan.callees.length).toBe(claimsBound(scenario, 12, 3600, idle));
    const config = replayConfig(profile, 'http://127.0.0.1:1', null, 'run');
    const part = config.channels.outbound!;
    // The phone's first call starts the mocks' clock: the callees start then, on k6's clock.
    expect(part.startMs).toBe(Math.round(profile.leadMs + profile.firstCallWallMs!));
    expect(part.startMs + part.durationMs).toBe(Math.round(config.windowEndWallMs + CLAIM_TAIL_MS));
    const scenarios = k6Options(config, K6_CLIENTS).scenarios;
    expect(scenarios.outbound).toMatchObject({
      executor: 'constant-vus',
      vus: plan.calleeVus,
      startTime: `${part.startMs}ms`,
      exec: 'outbound',
    });
    expect(outboundClient.plans(plan)).toBe(plan.callees);
    expect(profile.thresholds).not.toHaveProperty('outbound_connected');
  });
});
