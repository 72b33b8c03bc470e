import { describe, expect, it } from 'vitest';
import { portalScenario } from '../../../sim/channels/portal/testing.js';
import { compileProfile } from '../compileProfile.js';
import { replayConfig } from '../replayConfig.js';
import { portalApplicationEntries, portalK6Scenario, windowIntervalAt } from './portalReplayConfig.js';

// The portal's part of what k6 reads, against the profile it comes from (hand-checked cases).
const scenario = portalScenario((f) => {
  f.channels.portal.statusChecks.perDay = 48;
});

describe('portal replay config', () => {
  it('one plans-file entry per planned application, with its Poisson instant; none with even arrivals', () => {
    const poisson = compileProfile(scenario, { day: 0, from: '09:00', to: '10:00' }, 60, { seed: 3 });
    const plan = poisson.channels.portal!;
    const entries = portalApplicationEntries(plan);
    expect(entries).toHaveLength(plan.plannedApplications);
    expect(entries.map((e) => e.atMs)).toEqual(plan.offsetsMs);
    expect(entries[0]).toMatchObject({ type: 'benefit', refusal: null });
    const even = compileProfile(scenario, { day: 0, from: '09:00', to: '10:00' }, 60, { arrivals: 'even' });
    const evenEntries = portalApplicationEntries(even.channels.portal!);
    // 2,000 a day flat: 41.67 per half hour, rounded per interval by k6's rate.
    expect(evenEntries.length).toBe(even.channels.portal!.plannedApplications);
    expect(evenEntries.every((e) => e.atMs === null)).toBe(true);
    expect(portalApplicationEntries(undefined)).toEqual([]);
  });

  it("k6's scenario: an arrival-rate executor over the plan's stages, tagged portal", () => {
    const profile = compileProfile(scenario, { day: 0, from: '09:00', to: '10:00' }, 60, { seed: 3 });
    const config = replayConfig(profile, 'http://127.0.0.1:1', null, 'run-1');
    const portal = config.channels.portal!;
    expect(portal.intervalIndex).toEqual([18, 19]);
    const k6 = portalK6Scenario(portal, config);
    expect(k6).toMatchObject({ executor: 'ramping-arrival-rate', tags: { channel: 'portal' } });
    expect(k6.stages).toEqual(profile.channels.portal!.stages);
  });

  it('windowIntervalAt: the window interval of a wall instant, -1 from the window end on', () => {
    const starts = [100, 30_100];
    expect(windowIntervalAt(starts, 60_100, 0)).toBe(0); // within the lead: the first interval
    expect(windowIntervalAt(starts, 60_100, 30_099)).toBe(0);
    expect(windowIntervalAt(starts, 60_100, 30_100)).toBe(1);
    expect(windowIntervalAt(starts, 60_100, 60_099)).toBe(1);
    expect(windowIntervalAt(starts, 60_100, 60_100)).toBe(-1);
    expect(windowIntervalAt([], 0, 5)).toBe(-1);
  });
});
