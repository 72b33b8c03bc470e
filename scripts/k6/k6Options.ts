import { K6_CLIENTS } from './k6Clients.js';
import type { ReplayConfig } from './replayConfig.js';

/** The `options` export of the k6 script: a scenario per replayed channel (k6Clients.ts), the thresholds. */
export function k6Options(config: ReplayConfig) {
  const scenarios: Record<string, Record<string, unknown>> = {};
  for (const client of K6_CLIENTS) {
    const scenario = client.k6Scenario(config);
    if (scenario !== null) scenarios[scenario[0]] = scenario[1];
  }
  return {
    scenarios,
    thresholds: config.thresholds,
    summaryTrendStats: ['avg', 'min', 'med', 'p(90)', 'p(95)', 'p(99)', 'max', 'count'],
    discardResponseBodies: false,
  };
}
