import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../../scenarios/loadScenario.js';
import { runBatch } from '../../engine/BatchDriver.js';
import { createModelRun } from '../../ModelRun.js';
import { scenarioText } from '../../testing/scenarioText.js';

// An asynchronous chat keeps the questions posted before its answering hours; at the opening the
// agents take them at once. Hand-computed: 50 one-slot agents, questions only posted 06:00-08:00
// (about 40), one message each, a reply of exactly 60 s: every first reply lands at 08:01, and none
// is late, whether the agents were on duty all night or start their shift at 08:00 (their shift
// start, the opening and the interval boundary all fall on the same instant).

type Staffing =
  | { kind: 'constant'; agents: number }
  | { kind: 'shifts'; shifts: { start: string; length: string; agents: number }[] };

function run(staffing: Staffing) {
  const text = scenarioText('stationary-mmc', (f) => {
    f.channels.phone.demand.callsPerDay = 10;
    f.agents.groups.push({ name: 'moderators', skills: ['chat'], maxChats: 1, staffing });
    f.channels.chat = {
      hours: { mon: ['08:00-20:00'] },
      asynchronous: true,
      demand: {
        sessionsPerDay: 40,
        intradayShape: Array.from({ length: 48 }, (_, i) => (i >= 12 && i < 16 ? 1 : 0)),
      },
      messages: 1,
      replyTime: { kind: 'deterministic', value: '60s' },
      patience: { kind: 'deterministic', value: '1d' },
      targets: { firstResponse: { variant: 'slOffered', threshold: '2h', goal: 0.85 } },
    };
  });
  const scenario = loadScenarioText(text, 'chat-opening.json');
  const arrivals: number[] = [];
  const replies: number[] = [];
  const model = createModelRun(scenario, {
    seed: 3,
    replication: 0,
    mode: 'batch',
    observers: {
      chat: {
        arrived: (_id, at) => arrivals.push(at),
        reply: (_id, _message, at) => replies.push(at),
        outcome: () => {},
      },
    },
  });
  runBatch(model.simulation);
  return { arrivals, replies };
}

describe('asynchronous chat at the opening of its answering hours', () => {
  it.each([
    ['agents on duty all night', { kind: 'constant', agents: 50 } as Staffing],
    [
      'agents starting their shift at the opening',
      { kind: 'shifts', shifts: [{ start: '08:00', length: '12h', agents: 50 }] } as Staffing,
    ],
  ])('%s: every question posted before 08:00 is answered at 08:00 + the reply time', (_label, staffing) => {
    const { arrivals, replies } = run(staffing);
    expect(arrivals.length).toBeGreaterThan(20);
    expect(arrivals.every((t) => t >= 6 * 3600 && t < 8 * 3600)).toBe(true);
    expect(replies).toEqual(arrivals.map(() => 8 * 3600 + 60));
  });
});
