import { describe, expect, it } from 'vitest';
import { createModelClock } from '../../engine/ModelClock.js';
import { RealtimeDriver } from '../../engine/RealtimeDriver.js';
import { createModelRun } from '../../ModelRun.js';
import { ManualTime } from '../../testing/ManualTime.js';
import { blendedScenario, outboundFragment } from './testing.js';

// Callees from outside on the real-time driver, hand-computed: the campaign alone on 3 agents with
// T = 1 opens at 00:30 (model 1800 s, after the process was switched), so 2 dials ring at 1800;
// rings last exactly 30 s, after-call work exactly 60 s, one attempt per number.
function campaign(outsideUntilS?: number) {
  const scenario = blendedScenario(
    outboundFragment({
      campaign: { numbersPerDay: 100, window: { mon: ['00:30-23:30'] } },
      noAnswerTime: '30s',
      afterCallWork: '1m',
      maxAttempts: 1,
      reserveIdleAgents: 1,
    }),
    (f) => {
      f.agents.groups[0]!.skills = ['outbound'];
      f.agents.groups[0]!.staffing = { kind: 'constant', agents: 3 };
      delete (f.channels as { phone?: unknown }).phone;
    },
  );
  const events: string[] = [];
  const run = createModelRun(scenario, {
    seed: 1,
    replication: 0,
    mode: 'realtime',
    observers: {
      outbound: {
        dialStarted: (id, _agent, _attempt, at) => events.push(`start ${id} ${at}`),
        dialRinging: (id, until) => events.push(`ring ${id} until ${until}`),
        dialEnded: (id, outcome, at) => events.push(`end ${id} ${outcome} ${at}`),
      },
    },
  });
  const time = new ManualTime();
  const clock = createModelClock(0, 1, time.wallNowMs);
  const driver = new RealtimeDriver(run.simulation, clock, time);
  clock.start();
  const process = run.processes.outbound!;
  process.answerFromOutside(outsideUntilS);
  return { process, driver, events, counters: process.counters };
}

describe('outbound with callees from outside', () => {
  it('rings instead of drawing; answer, hang-up and wrap-up end the dial; counts where the simulator counts', () => {
    const { process, driver, events, counters } = campaign();
    driver.runDue(1800);
    expect(events).toEqual(['start 0 1800', 'ring 0 until 1830', 'start 1 1800', 'ring 1 until 1830']);
    expect(process.calleeSource).toBe('outside');
    // Dial 0 answered at 1805 and talked across the 01:00 interval boundary (3600 s): hung up at
    // 3610, wrap-up to 3670.
    driver.runDue(1805);
    expect(process.answer(0)).toBe(true);
    expect(process.answer(0)).toBe(false);
    driver.runDue(3610);
    expect(process.hangUp(0, 3610)).toBe(3670);
    expect(process.hangUp(0, 3610)).toBeNull();
    driver.runDue(3700);
    expect(events).toContain('end 0 completed 3670');
    // Dial 1 nobody answered: it rang out at 1830 (one attempt: the number failed), and its agent
    // dialled again at once (dial 2, also rung out at 1860, and so on every 30 s).
    expect(events).toContain('end 1 noAnswer 1830');
    expect(events).toContain('start 2 1830');
    expect(process.answer(1)).toBe(false);
    // Attempts and connects in the interval the dial started in (1 = 00:30-01:00), the number reached
    // where its dial ended (2 = 01:00-01:30), as the batch simulator counts them.
    expect(counters.connected[1]).toBe(1);
    expect(counters.connected[2]).toBe(0);
    expect(counters.completed[2]).toBe(1);
    expect(counters.completed[1]).toBe(0);
    // Conservation: attempts = connected + failed (ring-outs) + dials still ringing.
    const sum = (xs: Float64Array) => xs.reduce((a, b) => a + b, 0);
    expect(sum(counters.attempts)).toBe(sum(counters.connected) + sum(counters.failed) + process.dialling);
  });

  it("hands the dials back to the model's draws from the replayed window's end", () => {
    // Callees from outside until 1830: the two dials of 1800 ring; the dial of 1830 (after dial 1
    // rang out) is the model's own draw again and does not ring.
    const { driver, events } = campaign(1830);
    driver.runDue(1831);
    expect(events.slice(0, 4)).toEqual([
      'start 0 1800',
      'ring 0 until 1830',
      'start 1 1800',
      'ring 1 until 1830',
    ]);
    expect(events).toContain('end 1 noAnswer 1830');
    expect(events).toContain('start 2 1830');
    expect(events.filter((e) => e.startsWith('ring 2'))).toEqual([]);
  });
});
