import type { ReplayConfig } from './replayConfig.js';

/** What k6Options needs of a channel: its name (scenario name and `exec`) and its scenario entry. */
interface ScenarioSource {
  readonly channel: string;
  k6Scenario(config: never, replay: ReplayConfig): Record<string, unknown>;
}

/**
 * The `options` export of the k6 script: a scenario per replayed channel (`exec` = the function the
 * bundle's entry exports under the channel's name), the thresholds. `sources`: the channels' k6
 * modules in the bundle, their Node clients (k6Clients.ts) in tests and manifests.
 */
export function k6Options(config: ReplayConfig, sources: readonly ScenarioSource[]) {
  const scenarios: Record<string, Record<string, unknown>> = {};
  const parts: Readonly<Record<string, unknown>> = config.channels;
  for (const source of sources) {
    const part = parts[source.channel];
    if (part === undefined) continue;
    scenarios[source.channel] = { ...source.k6Scenario(part as never, config), exec: source.channel };
  }
  return {
    scenarios,
    thresholds: config.thresholds,
    summaryTrendStats: ['avg', 'min', 'med', 'p(90)', 'p(95)', 'p(99)', 'max', 'count'],
    discardResponseBodies: false,
  };
}
