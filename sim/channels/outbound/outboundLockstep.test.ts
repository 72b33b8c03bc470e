import { describe, expect, it } from 'vitest';
import { runBatch } from '../../engine/BatchDriver.js';
import { createModelClock } from '../../engine/ModelClock.js';
import { RealtimeDriver } from '../../engine/RealtimeDriver.js';
import { createModelRun } from '../../ModelRun.js';
import { ManualTime } from '../../testing/ManualTime.js';
import { blendedScenario, outboundFragment } from './testing.js';

// One model, two clocks, for the blended campaign: calls come from outside in the real-time run (as
// the mocks' clients), at the batch run's instants; every dial must start and end at the same
// instant, on the same agent, with the same outcome, and every call end the same way.
type Event = string;

function record(events: Event[]) {
  return {
    phone: {
      outcome: (r: { contactId: number; outcome: string; atS: number; agent: number }) =>
        events.push(`phone ${r.contactId} ${r.outcome} ${r.atS} ${r.agent}`),
    },
    outbound: {
      dialStarted: (id: number, agent: number, attempt: number, at: number) =>
        events.push(`dial ${id} start ${agent} ${attempt} ${at}`),
      dialEnded: (id: number, outcome: string, at: number) => events.push(`dial ${id} ${outcome} ${at}`),
    },
  };
}

describe('outbound: batch and real-time drivers in lockstep', () => {
  it('threshold blending with calls from outside: every dial and call at the same instant', () => {
    const scenario = blendedScenario(outboundFragment({ reserveIdleAgents: 2 }));
    const batchEvents: Event[] = [];
    const arrivals: { id: number; at: number }[] = [];
    const observers = record(batchEvents);
    const batch = createModelRun(scenario, {
      seed: 8,
      replication: 0,
      mode: 'batch',
      observers: {
        phone: { arrived: (id, at) => arrivals.push({ id, at }), outcome: observers.phone.outcome },
        outbound: observers.outbound,
      },
    });
    runBatch(batch.simulation);
    const horizonS = batch.simulation.horizonS;

    const time = new ManualTime();
    const clock = createModelClock(0, 1, time.wallNowMs);
    const realtimeEvents: Event[] = [];
    const realtime = createModelRun(scenario, {
      seed: 8,
      replication: 0,
      mode: 'realtime',
      observers: record(realtimeEvents),
    });
    const driver = new RealtimeDriver(realtime.simulation, clock, time);
    clock.start();
    for (const arrival of arrivals) {
      driver.runDue(arrival.at);
      realtime.processes.phone!.offer(arrival.at, arrival.id);
    }
    driver.runDue(horizonS * (1 - 1e-12));

    expect(batchEvents.filter((e) => e.includes(' start ')).length).toBeGreaterThan(500);
    for (let i = 0; i < batchEvents.length; i++) {
      if (realtimeEvents[i] !== batchEvents[i])
        expect(realtimeEvents.slice(i - 3, i + 4), `event #${i}`).toEqual(batchEvents.slice(i - 3, i + 4));
    }
    expect(realtimeEvents.length).toBe(batchEvents.length);
  });
});
