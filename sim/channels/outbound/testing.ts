// Test support for the outbound channel's tests. Not product code.
import { loadScenarioText } from '../../../scenarios/loadScenario.js';
import type { ScenarioModel } from '../../../scenarios/ScenarioModel.js';
import { type ScenarioChange, scenarioText } from '../../testing/scenarioText.js';
import type { OutboundChannelFile } from './outboundSchema.js';

/** An outbound fragment with every field given; tests override what they study. */
export function outboundFragment(change: Partial<OutboundChannelFile> = {}): OutboundChannelFile {
  return {
    campaign: { numbersPerDay: 2000, window: { mon: ['09:00-21:00'], tue: ['09:00-21:00'] } },
    maxAttempts: 3,
    connectProbability: 0.6,
    retryDelay: { kind: 'exponential', mean: '1h' },
    noAnswerTime: { kind: 'uniform', min: '20s', max: '40s' },
    talkTime: { kind: 'exponential', mean: '3m' },
    reserveIdleAgents: 2,
    targets: { reached: { variant: 'slOffered', threshold: '1d', goal: 0.8 } },
    ...change,
  };
}

/**
 * stationary-mmc (M/M/14, 10 Erlangs of inbound, 1-day horizon from a Monday) with its group given
 * the outbound skill after phone and the campaign `outbound`; `change` edits the file further.
 */
export function blendedScenario(outbound: OutboundChannelFile, change?: ScenarioChange): ScenarioModel {
  const text = scenarioText('stationary-mmc', (f) => {
    f.agents.groups[0]!.skills = ['phone', 'outbound'];
    f.channels.outbound = outbound;
    change?.(f);
  });
  return loadScenarioText(text, 'blended.json');
}
