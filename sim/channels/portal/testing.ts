// Test support for the portal channel: a small ecosystem with a portal, a 24-hour phone line and a
// chat on one pool. Not product code.
import { loadScenarioText } from '../../../scenarios/loadScenario.js';
import type { ScenarioModel } from '../../../scenarios/ScenarioModel.js';
import type { ScenarioChange, ShippedScenarioFile } from '../../testing/scenarioText.js';
import { scenarioText } from '../../testing/scenarioText.js';
import type { PortalChannelFile } from './portalSchema.js';

export type PortalFile = ShippedScenarioFile & { channels: { portal: PortalChannelFile } };

/**
 * stationary-mmc (4,800 calls a day) over 5 days with a 24-hour chat (600 sessions a day) and a portal of 2,000
 * applications a day from a Monday: one type of 2-4 working days (deadline 3), 3 documents, 20% of
 * submissions refused, half of them resubmitted after a second; every support delay is one second.
 */
export function portalScenario(change?: (file: PortalFile) => void): ScenarioModel {
  return loadScenarioText(portalScenarioText(change), 'portal-test.json');
}

/** portalScenario's file as text (what simulateScenario takes). */
export function portalScenarioText(change?: (file: PortalFile) => void): string {
  const apply: ScenarioChange = (f) => {
    const file = f as PortalFile;
    file.calendar.startDate = '2021-03-01';
    file.calendar.days = 5;
    file.agents.groups[0] = {
      name: 'operators',
      skills: ['phone', 'chat'],
      maxChats: 2,
      staffing: { kind: 'constant', agents: 20 },
    };
    file.channels.chat = {
      hours: '24/7',
      demand: { sessionsPerDay: 600, intradayShape: Array(48).fill(1) },
      replyTime: { kind: 'exponential', mean: '60s' },
      patience: { kind: 'exponential', mean: '10m' },
      targets: { firstResponse: { variant: 'slOffered', threshold: '2m', goal: 0.8 } },
    };
    file.channels.portal = {
      demand: { applicationsPerDay: 2000, intradayShape: Array(48).fill(1) },
      applicationTypes: [
        { name: 'benefit', share: 1, decisionDays: { kind: 'uniform', min: 2, max: 4 }, deadlineDays: 3 },
      ],
      documents: 3,
      validation: {
        refused: { wrongType: 0.05, tooBig: 0.05, badField: 0.1 },
        resubmit: { probability: 0.5, delay: '1s', maxAttempts: 3 },
      },
      statusChecks: { perDay: 2 },
      support: [
        { cause: 'refusedUpload', probability: 0.3, channel: 'phone', delay: '1s' },
        { cause: 'refusedUpload', probability: 0.2, channel: 'chat', delay: '1s' },
        { cause: 'statusQuestion', probability: 0.1, channel: 'chat', delay: '1s' },
        { cause: 'decisionLate', probability: 0.5, channel: 'phone', delay: '1s' },
        { cause: 'decision', probability: 0.25, channel: 'phone', delay: '1s' },
      ],
      targets: { decisionsOnTime: { goal: 0.9 } },
    };
    change?.(file);
  };
  return scenarioText('stationary-mmc', apply);
}
