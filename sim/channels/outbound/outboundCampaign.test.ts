import { describe, expect, it } from 'vitest';
import { InputError } from '../../../scenarios/inputError.js';
import { simulateReplication } from '../../simulateReplication.js';
import { total } from '../../testing/scenarioText.js';
import type { OutboundCounters } from './OutboundCounters.js';
import { outboundChannel } from './outboundChannel.js';
import type { OutboundChannelFile } from './outboundSchema.js';
import { blendedScenario, outboundFragment } from './testing.js';

/** The campaign alone (phone removed) on 4 agents who only dial, over `days` days from a Monday. */
function campaignOnly(outbound: OutboundChannelFile, days = 1) {
  return blendedScenario(outbound, (f) => {
    f.calendar.days = days;
    f.agents.groups[0]!.skills = ['outbound'];
    f.agents.groups[0]!.staffing = { kind: 'constant', agents: 4 };
    delete (f.channels as { phone?: unknown }).phone;
  });
}

function outbound(counters: ReturnType<typeof simulateReplication>): OutboundCounters {
  return counters.outbound!;
}

describe('outbound campaign', () => {
  it('hand-computed: 3 of 4 agents dial from the opening (T = 1), 7-minute calls, one hour of window', () => {
    // Dials start at 09:00, 09:07, ..., 09:56 (9 rounds of 3): nothing but the window's opening and
    // the dials' own ends start them. The last round ends at 10:03, after the close, and is counted.
    const model = campaignOnly(
      outboundFragment({
        campaign: { numbersPerDay: 100, window: { mon: ['09:00-10:00'] } },
        connectProbability: 1,
        talkTime: '7m',
        reserveIdleAgents: 1,
      }),
    );
    const c = outbound(simulateReplication(model, 1, 0));
    expect(total(c.loaded)).toBe(100);
    expect(total(c.attempts)).toBe(27);
    expect(total(c.completed)).toBe(27);
    expect(c.attempts[18]).toBe(15); // 09:00-09:30: rounds at 0, 7, 14, 21, 28 minutes
    expect(c.attempts[19]).toBe(12);
    expect(c.leftAtClose[19]).toBe(73 + 3); // still listed + in a dial at 10:00
    expect(total(c.remainingAtEnd)).toBe(73); // carried (the horizon ends first)
    // Agent time on outbound: 27 calls of 7 minutes, all inside the day.
    expect(total(c.busyAgentS)).toBeCloseTo(27 * 420, 6);
  });

  it("'drop' gives up what is left at the close", () => {
    const model = campaignOnly(
      outboundFragment({
        campaign: { numbersPerDay: 100, window: { mon: ['09:00-10:00'] }, leftover: 'drop' },
        connectProbability: 1,
        talkTime: '7m',
        reserveIdleAgents: 1,
      }),
    );
    const c = outbound(simulateReplication(model, 1, 0));
    expect(total(c.dropped)).toBe(73);
    expect(total(c.remainingAtEnd)).toBe(0);
  });

  it.each(['carry', 'drop'] as const)(
    'conserves numbers (%s): loaded = reached + failed + dropped + unresolved, over 2 days',
    (leftover) => {
      const model = campaignOnly(
        outboundFragment({
          campaign: { numbersPerDay: 600, window: { mon: ['09:00-21:00'], tue: ['09:00-21:00'] }, leftover },
          connectProbability: 0.4,
          maxAttempts: 3,
          retryDelay: { kind: 'exponential', mean: '2h' },
        }),
        2,
      );
      for (let r = 0; r < 5; r++) {
        const c = outbound(simulateReplication(model, 7, r));
        const resolved = total(c.completed) + total(c.failed) + total(c.dropped);
        expect(resolved + total(c.remainingAtEnd)).toBe(total(c.loaded));
        expect(total(c.loaded)).toBe(1200);
        // Every number reached was a connected attempt; every failed one used all its attempts.
        expect(total(c.connected)).toBeGreaterThanOrEqual(total(c.completed));
        expect(total(c.attempts) - total(c.connected)).toBeGreaterThanOrEqual(3 * total(c.failed));
        // The list is too long for 4 agents in 12 hours: some is left at each close.
        expect(total(c.leftAtClose)).toBeGreaterThan(0);
        if (leftover === 'carry') expect(total(c.dropped)).toBe(0);
      }
    },
  );

  it("loads each day its weekday's numbers times the scale, at the first dialling interval", () => {
    const model = campaignOnly(
      outboundFragment({
        campaign: {
          numbersPerDay: { mon: 100, tue: 30 },
          scale: 2,
          window: { mon: ['09:00-21:00'], tue: ['13:00-15:00', '18:00-19:00'] },
        },
      }),
      2,
    );
    const c = outbound(simulateReplication(model, 1, 0));
    const loadedAt = [...c.loaded].flatMap((n, k) => (n > 0 ? [[k, n]] : []));
    expect(loadedAt).toEqual([
      [18, 200],
      [48 + 26, 60],
    ]);
    expect(Array.from(outboundChannel.expectedContacts(model.channels.outbound!))).toEqual(
      Array.from(c.loaded),
    );
  });

  it('is deterministic: same seed, same counters', () => {
    const model = campaignOnly(outboundFragment());
    const a = outbound(simulateReplication(model, 3, 1));
    const b = outbound(simulateReplication(model, 3, 1));
    expect(Array.from(b.attempts)).toEqual(Array.from(a.attempts));
    expect(Array.from(b.completed)).toEqual(Array.from(a.completed));
  });
});

describe('outbound cross-field checks', () => {
  const load = (change: Parameters<typeof blendedScenario>[1], fragment = outboundFragment()) => {
    try {
      blendedScenario(fragment, change);
    } catch (error) {
      if (error instanceof InputError) return error.issues;
      throw error;
    }
    return [];
  };

  it('refuses a campaign no group dials', () => {
    const issues = load((f) => (f.agents.groups[0]!.skills = ['phone']));
    expect(issues).toEqual([expect.objectContaining({ path: '/channels/outbound' })]);
    expect(issues[0]!.message).toContain('"outbound"');
  });

  it('refuses a threshold that leaves no agent to dial', () => {
    const issues = load(undefined, outboundFragment({ reserveIdleAgents: 14 }));
    expect(issues).toEqual([
      expect.objectContaining({ path: '/channels/outbound/reserveIdleAgents', value: 14 }),
    ]);
  });

  it('refuses numbers on a day without dialling hours, naming the weekday', () => {
    const issues = load(
      (f) => (f.calendar.days = 2),
      outboundFragment({
        campaign: { numbersPerDay: { mon: 10, tue: 10 }, window: { mon: ['09:00-21:00'] } },
      }),
    );
    expect(issues).toEqual([
      expect.objectContaining({ path: '/channels/outbound/campaign/numbersPerDay/tue' }),
    ]);
  });
});
