import { describe, expect, it } from 'vitest';
import { erlangC } from '../analytic/erlangC.js';
import type { ChannelQueue } from './channelQueue.js';
import { pooledAgents } from './pooledAgents.js';

// Two phone-like channels with identical Poisson demand sharing one group, nobody abandoning (Erlang C),
// no day-to-day variability: the pool is one M/M/c queue for the summed demand.
const HANDLE_S = 240;
const THRESHOLD_S = 20;
const GOAL = 0.8;

function queue(channel: string): ChannelQueue {
  return {
    channel,
    targets: {
      variant: 'slAnswered',
      thresholdS: THRESHOLD_S,
      goal: GOAL,
      maxAbandonRate: null,
      maxAsaS: null,
    },
    goal: { variant: 'slAnswered', thresholdS: THRESHOLD_S, goal: GOAL },
    patienceS: Number.POSITIVE_INFINITY,
    holdingTimeS: HANDLE_S,
    dailyCv: 0,
    dayFactorStream: `${channel}.demand`,
    metrics: {
      occupancy: 'occupancy',
      offered: 'offered',
      answered: 'answered',
      queueLength: 'q',
      abandoned: null,
    },
  };
}

/** Fewest agents whose Erlang C service level meets the goal, counting up from one. */
function erlangCScan(callsPerHour: number): number {
  for (let c = 1; ; c++) {
    const m = erlangC({
      arrivalRatePerS: callsPerHour / 3600,
      meanHandleTimeS: HANDLE_S,
      agents: c,
      thresholdS: THRESHOLD_S,
    });
    if (m.stable && m.serviceLevel.slAnswered >= GOAL) return c;
  }
}

describe('pooledAgents', () => {
  it('staffs two identical channels sharing a group as Erlang C for the summed demand, below the sum apart', () => {
    for (const callsPerHour of [30, 120, 600]) {
      const load = (callsPerHour / 3600) * HANDLE_S;
      const members = ['a', 'b'].map((c) => ({ queue: queue(c), load, holdingTimeS: HANDLE_S, slots: 1 }));
      const { separate, joint } = pooledAgents(members, 'test');
      expect(separate, `${callsPerHour}/h apart`).toBe(2 * erlangCScan(callsPerHour));
      expect(Math.abs(joint - erlangCScan(2 * callsPerHour)), `${callsPerHour}/h joint`).toBeLessThanOrEqual(
        1,
      );
      expect(joint).toBeLessThan(separate);
    }
  });

  it('changes nothing for a group with one channel', () => {
    const load = (200 / 3600) * HANDLE_S;
    const { separate, joint } = pooledAgents(
      [{ queue: queue('a'), load, holdingTimeS: HANDLE_S, slots: 1 }],
      'test',
    );
    expect(joint).toBe(separate);
    expect(joint).toBe(erlangCScan(200));
  });
});
