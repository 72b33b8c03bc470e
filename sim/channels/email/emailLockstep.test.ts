import { describe, expect, it } from 'vitest';
import { runBatch } from '../../engine/BatchDriver.js';
import { createModelClock } from '../../engine/ModelClock.js';
import { RealtimeDriver } from '../../engine/RealtimeDriver.js';
import { createModelRun } from '../../ModelRun.js';
import { ManualTime } from '../../testing/ManualTime.js';
import { withEmail } from './testing.js';

// One model, two clocks, for e-mail in a shared pool: calls first, e-mails in the time calls leave,
// office hours over two days with a backlog carried overnight. In the real-time run every call and
// every e-mail comes from outside at the batch run's instant (as the mocks' clients send them), and
// every e-mail must be opened and answered at the same instant by the same agent.

type Event = string;

function record(events: Event[]) {
  return {
    phone: {
      outcome: (r: { contactId: number; outcome: string; atS: number; agent: number }) =>
        events.push(`phone ${r.contactId} ${r.outcome} ${r.atS} ${r.agent}`),
    },
    email: {
      started: (id: number, at: number, agent: number) => events.push(`email ${id} opened ${at} ${agent}`),
      answered: (id: number, at: number, agent: number, working: number) =>
        events.push(`email ${id} answered ${at} ${agent} ${working}`),
    },
  };
}

describe('email: batch and real-time drivers in lockstep', () => {
  it('shared pool, calls first: every e-mail opened and answered at the same instant by the same agent', () => {
    const scenario = withEmail(
      {
        demand: { emailsPerDay: 1200, intradayShape: Array(48).fill(1) },
        handleTime: { kind: 'gamma', mean: '7m', cv: 0.7 },
      },
      { days: 2, callsPerDay: 2400 },
    );
    const batchEvents: Event[] = [];
    const arrivals: { channel: 'phone' | 'email'; id: number; at: number }[] = [];
    const observers = record(batchEvents);
    const batch = createModelRun(scenario, {
      seed: 5,
      replication: 0,
      mode: 'batch',
      observers: {
        phone: {
          arrived: (id, at) => arrivals.push({ channel: 'phone', id, at }),
          outcome: observers.phone.outcome,
        },
        email: { ...observers.email, arrived: (id, at) => arrivals.push({ channel: 'email', id, at }) },
      },
    });
    runBatch(batch.simulation);
    const horizonS = batch.simulation.horizonS;
    arrivals.sort((a, b) => a.at - b.at);

    const time = new ManualTime();
    const clock = createModelClock(0, 1, time.wallNowMs);
    const realtimeEvents: Event[] = [];
    const realtime = createModelRun(scenario, {
      seed: 5,
      replication: 0,
      mode: 'realtime',
      observers: record(realtimeEvents),
    });
    const driver = new RealtimeDriver(realtime.simulation, clock, time);
    clock.start();
    for (const arrival of arrivals) {
      driver.runDue(arrival.at);
      if (arrival.channel === 'phone') realtime.processes.phone!.offer(arrival.at, arrival.id);
      else realtime.processes.email!.offer(arrival.at, arrival.id);
    }
    driver.runDue(horizonS * (1 - 1e-12));

    expect(batchEvents.filter((e) => e.includes(' answered ')).length).toBeGreaterThan(1000);
    for (let i = 0; i < batchEvents.length; i++) {
      if (realtimeEvents[i] !== batchEvents[i])
        expect(realtimeEvents.slice(i - 3, i + 4), `event #${i}`).toEqual(batchEvents.slice(i - 3, i + 4));
    }
    expect(realtimeEvents.length).toBe(batchEvents.length);
  });
});
