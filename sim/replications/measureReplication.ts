import type { ScenarioModel } from '../../scenarios/ScenarioModel.js';
import type { ChannelReplicationMetrics } from '../channels/ChannelPlugin.js';
import { type ChannelCounters, type ChannelMap, presentChannels } from '../channels/index.js';
import type { RunWindowIntervals } from '../channels/RunWindowIntervals.js';

/** Metrics of one replication at the three levels a planner reads (interval, day, run), by channel. */
export interface ReplicationMetrics {
  readonly channels: ChannelMap<ChannelReplicationMetrics>;
}

/** `run` covers the window's intervals when one is given, else the whole horizon. */
export function measureReplication(
  scenario: ScenarioModel,
  counters: ChannelCounters,
  window?: RunWindowIntervals,
): ReplicationMetrics {
  const channels: Record<string, ChannelReplicationMetrics> = {};
  for (const channel of presentChannels(scenario.channels)) {
    const model = (scenario.channels as Record<string, unknown>)[channel.name];
    const raw = (counters as Record<string, unknown>)[channel.name];
    channels[channel.name] = channel.measure(model, raw, scenario.calendar, window);
  }
  return { channels };
}
