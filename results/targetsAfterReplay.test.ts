import { describe, expect, it } from 'vitest';
import { checkinScenario, quietCheckin } from '../sim/channels/checkin/testing.js';
import type { ChannelSummary, K6ChannelLevels } from './K6ChannelResults.js';
import { NO_FIGURE } from './k6Figures.js';
import { targetsAfterReplay } from './targetsAfterReplay.js';

const levels = (run: ChannelSummary): K6ChannelLevels => ({ run, days: [], intervals: [] });
const share = (mean: number) => ({ mean, ci95: null, n: 100 });

describe('targetsAfterReplay', () => {
  // Goal 0.9 of confirmations within 15 min; a failure-rate cap of 5%.
  const scenario = checkinScenario(
    {
      ...quietCheckin(),
      targets: { confirmation: { threshold: '15m', goal: 0.9 }, maxFailureRate: 0.05 },
    },
    { phone: true },
  );

  it('judges a check-in confirmation goal k6 had no metric for: 0.85 misses 0.9, 0.9 meets it (inclusive)', () => {
    const missed = targetsAfterReplay(scenario, { checkin: levels({ confirmedWithinT: share(0.85) }) });
    expect(missed).toEqual([
      { metric: 'checkin.confirmedWithinT', expression: '>=0.9', value: 0.85, ok: false },
      { metric: 'checkin.failureRate', expression: '<=0.05', value: null, ok: true },
    ]);
    const met = targetsAfterReplay(scenario, {
      checkin: levels({ confirmedWithinT: share(0.9), failureRate: share(0.06) }),
    });
    expect(met.map((t) => t.ok)).toEqual([true, false]);
  });

  it("leaves the targets k6 judges itself (phone's SL has sl_offered) and channels not measured", () => {
    const phoneOnly = targetsAfterReplay(scenario, { phone: levels({ slOffered: share(0.1) }) });
    expect(phoneOnly).toEqual([]);
    expect(
      targetsAfterReplay(scenario, { checkin: levels({ confirmedWithinT: NO_FIGURE }) })[0],
    ).toMatchObject({
      value: null,
      ok: true,
    });
  });
});
