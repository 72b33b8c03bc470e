// Test support for the chat channel's lockstep and warm-start tests. Not product code.
import { loadScenarioText } from '../../../scenarios/loadScenario.js';
import type { ScenarioModel } from '../../../scenarios/ScenarioModel.js';
import { scenarioText } from '../../testing/scenarioText.js';

/**
 * stationary-mmc as a small ecosystem over `days` days (1 or 2, from a Monday): 3,000 calls a day
 * and an asynchronous chat (900 questions a day, answered Mon-Tue 08:00-20:00, 2-h rule, several
 * messages, think times, stretching, reply patience) on one blended group of 4 agents at night and
 * 9 by day holding up to 3 chats each.
 */
export function blendedEcosystem(days: 1 | 2, file: string): ScenarioModel {
  const text = scenarioText('stationary-mmc', (f) => {
    f.calendar.days = days;
    f.channels.phone.demand.callsPerDay = 3000;
    f.agents.groups[0] = {
      name: 'blended',
      skills: ['phone', 'chat'],
      maxChats: 3,
      staffing: { kind: 'perInterval', agents: Array.from({ length: 48 }, (_, i) => (i < 16 ? 4 : 9)) },
    };
    f.channels.chat = {
      hours: days === 2 ? { mon: ['08:00-20:00'], tue: ['08:00-20:00'] } : { mon: ['08:00-20:00'] },
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
  return loadScenarioText(text, file);
}
