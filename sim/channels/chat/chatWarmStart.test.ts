import { describe, expect, it } from 'vitest';
import { runBatch, runUntil } from '../../engine/BatchDriver.js';
import { FIRST_EXTERNAL_CONTACT_ID, isExternalContact } from '../../engine/externalContacts.js';
import { createModelClock } from '../../engine/ModelClock.js';
import { RealtimeDriver } from '../../engine/RealtimeDriver.js';
import { createModelRun } from '../../ModelRun.js';
import { ManualTime } from '../../testing/ManualTime.js';
import { blendedEcosystem } from './testing.js';

// The warm start for chat in a shared pool: the model runs the day with its own calls and sessions
// up to the window start; from then on new calls and sessions come from outside, and so do their
// later messages and closes, while the sessions that opened before the window go on inside the model
// (their residents' think times and reply patience are the model's). Fed the full-day run's instants,
// every reply and outcome inside the window must be the full day's, by the same agent.

type Step = { channel: 'phone' | 'chat' | 'message' | 'close'; id: number; at: number };
type Event = { at: number; text: string };

function observersInto(events: Event[], steps: Step[] | null, mapId: (id: number) => number) {
  return {
    observers: {
      phone: {
        arrived: (id: number, at: number) => steps?.push({ channel: 'phone', id, at }),
        outcome: (r: { contactId: number; outcome: string; atS: number; agent: number }) =>
          events.push({ at: r.atS, text: `phone ${mapId(r.contactId)} ${r.outcome} ${r.atS} ${r.agent}` }),
      },
      chat: {
        arrived: (id: number, at: number) => steps?.push({ channel: 'chat', id, at }),
        messaged: (id: number, at: number) => steps?.push({ channel: 'message', id, at }),
        outcome: (id: number, outcome: string, at: number) => {
          events.push({ at, text: `chat ${mapId(id)} ${outcome} ${at}` });
          if (outcome === 'completed' || outcome === 'left') steps?.push({ channel: 'close', id, at });
        },
        reply: (id: number, message: number, at: number, agent: number) =>
          events.push({ at, text: `chat ${mapId(id)} reply ${message} ${at} ${agent}` }),
      },
    },
  };
}

describe('chat: a warm-started window equals the full-day run inside it', () => {
  it('Monday 12:00-16:00: sessions of the morning go on in the model, the window comes from outside', () => {
    const scenario = blendedEcosystem(1, 'ecosystem-warm.json');
    const fromS = 12 * 3600;
    const toS = 16 * 3600;
    const dayEvents: Event[] = [];
    const steps: Step[] = [];
    const day = createModelRun(scenario, {
      seed: 6,
      replication: 0,
      mode: 'batch',
      ...observersInto(dayEvents, steps, (id) => id),
    });
    runBatch(day.simulation);
    steps.sort((a, b) => a.at - b.at);
    const firstOutside = { phone: Number.POSITIVE_INFINITY, chat: Number.POSITIVE_INFINITY };
    for (const step of steps) {
      if (step.at < fromS) continue;
      if (step.channel === 'phone') firstOutside.phone = Math.min(firstOutside.phone, step.id);
      if (step.channel === 'chat') firstOutside.chat = Math.min(firstOutside.chat, step.id);
    }

    const warmEvents: Event[] = [];
    const external = (id: number) => FIRST_EXTERNAL_CONTACT_ID + id;
    const warm = createModelRun(scenario, {
      seed: 6,
      replication: 0,
      mode: 'realtime',
      ownArrivalsUntilS: fromS,
      ...observersInto(warmEvents, null, (id) =>
        isExternalContact(id) ? id - FIRST_EXTERNAL_CONTACT_ID : id,
      ),
    });
    runUntil(warm.simulation, fromS);
    const inProgressAtStart = warm.processes.chat!.sessionsInProgress + warm.processes.chat!.queued;
    const time = new ManualTime();
    const clock = createModelClock(fromS, 1, time.wallNowMs);
    const driver = new RealtimeDriver(warm.simulation, clock, time);
    clock.start();
    let ownSteps = 0;
    for (const step of steps) {
      if (step.at < fromS || step.at >= toS) continue;
      driver.runDue(step.at);
      const outside = step.channel === 'phone' ? step.id >= firstOutside.phone : step.id >= firstOutside.chat;
      if (!outside) {
        ownSteps++; // a session of the morning: its resident is inside the model
        continue;
      }
      if (step.channel === 'phone') warm.processes.phone!.offer(step.at, external(step.id));
      else if (step.channel === 'chat') warm.processes.chat!.offer(step.at, external(step.id));
      else if (step.channel === 'message')
        expect(warm.processes.chat!.message(step.at, external(step.id))).toBe(true);
      else expect(warm.processes.chat!.close(step.at, external(step.id))).toBe(true);
    }
    driver.runDue(toS);

    const window = (events: Event[]) => events.filter((e) => e.at >= fromS && e.at < toS).map((e) => e.text);
    const expected = window(dayEvents);
    const actual = window(warmEvents);
    // The case exercises what it claims: sessions open at the window start, whose residents write
    // again inside the window, and a busy window.
    expect(inProgressAtStart).toBeGreaterThan(3);
    expect(ownSteps).toBeGreaterThan(5);
    expect(expected.filter((e) => e.includes(' reply ')).length).toBeGreaterThan(200); // hundreds
    for (let i = 0; i < expected.length; i++) {
      if (actual[i] !== expected[i])
        expect(actual.slice(i - 3, i + 4), `event #${i}`).toEqual(expected.slice(i - 3, i + 4));
    }
    expect(actual.length).toBe(expected.length);
  });
});
