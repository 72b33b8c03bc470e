// Test support: small check-in scenarios built in code (the shipped social-monitoring is too big to
// replicate in a test). Lives beside the tests, not in the product.
import { loadScenarioText } from '../../../scenarios/loadScenario.js';
import type { ScenarioModel } from '../../../scenarios/ScenarioModel.js';
import type { ScenarioFile } from '../../../scenarios/scenarioSchema.js';
import { runBatch } from '../../engine/BatchDriver.js';
import { createModelRun, type ModelRun } from '../../ModelRun.js';
import type { CheckinChannelFile } from './checkinSchema.js';

/** A check-in fragment with no failures, no calls and nothing random but the prompts' instants. */
export function quietCheckin(): CheckinChannelFile {
  return {
    population: { initial: 1000, admissionsPerDay: 0, daysMonitored: 1 },
    prompts: { meanGap: '2h' },
    responseDelay: '5m',
    deadline: '1h',
    failures: { noResponse: 0, appError: 0, geolocationWrong: 0, photoNotIdentified: 0 },
    verification: { capacity: 1000, latency: '10s' },
    targets: { confirmation: { threshold: '15m', goal: 0.9 } },
  };
}

/** A scenario of hourly intervals with that check-in fragment, `reviewers` agents, and maybe a phone. */
export function checkinScenarioFile(
  checkin: CheckinChannelFile,
  options: { days?: number; reviewers?: number; phone?: boolean } = {},
): ScenarioFile {
  const groups: ScenarioFile['agents']['groups'] = [
    {
      name: 'reviewers',
      skills: ['review'],
      staffing: { kind: 'constant', agents: options.reviewers ?? 1 },
    },
  ];
  const channels: ScenarioFile['channels'] = { checkin };
  if (options.phone) {
    groups.push({ name: 'operators', skills: ['phone'], staffing: { kind: 'constant', agents: 5 } });
    channels.phone = {
      hours: '24/7',
      demand: { callsPerDay: 0, intradayShape: Array(24).fill(1) },
      talkTime: { kind: 'exponential', mean: '3m' },
      patience: { kind: 'exponential', mean: '5m' },
      targets: { serviceLevel: { variant: 'slOffered', threshold: '20s', goal: 0.8 } },
    };
  }
  return {
    name: 'checkin-test',
    description: 'built by sim/channels/checkin/testing.ts',
    source: [],
    formatVersion: 2,
    calendar: { startDate: '2024-01-01', days: options.days ?? 2, interval: '60m' },
    agents: { groups },
    channels,
  } as ScenarioFile;
}

export function checkinScenario(...args: Parameters<typeof checkinScenarioFile>): ScenarioModel {
  return loadScenarioText(JSON.stringify(checkinScenarioFile(...args)), 'checkin-test.json');
}

/** One batch replication, finished at the horizon. */
export function runCheckin(scenario: ScenarioModel, seed: number, replication = 0): ModelRun {
  const run = createModelRun(scenario, { seed, replication, mode: 'batch' });
  runBatch(run.simulation);
  for (const process of Object.values(run.processes)) process.finish(run.simulation.horizonS);
  return run;
}
