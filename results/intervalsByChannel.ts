import { type ChannelMap, channelEntries } from '../sim/channels/index.js';
import type { MetricSummaries, ReplicationSummary } from '../sim/replications/summarizeReplications.js';

/** The per-interval summaries of each channel of a simulated run, for intervals.csv. */
export function intervalsByChannel(summary: ReplicationSummary): ChannelMap<MetricSummaries[]> {
  return Object.fromEntries(channelEntries(summary.channels).map(([name, s]) => [name, s.intervals]));
}
