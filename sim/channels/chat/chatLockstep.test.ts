import { describe, expect, it } from 'vitest';
import { runBatch } from '../../engine/BatchDriver.js';
import { createModelClock } from '../../engine/ModelClock.js';
import { RealtimeDriver } from '../../engine/RealtimeDriver.js';
import { createModelRun } from '../../ModelRun.js';
import { ManualTime } from '../../testing/ManualTime.js';
import { blendedEcosystem } from './testing.js';

// One model, two clocks, for chat in a shared pool: phone calls and chat sessions served by the same
// agents (phone first), several messages per session, stretch factors, answering hours with
// asynchronous questions. In the real-time run the residents are outside, as the mocks' clients are:
// every call, every session, every later message and every close comes from outside at the batch
// run's instant, and every reply and outcome must come at the same instant, by the same agent.

type Event = string;

function record(events: Event[]) {
  return {
    phone: {
      outcome: (r: { contactId: number; outcome: string; atS: number; agent: number }) =>
        events.push(`phone ${r.contactId} ${r.outcome} ${r.atS} ${r.agent}`),
    },
    chat: {
      outcome: (id: number, outcome: string, at: number) => events.push(`chat ${id} ${outcome} ${at}`),
      reply: (id: number, message: number, at: number, agent: number) =>
        events.push(`chat ${id} reply ${message} ${at} ${agent}`),
    },
  };
}

describe('chat: batch and real-time drivers in lockstep', () => {
  it('shared pool, phone first: every reply and outcome at the same instant by the same agent', () => {
    const scenario = blendedEcosystem(2, 'ecosystem-lockstep.json');
    const batchEvents: Event[] = [];
    const arrivals: { channel: 'phone' | 'chat' | 'message' | 'close'; id: number; at: number }[] = [];
    const observers = record(batchEvents);
    const batch = createModelRun(scenario, {
      seed: 4,
      replication: 0,
      mode: 'batch',
      observers: {
        phone: {
          arrived: (id, at) => arrivals.push({ channel: 'phone', id, at }),
          outcome: observers.phone.outcome,
        },
        chat: {
          reply: observers.chat.reply,
          outcome: (id, outcome, at) => {
            observers.chat.outcome(id, outcome, at);
            // The resident outside ends a session it completed or left; abandonment is the model's patience.
            if (outcome === 'completed' || outcome === 'left') arrivals.push({ channel: 'close', id, at });
          },
          arrived: (id, at) => arrivals.push({ channel: 'chat', id, at }),
          messaged: (id, at) => arrivals.push({ channel: 'message', id, at }),
        },
      },
    });
    runBatch(batch.simulation);
    const horizonS = batch.simulation.horizonS;
    arrivals.sort((a, b) => a.at - b.at);

    const time = new ManualTime();
    const clock = createModelClock(0, 1, time.wallNowMs);
    const realtimeEvents: Event[] = [];
    const realtime = createModelRun(scenario, {
      seed: 4,
      replication: 0,
      mode: 'realtime',
      observers: record(realtimeEvents),
    });
    const driver = new RealtimeDriver(realtime.simulation, clock, time);
    clock.start();
    for (const arrival of arrivals) {
      driver.runDue(arrival.at);
      if (arrival.channel === 'phone') realtime.processes.phone!.offer(arrival.at, arrival.id);
      else if (arrival.channel === 'chat') realtime.processes.chat!.offer(arrival.at, arrival.id);
      else if (arrival.channel === 'message')
        expect(realtime.processes.chat!.message(arrival.at, arrival.id)).toBe(true);
      else expect(realtime.processes.chat!.close(arrival.at, arrival.id)).toBe(true);
    }
    driver.runDue(horizonS * (1 - 1e-12));

    expect(batchEvents.filter((e) => e.includes(' reply ')).length).toBeGreaterThan(1000);
    expect(batchEvents.some((e) => e.endsWith('left') || e.includes(' left '))).toBe(true);
    for (let i = 0; i < batchEvents.length; i++) {
      if (realtimeEvents[i] !== batchEvents[i])
        expect(realtimeEvents.slice(i - 3, i + 4), `event #${i}`).toEqual(batchEvents.slice(i - 3, i + 4));
    }
    expect(realtimeEvents.length).toBe(batchEvents.length);
  });
});
