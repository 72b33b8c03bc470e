// Outbound's measured metrics in a k6 run, in the result format of `hotline sim` (kind 'k6'): the
// dials k6's callees claimed become a row of the simulator's outbound counters, and the simulator's
// deriveOutboundMetrics turns it into metrics. What a callee cannot see (the list, load times, the
// agents: specs with `k6: null`) is null with n = 0.

import { deriveOutboundMetrics } from '../../sim/channels/outbound/deriveOutboundMetrics.js';
import { OUTBOUND_FIELDS, type OutboundCounterRow } from '../../sim/channels/outbound/OutboundCounters.js';
import { channelMetrics } from '../../sim/metrics/metricRegistry.js';
import type { ChannelSummary, K6ChannelResults } from '../K6ChannelResults.js';
import { countFigure, NO_FIGURE, proportionFigure } from '../k6Figures.js';
import type { MeasuredOutbound } from './measuredOutbound.js';

/**
 * The simulator's counters of the measured dials whose interval passes `keep`: attempts and connects
 * in the interval the dial started in (as the simulator counts them), numbers reached and given up in
 * the interval their dial ended in. A dial whose requests failed (`error`) is still an attempt: the
 * model dialled it.
 */
export function outboundCounterRow(
  facts: MeasuredOutbound,
  keep: (interval: number) => boolean = () => true,
): OutboundCounterRow {
  const row = Object.fromEntries(OUTBOUND_FIELDS.map((f) => [f, 0])) as OutboundCounterRow;
  for (const dial of facts.dials) {
    if (!keep(dial.interval)) continue;
    row.attempts++;
    if (dial.outcome === 'answered') row.connected++;
  }
  row.completed = facts.completed.filter(keep).length;
  row.failed = facts.failed.filter(keep).length;
  return row;
}

/** Outbound metrics of the measured dials, by the simulator's formulas; the connect rate with a Wilson interval. */
export function measureK6Outbound(
  facts: MeasuredOutbound,
  keep?: (interval: number) => boolean,
): ChannelSummary {
  const row = outboundCounterRow(facts, keep);
  const derived = deriveOutboundMetrics(row, 0);
  const decided = facts.dials.filter((d) => (keep?.(d.interval) ?? true) && d.outcome !== 'error').length;
  const out: ChannelSummary = {};
  for (const spec of channelMetrics('outbound')) {
    const value = derived[spec.name as keyof typeof derived];
    out[spec.name] =
      spec.k6 === null || value === null
        ? NO_FIGURE
        : spec.name === 'connectRate'
          ? proportionFigure(row.connected, decided)
          : countFigure(value);
  }
  return out;
}

const intervalOf = (tags: Record<string, string>) => Number(tags.interval ?? -1);

/** Outbound in a k6 run: the dials k6's callees claimed (outbound_dials, outbound_completed, outbound_failed). */
export const outboundK6Results: K6ChannelResults<'outbound', MeasuredOutbound> = {
  channel: 'outbound',
  emptyFacts: () => ({ dials: [], completed: [], failed: [] }),
  samples: {
    outbound_dials: ({ tags }, into) => {
      into.dials.push({ interval: intervalOf(tags), outcome: tags.outcome ?? 'error' });
    },
    outbound_completed: ({ tags }, into) => {
      into.completed.push(intervalOf(tags));
    },
    outbound_failed: ({ tags }, into) => {
      into.failed.push(intervalOf(tags));
    },
  },
  measure: (measurement, _thresholdS, keep) =>
    measureK6Outbound(measurement.channels.outbound ?? outboundK6Results.emptyFacts(), keep),
  thresholdS: (scenario) => scenario.channels.outbound?.targets.thresholdS ?? null,
};
