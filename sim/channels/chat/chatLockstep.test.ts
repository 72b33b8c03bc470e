import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../../scenarios/loadScenario.js';
import type { ScenarioModel } from '../../../scenarios/ScenarioModel.js';
import { runBatch } from '../../engine/BatchDriver.js';
import { createModelClock } from '../../engine/ModelClock.js';
import { RealtimeDriver } from '../../engine/RealtimeDriver.js';
import { createModelRun } from '../../ModelRun.js';
import { ManualTime } from '../../testing/ManualTime.js';
import { scenarioText } from '../../testing/scenarioText.js';

// One model, two clocks, for chat in a shared pool: phone calls and chat sessions served by the same
// agents (phone first), several messages per session, stretch factors, answering hours with
// asynchronous questions. In the real-time run the residents are outside, as the mocks' clients are:
// every call, every session, every later message and every close comes from outside at the batch
// run's instant, and every reply and outcome must come at the same instant, by the same agent.

function ecosystem(): ScenarioModel {
  const text = scenarioText('stationary-mmc', (f) => {
    f.calendar.days = 2;
    f.channels.phone.demand.callsPerDay = 3000;
    f.agents.groups[0] = {
      name: 'blended',
      skills: ['phone', 'chat'],
      maxChats: 3,
      staffing: { kind: 'perInterval', agents: Array.from({ length: 48 }, (_, i) => (i < 16 ? 4 : 9)) },
    };
    f.channels.chat = {
      hours: { mon: ['08:00-20:00'], tue: ['08:00-20:00'] },
      asynchronous: true,
      demand: { sessionsPerDay: 900, intradayShape: Array(48).fill(1) },
      messages: { kind: 'geometric', mean: 3 },
      thinkTime: { kind: 'exponential', mean: '2m' },
      replyTime: { kind: 'gamma', mean: '90s', cv: 0.8 },
      concurrencyFactors: [1, 1.15, 1.4],
      patience: { kind: 'exponential', mean: '3h' },
      replyPatience: { kind: 'exponential', mean: '10m' },
      targets: { firstResponse: { variant: 'slOffered', threshold: '2h', goal: 0.85 } },
    };
  });
  return loadScenarioText(text, 'ecosystem-lockstep.json');
}

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
    const scenario = ecosystem();
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
